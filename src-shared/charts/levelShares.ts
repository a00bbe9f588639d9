// Shared by Figures 11 and 12 (paper Appendix D.1): the most prevalent tasks at one level of the task
// hierarchy, as shares of the run's kept conversations (thresholds applied at the base level, then
// rolled up). "Top" is the hierarchy's highest level and "middle" the one right under it.
import type { LevelTaskShare } from '../report';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { barChartHeight, plainText, truncate } from './format';
import { noDataFigure } from './empty';

export const TOP_N = 20;
export const LABEL_MAX = 60;
/** The report was made by a version without the hierarchy analyses (e.g. an older review bundle). */
export const NOT_IN_REPORT_TEXT = 'Not in this report: it was made before this analysis existed. Report the run again.';

export interface LevelSpec {
  /** "top-level" / "middle-level": used in the title and axis. */
  name: string;
  emptyText: string;
}

function ranked(rows: readonly LevelTaskShare[]): LevelTaskShare[] {
  return [...rows].sort((a, b) => b.pct - a.pct || a.task.localeCompare(b.task));
}

export function levelFigure(rows: readonly LevelTaskShare[] | undefined, spec: LevelSpec, limit = TOP_N): Figure<CartesianData> {
  if (rows === undefined) return noDataFigure(NOT_IN_REPORT_TEXT);
  if (rows.length === 0) return noDataFigure(spec.emptyText);
  const shown = ranked(rows).slice(0, limit);
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        name: 'Share of kept conversations (%)',
        // The rank prefix keeps labels unique: two nodes may share a name, and Plotly merges bars
        // whose category labels collide.
        y: shown.map((t, i) => `${i + 1}. ${plainText(truncate(t.task, LABEL_MAX))}`),
        x: shown.map((t) => t.pct),
        text: shown.map((t) => plainText(t.task)),
        textposition: 'none',
        hovertemplate: '%{text}<br>%{x:.2f}% of kept conversations<extra></extra>',
      },
    ],
    layout: {
      title: { text: `Most prevalent ${spec.name} tasks${rows.length > shown.length ? ` (top ${shown.length} of ${rows.length})` : ''}` },
      height: barChartHeight(shown.length),
      yaxis: { autorange: 'reversed', automargin: true },
      xaxis: { title: { text: 'Share of kept conversations' }, ticksuffix: '%' },
      showlegend: false,
      margin: { t: 60, r: 20 },
    },
  };
}

/** Every task of the level (the figure draws the first TOP_N). */
export function levelTable(rows: readonly LevelTaskShare[] | undefined): ChartTable {
  return {
    columns: ['Rank', 'Task', 'Node id', 'Share of kept conversations (%)'],
    rows: ranked(rows ?? []).map((t, i) => [i + 1, t.task, t.nodeId, t.pct]),
  };
}

/** How the shares were made, for the caption under Figure 11 or 12 (app and HTML report alike). */
export function levelCaption(which: 'top' | 'middle'): string {
  const level =
    which === 'top'
      ? 'top-level task (the hierarchy’s highest level)'
      : 'middle-level task (the level right under the top; in a hierarchy of more than three levels the levels further down are not shown)';
  return (
    `Share of the run’s kept conversations per ${level}. As in the paper, the privacy thresholds apply to the base ` +
    '(O*NET) tasks: only conversations of kept base tasks count, each for the ancestors of its base task.'
  );
}
