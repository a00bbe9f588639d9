// Usage across the task hierarchy (paper Appendix D.1, Figures 11 and 12), and the conversation
// counts (by task, model and pattern) the task-level model comparison and the pattern breakdowns
// read. The privacy thresholds apply at the BASE level, as in the paper: only conversations of
// kept base tasks count, each for its base task and every ancestor of it.
import type { LevelTaskShare } from '../../../src-shared/report';
import type { HierarchyNode } from '../hierarchy/store';
import type { TaskCount } from './aggregate';
import type { FactGroup } from './run-facts';
import { compareText } from '../../../src-shared/order';

/** Classified conversations of a kept base task, `n` of them answered by the same model. */
export type KeptConversation = FactGroup;

/**
 * The hierarchy's levels as the paper names them. Base is level 0; "top" is the highest level and
 * "middle" the level right under it, so a hierarchy deeper than the paper's three levels still has
 * one top and one middle level (the levels between middle and base are not reported). A two-level
 * hierarchy has no middle level, a flat one no top level either.
 */
export interface HierarchyLevels {
  top: number | null;
  middle: number | null;
  /** A node's ancestor (or itself) at `level`. */
  ancestor(nodeId: string, level: number): HierarchyNode | undefined;
}

export function hierarchyLevels(nodes: readonly HierarchyNode[]): HierarchyLevels {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // A loop, not Math.max(...): a hierarchy of ~20K nodes would overflow the call stack.
  const depth = nodes.reduce((d, n) => Math.max(d, n.level), 0);
  // The stored path of a conversation (classification.reason) is its base node's parent chain, since
  // the traversal only ever descends to children; the chain also covers rows stored without a path.
  const ancestor = (nodeId: string, level: number): HierarchyNode | undefined => {
    let node = byId.get(nodeId);
    while (node && node.level < level) node = node.parent === null ? undefined : byId.get(node.parent);
    return node?.level === level ? node : undefined;
  };
  return { top: depth >= 1 ? depth : null, middle: depth >= 2 ? depth - 1 : null, ancestor };
}

/** The groups (run-facts.ts) of kept tasks. */
export function keptConversations<G extends { nodeId: string }>(groups: readonly G[], kept: readonly TaskCount[]): G[] {
  const keptIds = new Set(kept.map((t) => t.nodeId));
  return groups.filter((g) => keptIds.has(g.nodeId));
}

/** How many conversations the groups hold. */
export function conversationCount(convs: readonly KeptConversation[]): number {
  return convs.reduce((s, c) => s + c.n, 0);
}

/** Conversations per node at `level` (each conversation counted for its base task's ancestor there). */
export function countAtLevel(convs: readonly KeptConversation[], levels: HierarchyLevels, level: number): Map<string, { node: HierarchyNode; n: number }> {
  const out = new Map<string, { node: HierarchyNode; n: number }>();
  for (const c of convs) {
    const node = levels.ancestor(c.nodeId, level);
    if (!node) continue;
    const entry = out.get(node.id) ?? { node, n: 0 };
    entry.n += c.n;
    out.set(node.id, entry);
  }
  return out;
}

/** Shares (percent of `convs`) of the nodes at `level`, largest first; empty when the level is absent. */
export function levelShares(convs: readonly KeptConversation[], levels: HierarchyLevels, level: number | null): LevelTaskShare[] {
  const total = conversationCount(convs);
  if (level === null || total === 0) return [];
  return [...countAtLevel(convs, levels, level).values()]
    .map(({ node, n }) => ({ nodeId: node.id, task: node.name, pct: (100 * n) / total }))
    .sort((a, b) => b.pct - a.pct || compareText(a.task, b.task) || compareText(a.nodeId, b.nodeId));
}
