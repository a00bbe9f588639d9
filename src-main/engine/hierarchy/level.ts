// Builds one level of the hierarchy over the items of the level below (paper B.1):
// embed -> k-means neighbourhoods -> propose -> dedupe -> assign -> drop empty parents -> rename.
import type { HierarchyLevelSummary } from '../../../src-shared/jobs';
import type { NamedTask } from '../../../src-shared/prompts/hierarchy';
import { nearestCentroidsAsync, neighbourhoodsAsync } from '../cluster/async';
import type { RunContext, StepProgress } from '../pipeline/steps';
import type { PhaseTracker } from '../pipeline/phases';
import { shuffled, subSeed } from './random';
import { assignStep, dedupeStep, proposeStep, renameStep, type StepDeps } from './steps';
import type { HierarchyConfig } from './config';

export interface LevelItem {
  id: string;
  text: string;
}

export interface ParentNode extends NamedTask {
  id: string;
  children: string[];
}

export interface LevelDeps extends StepDeps {
  embed: (texts: string[], ctx: RunContext) => Promise<Float32Array[]>;
}

/** One level's report: the same shape the hierarchy.build job returns per level. */
export type LevelReport = HierarchyLevelSummary;

export async function buildLevel(
  deps: LevelDeps,
  cfg: HierarchyConfig,
  level: number,
  items: readonly LevelItem[],
  target: number,
  ctx: RunContext & { tracker?: PhaseTracker },
): Promise<{ parents: ParentNode[]; report: LevelReport }> {
  const named = (name: string): RunContext => ({ ...ctx, onProgress: (p: StepProgress) => ctx.onProgress?.({ ...p, step: `L${level} ${name}` }) });
  // With a tracker (a whole build), each step's events also say where the build stands.
  const phase = (name: string): RunContext => (ctx.tracker ? ctx.tracker.context(`L${level} ${name}`, named(name)) : named(name));
  /** A step with no progress of its own (k-means): its start and its end. */
  const mark = (name: string, done: 0 | 1) => phase(name).onProgress?.({ step: name, done, total: 1, failed: 0, fromCheckpoint: 0, elapsedMs: 0, etaMs: null });
  const vectors = await deps.embed(items.map((i) => i.text), phase('embed'));
  mark('cluster', 0);
  // In a worker thread at paper size (seconds of k-means); k-means reports iterations, not items.
  const clusterCtx = phase('cluster');
  const hood = await neighbourhoodsAsync(vectors, {
    seed: subSeed(cfg.seed, `L${level}`),
    meanSize: cfg.meanNeighbourhood,
    nearbyOutside: cfg.nearbyOutside,
    signal: ctx.signal,
    onIteration: (done, total) => clusterCtx.onProgress?.({ step: 'cluster', done, total, failed: 0, fromCheckpoint: 0, elapsedMs: 0, etaMs: null }),
  });
  mark('cluster', 1);
  const report: LevelReport = {
    level,
    target,
    neighbourhoods: hood.k,
    proposed: 0,
    afterDedupe: 0,
    parents: 0,
    failures: { propose: 0, dedupe: 0, assign: 0, rename: 0 },
    assignedByFallback: 0,
    claude: { sent: 0, cacheHits: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 },
  };
  const before = { ...deps.llm.stats };

  const proposals = await propose(deps, cfg, level, items, vectors, hood, target, report, phase('propose'));
  const deduped = await dedupe(deps, cfg, level, proposals, target, report, phase('dedupe'), phase('embed proposals'));
  const parentVectors = await deps.embed(deduped.map(parentText), phase('embed parents'));
  const assignment = await assign(deps, cfg, level, items, vectors, hood.members, deduped, parentVectors, report, phase('assign'));
  const parents = await rename(deps, cfg, level, items, deduped, assignment, report, phase('rename'));
  report.parents = parents.length;
  const after = deps.llm.stats;
  report.claude = {
    sent: after.sent - before.sent,
    cacheHits: after.cacheHits - before.cacheHits,
    inputTokens: after.inputTokens + after.cacheReadTokens + after.cacheWriteTokens - (before.inputTokens + before.cacheReadTokens + before.cacheWriteTokens),
    outputTokens: after.outputTokens - before.outputTokens,
    costUsd: after.costUsd - before.costUsd,
  };
  return { parents, report };
}

export function parentText(p: NamedTask): string {
  return p.description ? `${p.name}: ${p.description}` : p.name;
}

async function propose(
  deps: LevelDeps,
  cfg: HierarchyConfig,
  level: number,
  items: readonly LevelItem[],
  vectors: Float32Array[],
  hood: { members: number[][]; nearby: number[][] },
  target: number,
  report: LevelReport,
  ctx: RunContext,
): Promise<NamedTask[]> {
  const inputs = hood.members.map((members, j) => ({
    tasks: members.map((i) => items[i]!.text),
    nearby: hood.nearby[j]!.map((i) => items[i]!.text),
    count: Math.max(1, Math.round((cfg.proposeOverscan * target * members.length) / items.length)),
  }));
  const results = await proposeStep(deps, level, inputs, ctx);
  const out: NamedTask[] = [];
  results.forEach((r, j) => {
    if (r.ok) out.push(...r.value);
    else {
      // Fallback keeps the neighbourhood covered: its most central task names a parent.
      report.failures.propose++;
      out.push({ name: inputs[j]!.tasks[0]!, description: '' });
    }
  });
  report.proposed = out.length;
  return out;
}

