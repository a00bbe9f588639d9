// Figure 8 at task level (paper §3.5): hierarchy task shares of two models side by side, at the top,
// middle or base level, for the tasks where they differ most. Any two models of the run can be
// picked; by default the two with the most conversations. Thresholds are the run's (its kept base
// tasks), the same for every model.
import type { ModelTaskComparison, ModelTaskRow, RunReport } from '../report';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { barChartHeight, fmt, fmtInt, plainHoverText, plainText, truncate } from './format';
import { noDataFigure } from './empty';
import { LABEL_MAX, NOT_IN_REPORT_TEXT } from './levelShares';

export type TaskLevel = keyof ModelTaskComparison['levels'];
export const TASK_LEVELS: { level: TaskLevel; label: string }[] = [
  { level: 'top', label: 'Top level' },
  { level: 'middle', label: 'Middle level' },
  { level: 'base', label: 'Base level (O*NET tasks)' },
];
export const TOP_N = 15;
export const NO_DATA_TEXT = 'No kept conversations with a known model in this run';
export const ONE_MODEL_TEXT = 'Only one model answered the kept conversations: nothing to compare';
export const NO_LEVEL_TEXT = 'The models compared have no kept conversations at this level';

export interface ModelTaskChoice {
  level?: TaskLevel;
  /** The models compared (a − b, a / b); default: the report's `compared` pair. */
  a?: string;
  b?: string;
}

/** Difference (percentage points) and ratio of model a's share over model b's; null where undefined. */
export function contrast(shares: Record<string, number>, a: string | undefined, b: string | undefined): Pick<ModelTaskRow, 'difference' | 'ratio'> {
  if (a === undefined || b === undefined || a === b) return { difference: null, ratio: null };
  const sa = shares[a] ?? 0;
  const sb = shares[b] ?? 0;
  return { difference: sa - sb, ratio: sb > 0 ? sa / sb : null };
}

/** The paper's Figure 8 examples are middle-level tasks: that level first, when the hierarchy has one. */
export function defaultLevel(cmp: ModelTaskComparison): TaskLevel {
  return (['middle', 'top', 'base'] as const).find((l) => cmp.levels[l].length > 0) ?? 'base';
}

export interface Resolved {
  level: TaskLevel;
  a: string | undefined;
  b: string | undefined;
  rows: ModelTaskRow[];
}

/** The choice completed with defaults and the level's rows with difference and ratio for a vs b. */
export function resolve(cmp: ModelTaskComparison, choice: ModelTaskChoice = {}): Resolved {
  const known = (m: string | undefined) => (m !== undefined && cmp.models.some((x) => x.model === m) ? m : undefined);
  const level = choice.level ?? defaultLevel(cmp);
  const a = known(choice.a) ?? cmp.compared[0];
  const b = known(choice.b) ?? cmp.compared.find((m) => m !== a) ?? cmp.models.find((m) => m.model !== a)?.model;
  return { level, a, b, rows: cmp.levels[level].map((r) => ({ ...r, ...contrast(r.shares, a, b) })) };
}

function label(cmp: ModelTaskComparison, model: string): string {
  const n = cmp.models.find((m) => m.model === model)?.conversations ?? 0;
  return `${plainText(model)} (${fmtInt(n)} conversations)`;
}

function trace(cmp: ModelTaskComparison, model: string, rows: readonly ModelTaskRow[]): CartesianData {
  return {
    type: 'bar',
    orientation: 'h',
    name: label(cmp, model),
    y: rows.map((r, i) => `${i + 1}. ${plainText(truncate(r.task, LABEL_MAX))}`),
    x: rows.map((r) => r.shares[model] ?? 0),
    text: rows.map((r) => plainText(r.task)),
    textposition: 'none',
    customdata: rows.map((r) => `difference ${r.difference === null ? 'n/a' : `${r.difference >= 0 ? '+' : ''}${fmt(r.difference, 2)} pp`} · ratio ${fmt(r.ratio, 2)}`),
    hovertemplate: `${plainHoverText(model)}<br>%{text}: %{x:.2f}% of its kept conversations<br>%{customdata}<extra></extra>`,
  };
}

