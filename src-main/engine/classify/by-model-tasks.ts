// Figure 8 at task level (paper §3.5): the share of each hierarchy task in each model's usage, at
// the top, middle and base level, with the difference and ratio between two models. Thresholds are
// applied once, to the whole run (its kept base tasks), exactly as for the category-level Figure 8:
// re-applying them to each model's subset would drop every task of a small model.
import type { ModelTaskComparison, ModelTaskRow } from '../../../src-shared/report';
import { contrast } from '../../../src-shared/charts/fig8ModelTasks';
import { UNKNOWN_MODEL } from '../../../src-shared/charts/fig8Models';
import type { HierarchyNode } from '../hierarchy/store';
import { countAtLevel, type HierarchyLevels, type KeptConversation } from './levels';

function modelsByConversations(convs: readonly KeptConversation[]): ModelTaskComparison['models'] {
  const n = new Map<string, number>();
  for (const c of convs) n.set(c.model, (n.get(c.model) ?? 0) + c.n);
  return [...n]
    .map(([model, conversations]) => ({ model, conversations }))
    .sort((a, b) => b.conversations - a.conversations || a.model.localeCompare(b.model));
}

/** The groups of each model, split once for every level. */
function perModel(convs: readonly KeptConversation[]): Map<string, KeptConversation[]> {
  const out = new Map<string, KeptConversation[]>();
  for (const c of convs) {
    const list = out.get(c.model);
    if (list) list.push(c);
    else out.set(c.model, [c]);
  }
  return out;
}

function levelRows(
  byModel: ReadonlyMap<string, readonly KeptConversation[]>,
  levels: HierarchyLevels,
  level: number | null,
  models: ModelTaskComparison['models'],
  compared: string[],
): ModelTaskRow[] {
  if (level === null) return [];
  const rows = new Map<string, ModelTaskRow>();
  for (const { model, conversations } of models) {
    for (const { node, n } of countAtLevel(byModel.get(model) ?? [], levels, level).values()) {
      const row = rows.get(node.id) ?? { nodeId: node.id, task: node.name, shares: Object.fromEntries(models.map((m) => [m.model, 0])), difference: null, ratio: null };
      row.shares[model] = (100 * n) / conversations;
      rows.set(node.id, row);
    }
  }
  // Ordered by the mean share across models, so no model's ranking is privileged. Each row's total
  // is summed once, not in every comparison (a base level has thousands of rows).
  const ranked = [...rows.values()].map((r) => ({ row: { ...r, ...contrast(r.shares, compared[0], compared[1]) }, total: Object.values(r.shares).reduce((s, x) => s + x, 0) }));
  return ranked
    .sort((a, b) => b.total - a.total || a.row.task.localeCompare(b.row.task) || a.row.nodeId.localeCompare(b.row.nodeId))
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
  const byModel = perModel(convs);
  return {
    models,
    compared,
    levels: {
      top: levelRows(byModel, levels, levels.top, models, compared),
      middle: levelRows(byModel, levels, levels.middle, models, compared),
      base: levelRows(byModel, levels, 0, models, compared),
    },
  };
}
