// Appendix G, end to end: summarise each classified conversation's request, embed the summaries,
// cluster them at every level, name and place each cluster, and compare each level with the run's
// direct assignment. Every Claude answer is checkpointed (per item: input hash, model, prompt
// version), embeddings are cached and each level's labels stored, so a paused or crashed job
// resumes without paying for anything twice and ends with the same report.
import type { Db } from '../../db/open';
import type { ReconstructionLevel, ReconstructionReport } from '../../../src-shared/reconstruct';
import { DEMO_PROVENANCE } from '../../../src-shared/demo';
import { REQUEST_SUMMARY_VERSION, CLUSTER_NAMING_VERSION } from '../../../src-shared/prompts/reconstruct';
import { UnavailableError } from '../errors';
import type { LlmClient } from '../llm/client';
import type { RunContext, StepProgress } from '../pipeline/steps';
import { PhaseTracker } from '../pipeline/phases';
import { combineLanes } from '../pipeline/lanes';
import type { Embed } from '../classify/offline';
import { loadTree, type Tree } from '../classify/tree';
import { TEMPLATES } from '../classify/facets';
import { finishedRun, type ReconstructConfig } from './config';
import { classifiedConversations, offlineRequests, requestSummaries, type Corpus } from './corpus';
import { clusterLevel, corpusKey, medoid, planLevels, sampleSummaries, type LevelClusters } from './levels';
import { placeOffline, placeWithClaude, type ClusterItem } from './placement';
import { LABELS, reconstructPhases } from './phases';
import { compareWithDirect } from './direct';
import { dropOtherLevels, recordReport, recordStart } from './store';

export interface ReconstructDeps {
  db: Db;
  llm?: LlmClient;
  embed?: Embed;
  /** The embedding model's id, as its vectors are cached under. */
  embeddingModel: string;
}

export async function reconstructRun(deps: ReconstructDeps, cfg: ReconstructConfig, ctx: RunContext = {}): Promise<ReconstructionReport> {
  const { db } = deps;
  const run = finishedRun(db, cfg.run);
  if (!deps.embed) throw new UnavailableError('the reconstruction needs an embedding model', 'model');
  if (cfg.method === 'claude' && !deps.llm) throw new UnavailableError('the Claude method needs an API key', 'api-key');
  const members = classifiedConversations(db, cfg.run);
  if (members.length === 0) throw new UnavailableError(`run "${cfg.run}" has no classified conversations to cluster`, 'data');
  recordStart(db, cfg);
  const tree = loadTree(db, run.hierarchyId);
  const tracker = new PhaseTracker(reconstructPhases(cfg, members.length, tree.depth));
  const stepDeps = (model: string) => ({ db, llm: deps.llm!, model, concurrency: cfg.concurrency, batches: cfg.batches });

  const corpus: Corpus =
    cfg.method === 'claude'
      ? await requestSummaries(db, stepDeps(cfg.models.summary), members, run.maxConversationChars, tracker.context('summaries', ctx))
      : offlineRequests(db, members);
  const vectors = await deps.embed(corpus.summaries, tracker.context('embed', ctx));
  const { plans, skipped } = planLevels(cfg.levels, corpus.members.length, new Set(corpus.summaries).size);
  const key = corpusKey(corpus.members.map((m) => m.id), corpus.summaries, deps.embeddingModel);
  const levels: LevelClusters[] = [];
  for (const plan of plans) {
    const phase = `kmeans ${plan.meanClusterSize}`;
    const label = LABELS.kmeans(corpus.members.length, plan.k, plan.meanClusterSize);
    const onIteration = (iter: number, max: number) => ctx.onProgress?.(iterationEvent(phase, iter, max, tracker, label));
    levels.push(await clusterLevel(db, cfg.run, plan, vectors, key, cfg.seed, { ...(ctx.signal ? { signal: ctx.signal } : {}), onIteration }));
    finish(ctx, tracker, phase, label);
  }

  const items = clusterItems(levels, corpus, vectors, cfg);
  const placements =
    cfg.method === 'claude'
      ? await placeWithClaude({ cluster: stepDeps(cfg.models.cluster), task: stepDeps(cfg.models.task) }, tree, items, cfg.seed, placementContexts(tracker, ctx, tree, items.length))
      : await placeOffline(deps.embed, tree, items, offlineContext(tracker, ctx, items.length));

  ctx.onProgress?.({ step: 'compare', done: 0, total: 1, failed: 0, fromCheckpoint: 0, elapsedMs: 0, etaMs: null, whole: tracker.update('compare', 0, 1) });
  const compared: ReconstructionLevel[] = compareWithDirect(db, run, corpus, levels, placements);
  dropOtherLevels(db, cfg.run, levels.map((l) => l.meanClusterSize));
  finish(ctx, tracker, 'compare');
  const report: ReconstructionReport = {
    run: cfg.run,
    method: cfg.method,
    ...(cfg.demo ? { provenance: DEMO_PROVENANCE } : {}),
    conversations: corpus.members.length,
    thresholds: run.thresholds,
    promptVersions: promptVersions(cfg),
    embeddingModel: deps.embeddingModel,
    seed: cfg.seed,
    levels: compared,
    ...(skipped.length > 0 ? { skipped } : {}),
  };
  recordReport(db, report);
  return report;
}

