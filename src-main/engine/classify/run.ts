// A classification run: the conversations of the chosen datasets, in chunks, through each facet.
// Every Claude answer is checkpointed per conversation, and every conversation ends accounted for:
// classified, screened out, or unclassified with the reason. Running the same run again resumes it.
import type { Db } from '../../db/open';
import { UnavailableError } from '../errors';
import { formatConversation } from '../../../src-shared/prompts/classify';
import type { LlmClient } from '../llm/client';
import type { RunContext, StepProgress } from '../pipeline/steps';
import { PhaseTracker } from '../pipeline/phases';
import { combineLanes } from '../pipeline/lanes';
import { ClassifyConfigSchema, type ClassifyConfig } from './config';
import { pattern, screen, screeningPrefixReused, skills, summarise, summaryReadsCachedPrefix, traverse, TEMPLATES, type ChunkItem } from './facets';
import { classifyComposition, compositionVersions } from './composition-run';
import { loadTree } from './tree';
import { mapMultiTasks, multiTaskVersions } from './multi-task';
import { offlineTraverse, type Embed } from './offline';
import { RunWriter, summariseRun, type RunSummary } from './results';
import { classifyPhases, facetLanes, type ChunkPhases } from './phases';
import { runScope } from './scope';
import { windowText } from '../../../src-shared/time-window';

export interface ClassifyDeps {
  db: Db;
  llm?: LlmClient;
  /** Needed by the offline (embedding) method. */
  embed?: Embed;
}

export const CHUNK_SIZE = 2000;

export function resolveConfig(input: Partial<ClassifyConfig> & Pick<ClassifyConfig, 'name' | 'datasets' | 'hierarchyId'>): ClassifyConfig {
  const cfg = ClassifyConfigSchema.parse(input);
  const versions = Object.fromEntries(Object.entries(TEMPLATES).map(([facet, t]) => [facet, `${t.id}@${t.version}`]));
  if (!cfg.privacySummary) delete versions.summary;
  return { ...cfg, promptVersions: compositionVersions(cfg, multiTaskVersions(cfg, cfg.method === 'claude' ? versions : { task: 'offline-embedding' })) };
}

export async function classifyRun(
  deps: ClassifyDeps,
  input: Partial<ClassifyConfig> & Pick<ClassifyConfig, 'name' | 'datasets' | 'hierarchyId'>,
  ctx: RunContext = {},
): Promise<RunSummary> {
  const cfg = resolveConfig(input);
  const writer = new RunWriter(deps.db, cfg);
  writer.start();
  const tree = loadTree(deps.db, cfg.hierarchyId);
  const ids = conversationIds(deps.db, cfg);
  const chunks = Math.ceil(ids.length / CHUNK_SIZE);
  const tracker = new PhaseTracker(classifyPhases(cfg, ids.length, CHUNK_SIZE, tree.depth));
  for (let start = 0, chunk = 1; start < ids.length; start += CHUNK_SIZE, chunk++) {
    const label = `chunk ${chunk}/${chunks}`;
    const chunkCtx = { ...ctx, onProgress: (p: StepProgress) => ctx.onProgress?.({ ...p, step: `${label} ${p.step}` }) };
    const items = loadChunk(deps.db, ids.slice(start, start + CHUNK_SIZE), cfg.maxConversationChars);
    const phases: ChunkPhases = { tracker, key: `c${chunk}`, ctx: chunkCtx };
    if (cfg.method === 'offline-embedding') await classifyOffline(deps, cfg, tree, items, writer, phases);
    else await classifyWithClaude(deps, cfg, tree, items, writer, phases);
  }
  report(ctx, tracker, 'summary', 0);
  writer.finish();
  const summary = summariseRun(deps.db, cfg.name);
  report(ctx, tracker, 'summary', 1);
  return summary;
}

/** A phase with no inner progress: its start (0 of 1) or its end (1 of 1). */
function report(ctx: RunContext, tracker: PhaseTracker, key: string, done: 0 | 1): void {
  const whole = tracker.update(key, done, 1);
  ctx.onProgress?.({ step: key, done, total: 1, failed: 0, fromCheckpoint: 0, elapsedMs: 0, etaMs: null, whole });
}