async function dedupe(
  deps: LevelDeps,
  cfg: HierarchyConfig,
  level: number,
  proposals: NamedTask[],
  target: number,
  report: LevelReport,
  ctx: RunContext,
  embedCtx: RunContext,
): Promise<NamedTask[]> {
  const vectors = await deps.embed(proposals.map(parentText), embedCtx);
  const groups = (await neighbourhoodsAsync(vectors, { seed: subSeed(cfg.seed, `L${level}-dedupe`), meanSize: cfg.meanNeighbourhood, signal: ctx.signal })).members;
  const inputs = groups.map((g) => {
    const want = Math.max(1, Math.round((g.length * target) / proposals.length));
    return {
      candidates: g.map((i) => proposals[i]!),
      target: want,
      min: Math.max(1, Math.floor(want * 0.75)),
      max: Math.max(1, Math.ceil(want * 1.25), Math.floor(want * 0.75)),
    };
  });
  const results = await dedupeStep(deps, level, inputs, ctx);
  const out: NamedTask[] = [];
  results.forEach((r, j) => {
    if (r.ok) out.push(...r.value);
    else {
      report.failures.dedupe++;
      out.push(...inputs[j]!.candidates);
    }
  });
  report.afterDedupe = out.length;
  return out;
}

async function assign(
  deps: LevelDeps,
  cfg: HierarchyConfig,
  level: number,
  items: readonly LevelItem[],
  vectors: Float32Array[],
  members: number[][],
  parents: NamedTask[],
  parentVectors: Float32Array[],
  report: LevelReport,
  ctx: RunContext,
): Promise<number[]> {
  // Every child's nearest parents at once, off the thread at paper size (n × parents distances).
  const nearest = await nearestCentroidsAsync(vectors, parentVectors, cfg.assignCandidates, { signal: ctx.signal });
  const batches = members.flatMap((m) => chunk(m, cfg.assignBatch));
  const inputs = batches.map((batch, b) => {
    const candidates = new Set<number>();
    for (const i of batch) for (const p of nearest[i]!) candidates.add(p);
    // Shuffled so that the order of the list cannot bias the choice (paper B.1).
    const order = shuffled([...candidates].sort((a, b2) => a - b2), subSeed(cfg.seed, `L${level}-assign-${b}`));
    return {
      options: order.map((p, k) => ({ id: `P${k + 1}`, name: parents[p]!.name, description: parents[p]!.description, index: p })),
      children: batch.map((i, k) => ({ id: String(k + 1), text: items[i]!.text, index: i })),
    };
  });
  const prompts = inputs.map((x) => ({
    options: x.options.map(({ id, name, description }) => ({ id, name, description })),
    children: x.children.map(({ id, text }) => ({ id, text })),
  }));
  const results = await assignStep(deps, level, prompts, ctx);
  const parentOf = new Array<number>(items.length).fill(-1);
  results.forEach((r, b) => {
    const input = inputs[b]!;
    if (!r.ok) report.failures.assign++;
    for (const child of input.children) {
      const optionId = r.ok ? r.value[child.id] : undefined;
      const option = input.options.find((o) => o.id === optionId);
      if (option) parentOf[child.index] = option.index;
      else {
        report.assignedByFallback++;
        parentOf[child.index] = nearest[child.index]![0]!; // the nearest of the candidates is the nearest parent
      }
    }
  });
  return parentOf;
}

async function rename(
  deps: LevelDeps,
  cfg: HierarchyConfig,
  level: number,
  items: readonly LevelItem[],
  parents: NamedTask[],
  parentOf: number[],
  report: LevelReport,
  ctx: RunContext,
): Promise<ParentNode[]> {
  const children = parents.map(() => [] as number[]);
  parentOf.forEach((p, i) => children[p]!.push(i));
  // Parents that received no child are dropped: no level keeps an empty node.
  const kept = parents.map((p, j) => ({ p, kids: children[j]! })).filter((x) => x.kids.length > 0);
  const inputs = kept.map(({ p, kids }, j) => ({
    current: { name: p.name, description: p.description },
    children: shuffled(kids, subSeed(cfg.seed, `L${level}-rename-${j}`))
      .slice(0, cfg.renameSample)
      .map((i) => items[i]!.text),
  }));
  const results = await renameStep(deps, level, inputs, ctx);
  return kept.map(({ p, kids }, j) => {
    const r = results[j]!;
    if (!r.ok) report.failures.rename++;
    const named = r.ok ? r.value : { name: p.name, description: p.description };
    return { id: `L${level}-${j + 1}`, ...named, children: kids.map((i) => items[i]!.id) };
  });
}

function chunk<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
