// Explore's summary of a run report: the report with its two largest tables cut to the rows a
// figure can draw. At 1M conversations a report lists every kept task twice (patterns by task, and
// Figure 8 by task at the base level): 11 MB of JSON that Explore parsed before drawing anything,
// for figures that show 20 and 15 rows. The tables and CSV downloads ask for the full report.
//
// The rows kept are a superset of what the figures pick, ties at the cut included, so a figure drawn
// from the summary is the figure drawn from the full report, for every level and pair of models.
import type { ModelTaskComparison, ModelTaskRow, PatternBreakdown, RunReport } from '../../../src-shared/report';
import { TOP_N as PATTERN_ROWS } from '../../../src-shared/charts/patternsByTask';
import { TOP_N as MODEL_TASK_ROWS } from '../../../src-shared/charts/fig8ModelTasks';

type Level = keyof ModelTaskComparison['levels'];
const LEVELS: readonly Level[] = ['top', 'middle', 'base'];

/**
 * The rows with the `limit` largest values of `score` and every row tied with the last of them, in
 * their order: whatever a figure then sorts them by among equals, it finds its rows here.
 */
function topWithTies<T>(rows: readonly T[], score: (row: T) => number, limit: number): Set<T> {
  if (rows.length <= limit) return new Set(rows);
  const cut = rows.map(score).sort((a, b) => b - a)[limit - 1]!;
  return new Set(rows.filter((r) => score(r) >= cut));
}

/** The tasks with the most conversations: the figure's rows are these, sorted by name among equals. */
function patternRows(rows: readonly PatternBreakdown[]): PatternBreakdown[] {
  const drawable = rows.filter((b) => b.patternPct !== undefined && b.conversations > 0);
  const keep = topWithTies(drawable, (b) => b.conversations, PATTERN_ROWS);
  return rows.filter((b) => keep.has(b));
}

/**
 * Rows Figure 8 by task can draw at one level: for one model alone, its first rows with a share;
 * for any two models, the rows where their shares differ most among those either one used.
 */
function modelTaskRows(rows: readonly ModelTaskRow[], models: readonly string[]): ModelTaskRow[] {
  const keep = new Set<ModelTaskRow>();
  const share = (r: ModelTaskRow, m: string) => r.shares[m] ?? 0;
  for (const a of models) {
    for (const r of rows.filter((x) => share(x, a) > 0).slice(0, MODEL_TASK_ROWS)) keep.add(r);
  }
  models.forEach((a, i) => {
    for (const b of models.slice(i + 1)) {
      const used = rows.filter((r) => share(r, a) > 0 || share(r, b) > 0);
      for (const r of topWithTies(used, (x) => Math.abs(share(x, a) - share(x, b)), MODEL_TASK_ROWS)) keep.add(r);
    }
  });
  return rows.filter((r) => keep.has(r));
}

/** The report as Explore first draws it; `summary` gives the full tables' row counts. */
export function summariseReport(report: RunReport): RunReport {
  const cmp = report.modelTasks;
  const models = cmp?.models.map((m) => m.model) ?? [];
  const summary: NonNullable<RunReport['summary']> = {
    patternsByTask: report.patternsByTask.length,
    modelTasks: { top: cmp?.levels.top.length ?? 0, middle: cmp?.levels.middle.length ?? 0, base: cmp?.levels.base.length ?? 0 },
  };
  // Key for key in the report's order, so the summary reads like the report it stands for.
  return Object.fromEntries(
    Object.entries({ ...report, summary }).map(([key, value]) => {
      if (key === 'patternsByTask') return [key, patternRows(report.patternsByTask)];
      if (key === 'modelTasks' && cmp !== undefined) {
        const levels = Object.fromEntries(LEVELS.map((l) => [l, modelTaskRows(cmp.levels[l], models)]));
        return [key, { ...cmp, levels }];
      }
      return [key, value];
    }),
  ) as unknown as RunReport;
}