async function classifyWithClaude(
  deps: ClassifyDeps,
  cfg: ClassifyConfig,
  tree: ReturnType<typeof loadTree>,
  items: ChunkItem[],
  writer: RunWriter,
  phases: ChunkPhases,
): Promise<void> {
  if (!deps.llm) throw new UnavailableError('the Claude method needs an API key', 'api-key');
  // Screening is one phase; the facets after it run side by side and report as one combined phase,
  // so they no longer overwrite each other's progress.
  const { tracker, key } = phases;
  const screenCtx = tracker.context(`${key} screen`, phases.ctx);
  const stepDeps = (model: string) => ({ db: deps.db, llm: deps.llm!, model, concurrency: cfg.concurrency, batches: cfg.batches });
  let relevant = items;
  /** What the traversal reads: the conversation, or its privacy summary when configured. */
  const mappingInput = async (ctx: RunContext): Promise<ChunkItem[]> => {
    if (!cfg.privacySummary) return relevant;
    const summaries = await summarise(stepDeps(cfg.models.summary), relevant, ctx, summaryReadsCachedPrefix(cfg));
    writer.facet('summary', relevant, summaries, (v) => v);
    // A conversation whose summary failed is mapped from nothing and ends unclassified with the reason.
    return relevant.map((c, i) => {
      const r = summaries[i]!;
      return { id: c.id, text: r.ok ? `User: ${r.value}` : '' };
    });
  };
  if (cfg.facets.includes('screening')) {
    const screened = await screen(stepDeps(cfg.models.screening), items, screenCtx, screeningPrefixReused(cfg));
    writer.screening(items, screened);
    relevant = items.filter((_, i) => screened[i]!.ok && (screened[i] as { value: boolean }).value);
  }
  if (cfg.composition) await classifyComposition(stepDeps(cfg.models.screening), cfg, items, writer, phases);
  const lanes = facetLanes(cfg, tree.depth);
  const ctx = combineLanes(lanes.lanes, relevant.length, tracker.context(`${key} facets`, phases.ctx), 'facets', lanes.label);
  // The three facets depend only on screening, so they run side by side: one slow answer in one
  // facet does not hold up the others. allSettled, not all: on a pause every facet first lets its
  // requests in flight finish and be recorded, so a resumed run never sends (and pays for) them again.
  await settleAll([
    cfg.facets.includes('task') &&
      mappingInput(ctx)
        .then((input) =>
          cfg.tasksPerConversation > 1
            ? mapMultiTasks(stepDeps(cfg.models.task), tree, input, relevant, writer, cfg.seed, ctx)
            : traverse(stepDeps(cfg.models.task), tree, input, cfg.seed, ctx).then((outcomes) => writer.tasks(relevant, outcomes)),
        ),
    cfg.facets.includes('pattern') &&
      pattern(stepDeps(cfg.models.pattern), relevant, ctx).then((r) => writer.facet('pattern', relevant, r, (v) => v)),
    cfg.facets.includes('skills') &&
      skills(stepDeps(cfg.models.skills), relevant, cfg.seed, ctx).then((r) => writer.facet('skills', relevant, r, (v) => JSON.stringify(v))),
  ]);
}

async function classifyOffline(
  deps: ClassifyDeps,
  cfg: ClassifyConfig,
  tree: ReturnType<typeof loadTree>,
  items: ChunkItem[],
  writer: RunWriter,
  phases: ChunkPhases,
): Promise<void> {
  if (!deps.embed) throw new UnavailableError('the offline method needs an embedding model', 'model');
  const placed = phases.tracker.context(`${phases.key} embed`, phases.ctx);
  // The traversal first embeds the hierarchy's few node names (cached after the first chunk), then the
  // chunk's conversations: only the latter is the phase's work, so only its events are reported.
  const ctx: RunContext = { ...placed, onProgress: (p) => p.total === items.length && placed.onProgress?.(p) };
  // No screening offline: every conversation is mapped, and outputs say so.
  writer.tasks(items, await offlineTraverse(deps.embed, tree, items, ctx));
}

function conversationIds(db: Db, cfg: ClassifyConfig): string[] {
  const { sql, params } = runScope(cfg);
  const { limit, datasets } = cfg;
  const ids = db.prepare(`SELECT id FROM conversation WHERE ${sql} ORDER BY id${limit !== undefined ? ' LIMIT ?' : ''}`).pluck().all(...params, ...(limit !== undefined ? [limit] : [])) as string[];
  if (ids.length === 0 && cfg.window !== undefined) {
    throw new UnavailableError(`no conversations of dataset(s) ${datasets.join(', ')} have a timestamp in the window (${windowText(cfg.window)})`, 'data');
  }
  if (ids.length === 0) throw new UnavailableError(`no conversations in dataset(s) ${datasets.join(', ')}: import some first`, 'data');
  return ids;
}

function loadChunk(db: Db, ids: string[], maxChars: number): ChunkItem[] {
  const get = db.prepare('SELECT messages_json FROM conversation WHERE id = ?').pluck();
  return ids.map((id) => ({ id, text: formatConversation(JSON.parse(get.get(id) as string), maxChars) }));
}

/** Waits for every promise, then rethrows the first rejection (a pause: CancelledError). */
async function settleAll(work: readonly unknown[]): Promise<void> {
  const outcomes = await Promise.allSettled(work);
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
}
