// Usage across the task hierarchy (paper Appendix D.1, Figures 11 and 12), and the per-conversation
// rows the task-level model comparison and the pattern breakdowns read. The privacy thresholds
// apply at the BASE level, as in the paper: only conversations of kept base tasks count, each for
// its base task and every ancestor of it.
import type { Db } from '../../db/open';
import type { LevelTaskShare } from '../../../src-shared/report';
import type { HierarchyNode } from '../hierarchy/store';
import type { TaskCount } from './aggregate';

/** One classified conversation of a kept base task. */
export interface KeptConversation {
  nodeId: string;
  model: string;
  /** Its collaboration pattern ("none" included), null when the pattern facet has no answer. */
  pattern: string | null;
}

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

export function keptConversations(db: Db, runId: string, kept: readonly TaskCount[]): KeptConversation[] {
  const keptIds = new Set(kept.map((t) => t.nodeId));
  const rows = db
    .prepare(
      `SELECT t.value AS nodeId, coalesce(v.model, 'unknown') AS model, p.value AS pattern FROM classification t
       JOIN conversation v ON v.id = t.conversation_id
       LEFT JOIN classification p ON p.run_id = t.run_id AND p.conversation_id = t.conversation_id AND p.facet = 'pattern' AND p.status = 'ok'
       WHERE t.run_id = ? AND t.facet = 'task' AND t.status = 'ok'`,
    )
    .all(runId) as KeptConversation[];
  return rows.filter((r) => keptIds.has(r.nodeId));
}

/** Conversations per node at `level` (each conversation counted for its base task's ancestor there). */
export function countAtLevel(convs: readonly KeptConversation[], levels: HierarchyLevels, level: number): Map<string, { node: HierarchyNode; n: number }> {
  const out = new Map<string, { node: HierarchyNode; n: number }>();
  for (const c of convs) {
    const node = levels.ancestor(c.nodeId, level);
    if (!node) continue;
    const entry = out.get(node.id) ?? { node, n: 0 };
    entry.n += 1;
    out.set(node.id, entry);
  }
  return out;
}

/** Shares (percent of `convs`) of the nodes at `level`, largest first; empty when the level is absent. */
export function levelShares(convs: readonly KeptConversation[], levels: HierarchyLevels, level: number | null): LevelTaskShare[] {
  if (level === null || convs.length === 0) return [];
  return [...countAtLevel(convs, levels, level).values()]
    .map(({ node, n }) => ({ nodeId: node.id, task: node.name, pct: (100 * n) / convs.length }))
    .sort((a, b) => b.pct - a.pct || a.task.localeCompare(b.task) || a.nodeId.localeCompare(b.nodeId));
}