/**
 * The TOP_N tasks where a and b differ most, a's lead first (one model: its largest shares). Tasks
 * that neither model used (only a third one did) would be empty rows, so they are left out.
 */
export function shownRows(r: Resolved, limit = TOP_N): ModelTaskRow[] {
  const used = r.rows.filter((x) => [r.a, r.b].some((m) => m !== undefined && (x.shares[m] ?? 0) > 0));
  if (r.b === undefined) return used.slice(0, limit);
  const top = used.sort((x, y) => Math.abs(y.difference ?? 0) - Math.abs(x.difference ?? 0) || x.task.localeCompare(y.task)).slice(0, limit);
  return top.sort((x, y) => (y.difference ?? 0) - (x.difference ?? 0) || x.task.localeCompare(y.task));
}

export function toFigure(run: Pick<RunReport, 'modelTasks'>, choice: ModelTaskChoice = {}): Figure<CartesianData> {
  const cmp = run.modelTasks;
  if (cmp === undefined) return noDataFigure(NOT_IN_REPORT_TEXT);
  if (cmp.models.length === 0) return noDataFigure(NO_DATA_TEXT);
  const r = resolve(cmp, choice);
  if (r.a === undefined) return noDataFigure(NO_DATA_TEXT);
  const rows = shownRows(r);
  if (rows.length === 0) return noDataFigure(NO_LEVEL_TEXT);
  const models = r.b === undefined ? [r.a] : [r.a, r.b];
  const levelName = TASK_LEVELS.find((l) => l.level === r.level)!.label.toLowerCase();
  return {
    data: models.map((m) => trace(cmp, m, rows)),
    layout: {
      title: { text: r.b === undefined ? `Task shares, ${levelName}` : `Tasks where ${plainText(r.a)} and ${plainText(r.b)} differ most, ${levelName}` },
      barmode: 'group',
      height: barChartHeight(rows.length, 14 + 12 * models.length, 170),
      yaxis: { autorange: 'reversed', automargin: true },
      xaxis: { title: { text: 'Share of the model’s kept conversations' }, ticksuffix: '%' },
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
      showlegend: true,
      annotations: r.b === undefined ? [{ text: ONE_MODEL_TEXT, xref: 'paper', yref: 'paper', x: 0.5, y: 1.12, showarrow: false, font: { size: 14 } }] : [],
      margin: { t: 110, r: 20 },
    },
  };
}

/** Every task of the chosen level: each model's share, then the difference and ratio of the pair. */
export function toTable(run: Pick<RunReport, 'modelTasks'>, choice: ModelTaskChoice = {}): ChartTable {
  const cmp = run.modelTasks;
  if (cmp === undefined) return { columns: ['Level', 'Task'], rows: [] };
  const r = resolve(cmp, choice);
  const models = cmp.models.map((m) => m.model);
  const pair = r.a !== undefined && r.b !== undefined ? `${r.a} vs ${r.b}` : 'n/a';
  return {
    columns: ['Level', 'Task', 'Node id', ...models.map((m) => `${m} (%)`), `Difference, ${pair} (pp)`, `Ratio, ${pair}`],
    rows: r.rows.map((row) => [r.level, row.task, row.nodeId, ...models.map((m) => row.shares[m] ?? 0), row.difference, row.ratio]),
  };
}

/** The caption: which models, which level, and that every model is thresholded the same way. */
export function captionText(run: Pick<RunReport, 'modelTasks'>, choice: ModelTaskChoice = {}): string {
  const cmp = run.modelTasks;
  const same =
    'Thresholds are applied once, to the whole run: every model’s shares are over the conversations it answered ' +
    'in the base tasks the run kept, never re-thresholded per model.';
  if (cmp === undefined || cmp.models.length === 0) return same;
  const r = resolve(cmp, choice);
  const pair = r.b === undefined ? `Only ${r.a ?? 'one model'} answered.` : `${r.a} vs ${r.b}: difference in percentage points (${r.a} − ${r.b}) and ratio (${r.a} / ${r.b}) on hover.`;
  return `${pair} At most ${TOP_N} tasks of the level are drawn, those where the two differ most; the table lists every task. ${same}`;
}
