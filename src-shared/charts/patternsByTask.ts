// Paper B.5: each kept task's (or occupation's) conversations broken down over the five
// collaboration patterns and "none", as stacked bars for the items with the most conversations,
// and the tasks most characteristic of each pattern as a table.
import { CHARACTERISTIC_TASKS, PATTERN_KEYS, type PatternBreakdown, type RunReport } from '../report';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { barChartHeight, fmtInt, plainText, truncate } from './format';
import { noDataFigure } from './empty';
import { LABEL_MAX, NOT_IN_REPORT_TEXT } from './levelShares';

export type PatternsBy = 'task' | 'occupation';
export const TOP_N = 20;
export const NO_DATA_TEXT = 'No collaboration-pattern answers for the kept tasks of this run';

/** Automation patterns in warm colours, augmentation in cool ones (as Figure 7), none in grey. */
const COLORS: Record<string, string> = {
  directive: '#d9622b',
  'feedback loop': '#f0a15c',
  'task iteration': '#2b7bb9',
  learning: '#5fa8d3',
  validation: '#9cc9e6',
  none: '#b8b8b8',
};

type WithShares = PatternBreakdown & { patternPct: NonNullable<PatternBreakdown['patternPct']> };

function rows(run: Pick<RunReport, 'patternsByTask' | 'patternsByOccupation'>, by: PatternsBy): WithShares[] {
  const list = by === 'task' ? run.patternsByTask : run.patternsByOccupation;
  return list
    .filter((b): b is WithShares => b.patternPct !== undefined && b.conversations > 0)
    .sort((a, b) => b.conversations - a.conversations || a.name.localeCompare(b.name));
}

function trace(pattern: string, shown: readonly WithShares[]): CartesianData {
  return {
    type: 'bar',
    orientation: 'h',
    name: pattern,
    y: shown.map((b, i) => `${i + 1}. ${plainText(truncate(b.name, LABEL_MAX))}`),
    x: shown.map((b) => b.patternPct[pattern] ?? 0),
    text: shown.map((b) => plainText(b.name)),
    customdata: shown.map((b) => fmtInt(b.conversations)),
    textposition: 'none',
    marker: { color: COLORS[pattern] ?? '#777777' },
    hovertemplate: `%{text}<br>${pattern}: %{x:.1f}% of %{customdata} conversations<extra></extra>`,
  };
}

export function toFigure(run: Pick<RunReport, 'patternsByTask' | 'patternsByOccupation'>, by: PatternsBy = 'task', limit = TOP_N): Figure<CartesianData> {
  const all = by === 'task' ? run.patternsByTask : run.patternsByOccupation;
  const withShares = rows(run, by);
  if (withShares.length === 0) return noDataFigure(all.length > 0 ? NOT_IN_REPORT_TEXT : NO_DATA_TEXT);
  const shown = withShares.slice(0, limit);
  const what = by === 'task' ? 'tasks' : 'occupations';
  return {
    data: PATTERN_KEYS.map((p) => trace(p, shown)),
    layout: {
      title: { text: `Collaboration patterns of the ${shown.length} ${what} with the most conversations` },
      barmode: 'stack',
      height: barChartHeight(shown.length, 26, 170),
      yaxis: { autorange: 'reversed', automargin: true },
      xaxis: { title: { text: 'Share of the item’s conversations' }, ticksuffix: '%', range: [0, 100] },
      // Plotly lists stacked traces last-first by default; the taxonomy's order reads better.
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom', traceorder: 'normal' },
      showlegend: true,
      margin: { t: 100, r: 20 },
    },
  };
}

/** Every task (or occupation) with its share of each pattern. */
export function toTable(run: Pick<RunReport, 'patternsByTask' | 'patternsByOccupation'>, by: PatternsBy = 'task'): ChartTable {
  return {
    columns: [by === 'task' ? 'Task' : 'Occupation', 'Conversations', ...PATTERN_KEYS.map((p) => `${p} (%)`)],
    rows: rows(run, by).map((b) => [b.name, b.conversations, ...PATTERN_KEYS.map((p) => b.patternPct[p] ?? 0)]),
  };
}

/** The tasks most characteristic of each pattern, as the engine chose them (see the caption). */
export function characteristicTable(run: Pick<RunReport, 'characteristicTasks'>): ChartTable {
  return {
    columns: ['Pattern', 'Rank', 'Task', 'Conversations', 'Share of the pattern (%)'],
    rows: (run.characteristicTasks ?? []).flatMap((c) => c.tasks.map((t, i) => [c.pattern, i + 1, t.task, t.conversations, t.pct])),
  };
}

const conversations = (n: number) => `${fmtInt(n)} conversation${n === 1 ? '' : 's'}`;

export function characteristicCaption(run: Pick<RunReport, 'thresholds'>): string {
  return (
    `For each pattern, up to ${CHARACTERISTIC_TASKS} kept tasks with the highest share of their conversations showing it, among ` +
    `tasks with at least ${conversations(run.thresholds.minConversations)} classified for their pattern (the run’s ` +
    'conversation threshold), so a task with a handful of conversations cannot top a list; ties go to the larger task.'
  );
}
