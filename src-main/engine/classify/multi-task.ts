// Multi-task assignment (paper §3 and B.1: "We also experimented with multi-class classification
// allowing up to k=3 task assignments per conversation; results were qualitatively similar"). The
// paper gives no prompt or traversal for it; ours is a documented adaptation of F.2:
//
// - At each level every path still open asks, with the adapted prompt, for up to three of its
//   children in order of fit (answers validated against the options; invalid or repeated ones dropped).
// - The next level keeps at most k = 3 paths, taken round-robin by rank: every path's first child,
//   then every path's second child, and so on, paths in their own order. So the first path always
//   descends by its first answer — the "first choice" a single-task reading of the run uses — and a
//   conversation ends with 1 to 3 distinct base tasks, ordered.
// - Cost: one call at the top level, then one per open path and level: at most 1 + 3·depth calls per
//   conversation (7 for the paper's three levels) instead of depth + 1.
// - The first path failing (a call that never gave a valid answer, a node without children) leaves
//   the conversation unclassified with the reason, as in a single-task run; a later path failing
//   only drops that path.
import { MAX_TASKS_PER_CONVERSATION, multiTaskMappingTemplate } from '../../../src-shared/prompts/classify';
import { claudeStep, type ClaudeStepDeps } from '../pipeline/claude-step';
import type { RunContext } from '../pipeline/steps';
import { shuffled, subSeed } from '../hierarchy/random';
import type { HierarchyNode } from '../hierarchy/store';
import type { ChunkItem, TraversalOutcome } from './facets';
import type { Tree } from './tree';
import type { RunWriter } from './results';
import type { ClassifyConfig } from './config';
import { InvalidInputError } from '../errors';

export const MULTI_TEMPLATE = multiTaskMappingTemplate();

/** Base tasks in order of fit (first = first choice), each with its path from the top. */
export type MultiOutcome = { ok: true; nodes: HierarchyNode[]; paths: string[][] } | { ok: false; reason: string };

interface Path {
  ids: string[];
  options: HierarchyNode[];
}

interface ItemState {
  paths: Path[];
  outcome?: MultiOutcome;
}

/** The traversal above for a chunk, one level at a time (a level is one batch in Batches mode). */
export async function traverseMulti(
  deps: ClaudeStepDeps,
  tree: Tree,
  items: readonly ChunkItem[],
  seed: number,
  ctx: RunContext,
  k = MAX_TASKS_PER_CONVERSATION,
): Promise<MultiOutcome[]> {
  const state: ItemState[] = items.map(() => ({ paths: [{ ids: [], options: tree.top }] }));
  for (let level = tree.depth; level >= 0; level--) {
    const asks = state.flatMap((s, i) => (s.outcome ? [] : s.paths.map((path) => ({ i, path }))));
    if (asks.length === 0) break;
    const inputs = asks.map(({ i, path }) => ({
      conversation: items[i]!.text,
      options: shuffled(path.options.map((o) => o.name), subSeed(seed, `task:${items[i]!.id}:${path.ids.join('/')}`)),
    }));
    const results = await claudeStep(deps, `classify.task.L${level}`, MULTI_TEMPLATE, inputs, ctx);
    const ranked = new Map<number, (HierarchyNode[] | string)[]>();
    asks.forEach(({ i, path }, a) => {
      const r = results[a]!;
      const list = ranked.get(i) ?? [];
      list.push(r.ok ? r.value.map((name) => path.options.find((o) => o.name === name)!) : r.error);
      ranked.set(i, list);
    });
    for (const [i, answers] of ranked) step(tree, state[i]!, answers, level, k);
  }
  return state.map((s) => s.outcome ?? { ok: false, reason: 'traversal did not finish' });
}

/** One level for one conversation: its paths' ranked answers (or errors) → the next paths or the outcome. */
function step(tree: Tree, s: ItemState, answers: (HierarchyNode[] | string)[], level: number, k: number): void {
  const first = answers[0]!;
  if (typeof first === 'string') {
    s.outcome = { ok: false, reason: `level ${level}: ${first}` };
    return;
  }
  const next = roundRobin(s.paths, answers, k);
  if (level === 0) {
    s.outcome = { ok: true, nodes: next.map((p) => p.node), paths: next.map((p) => [...p.ids, p.node.id]) };
    return;
  }
  const open = next.map((p) => ({ ids: [...p.ids, p.node.id], options: tree.children.get(p.node.id) ?? [] }));
  if (open[0]!.options.length === 0) {
    s.outcome = { ok: false, reason: `level ${level}: node ${next[0]!.node.id} has no children` };
    return;
  }
  s.paths = open.filter((p) => p.options.length > 0);
}

/** Up to k children: every path's first, then every path's second, …; paths in their own order. */
export function roundRobin(paths: Path[], answers: (HierarchyNode[] | string)[], k: number): { ids: string[]; node: HierarchyNode }[] {
  const out: { ids: string[]; node: HierarchyNode }[] = [];
  for (let rank = 0; rank < MAX_TASKS_PER_CONVERSATION && out.length < k; rank++) {
    answers.forEach((a, p) => {
      const node = typeof a === 'string' ? undefined : a[rank];
      if (node && out.length < k) out.push({ ids: paths[p]!.ids, node });
    });
  }
  return out;
}

/** The first choice as a single-task outcome, so facet 'task' reads as in any run. */
export function firstChoice(o: MultiOutcome): TraversalOutcome {
  return o.ok ? { ok: true, node: o.nodes[0]!, path: o.paths[0]! } : o;
}

/**
 * A multi-task run's task facet: the ordered choices as facet 'tasks' (a JSON array of base node
 * ids), and the first choice as facet 'task', so everything that reads a run keeps working.
 */
export async function mapMultiTasks(
  deps: ClaudeStepDeps,
  tree: Tree,
  input: readonly ChunkItem[],
  relevant: readonly ChunkItem[],
  writer: RunWriter,
  seed: number,
  ctx: RunContext,
): Promise<void> {
  const outcomes = await traverseMulti(deps, tree, input, seed, ctx);
  writer.tasks(relevant, outcomes.map(firstChoice));
  const asResults = outcomes.map((o) => (o.ok ? { ok: true as const, value: o.nodes.map((n) => n.id), fromCheckpoint: false } : { ok: false as const, error: o.reason, fromCheckpoint: false }));
  writer.facet('tasks', relevant, asResults, (ids) => JSON.stringify(ids));
}

/** The task facet's prompt version: the adapted prompt for k = 3; a k = 3 run needs the Claude method. */
export function multiTaskVersions(cfg: Pick<ClassifyConfig, 'tasksPerConversation' | 'method'>, versions: Record<string, string>): Record<string, string> {
  if (cfg.tasksPerConversation === 1) return versions;
  if (cfg.method !== 'claude') throw new InvalidInputError('several tasks per conversation need the Claude method (the offline method picks one task)');
  return { ...versions, task: `${MULTI_TEMPLATE.id}@${MULTI_TEMPLATE.version}` };
}

/** Task calls per conversation at most: one per level, or one at the top and k per lower level. */
export function taskCallsPerConversation(k: number, depth: number): number {
  return k === 1 ? depth + 1 : 1 + k * depth;
}