function promptVersions(cfg: ReconstructConfig): Record<string, string> {
  if (cfg.method !== 'claude') return { placement: 'offline-embedding' };
  return {
    request: `reconstruct.request@${REQUEST_SUMMARY_VERSION}`,
    cluster: `reconstruct.cluster@${CLUSTER_NAMING_VERSION}`,
    placement: `${TEMPLATES.task.id}@${TEMPLATES.task.version}`,
  };
}

/** Every level's clusters as one list, in level then cluster order (what is named and placed). */
function clusterItems(levels: readonly LevelClusters[], corpus: Corpus, vectors: Float32Array[], cfg: ReconstructConfig): ClusterItem[] {
  return levels.flatMap((l) =>
    l.members.map((m, j) => {
      const key = `${l.meanClusterSize}:${j}`;
      const central = cfg.method === 'claude' ? '' : corpus.summaries[medoid(m, vectors)]!;
      return { key, sample: cfg.method === 'claude' ? sampleSummaries(m, corpus.summaries, cfg.sampleSize, cfg.seed, key) : [], central };
    }),
  );
}

function placementContexts(tracker: PhaseTracker, ctx: RunContext, tree: Tree, clusters: number): { name: RunContext; place: RunContext } {
  const steps = Array.from({ length: tree.depth + 1 }, (_, k) => `classify.task.L${tree.depth - k}`);
  const label = (states: { step: number }[]) => `${LABELS.place(clusters, false)}, level ${Math.max(0, states[0]!.step) + 1} of ${tree.depth + 1}`;
  return {
    name: tracker.context('name', ctx, () => LABELS.name(clusters)),
    place: combineLanes([{ name: 'placement', steps }], clusters, tracker.context('place', ctx), 'place', label),
  };
}

/** The offline traversal embeds the hierarchy's node names first: only the clusters' own texts are the phase's work. */
function offlineContext(tracker: PhaseTracker, ctx: RunContext, clusters: number): RunContext {
  const placed = tracker.context('place', ctx, () => LABELS.place(clusters, true));
  return { ...placed, onProgress: (p) => p.total === clusters && placed.onProgress?.(p) };
}

function iterationEvent(phase: string, iter: number, max: number, tracker: PhaseTracker, label: string): StepProgress {
  return { step: phase, done: iter, total: max, failed: 0, fromCheckpoint: 0, elapsedMs: 0, etaMs: null, whole: tracker.update(phase, iter, max, 0, label) };
}

function finish(ctx: RunContext, tracker: PhaseTracker, key: string, label?: string): void {
  ctx.onProgress?.({ step: key, done: 1, total: 1, failed: 0, fromCheckpoint: 0, elapsedMs: 0, etaMs: null, whole: tracker.update(key, 1, 1, 0, label) });
}
