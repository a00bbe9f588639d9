// Figure 8 at task level (paper §3.5): the share of each hierarchy task in each model's usage, at
// the top, middle and base level, with the difference and ratio between two models. Thresholds are
// applied once, to the whole run (its kept base tasks), exactly as for the category-level Figure 8:
// re-applying them to each model's subset would drop every task of a small model.
import type { ModelTaskComparison, ModelTaskRow } from '../../../src-shared/report';
import { contrast } from '../../../src-shared/charts/fig8ModelTasks';
import { UNKNOWN_MODEL } from '../../../src-shared/charts/fig8Models';
import type { HierarchyNode } from '../hierarchy/store';
import type { HierarchyLevels, KeptConversation } from './levels';
import { compareText } from '../../../src-shared/order';

function modelsByConversations(convs: readonly KeptConversation[]): ModelTaskComparison['models'] {
  const n = new Map<string, number>();
  for (const c of convs) n.set(c.model, (n.get(c.model) ?? 0) + c.n);
  return [...n]
    .map(([model, conversations]) => ({ model, conversations }))
    .sort((a, b) => b.conversations - a.conversations || compareText(a.model, b.model));
}

/**
 * Each node's share of each model's conversations at `level`, in one pass over the groups: per
 * node, the conversations of every model (summed in group order), then the shares.
 */
function levelRows(
  convs: readonly KeptConversation[],
  levels: HierarchyLevels,
  level: number | null,
  models: ModelTaskComparison['models'],
  compared: string[],
): ModelTaskRow[] {
  if (level === null) return [];
  const index = new Map(models.map((m, i) => [m.model, i]));
  const counts = new Map<string, { node: HierarchyNode; n: Float64Array }>();
  for (const c of convs) {
    const node = levels.ancestor(c.nodeId, level);
    if (!node) continue;
    let entry = counts.get(node.id);
    if (!entry) counts.set(node.id, (entry = { node, n: new Float64Array(models.length) }));
    const m = index.get(c.model)!;
    entry.n[m] = entry.n[m]! + c.n;
  }
  // Ordered by the mean share across models, so no model's ranking is privileged. Each row's total
  // is summed once, not in every comparison (a base level has thousands of rows).
  const ranked = [...counts.values()].map(({ node, n }) => {
    const shares: Record<string, number> = {};
    models.forEach((m, i) => (shares[m.model] = n[i]! > 0 ? (100 * n[i]!) / m.conversations : 0));
    const row: ModelTaskRow = { nodeId: node.id, task: node.name, shares, ...contrast(shares, compared[0], compared[1]) };
    return { row, total: Object.values(shares).reduce((s, x) => s + x, 0) };
  });
  return ranked
    .sort((a, b) => b.total - a.total || compareText(a.row.task, b.row.task) || compareText(a.row.nodeId, b.row.nodeId))
    .map((r) => r.row);
}

/** The same levels, each node's ancestor at a level looked up once: every model's rows ask again for the same tasks. */
function memoised(levels: HierarchyLevels): HierarchyLevels {
  const found = new Map<number, Map<string, HierarchyNode | undefined>>();
  const ancestor = (nodeId: string, level: number): HierarchyNode | undefined => {
    const atLevel = found.get(level) ?? new Map<string, HierarchyNode | undefined>();
    found.set(level, atLevel);
    if (!atLevel.has(nodeId)) atLevel.set(nodeId, levels.ancestor(nodeId, level));
    return atLevel.get(nodeId);
  };
  return { ...levels, ancestor };
}

export function modelTaskComparison(convs: readonly KeptConversation[], hierarchy: HierarchyLevels): ModelTaskComparison {
  const levels = memoised(hierarchy);
  const models = modelsByConversations(convs);
  // Conversations whose file named no model are listed, but compared only when fewer than two named
  // models remain: "unknown" vs a model says nothing about either.
  const compared = [...models.filter((m) => m.model !== UNKNOWN_MODEL), ...models.filter((m) => m.model === UNKNOWN_MODEL)]
    .slice(0, 2)
    .map((m) => m.model);
  return {
    models,
    compared,
    levels: {
      top: levelRows(convs, levels, levels.top, models, compared),
      middle: levelRows(convs, levels, levels.middle, models, compared),
      base: levelRows(convs, levels, 0, models, compared),
    },
  };
}
