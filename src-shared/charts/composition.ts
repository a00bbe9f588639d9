// Appendix B.7: a run's composition as stacked horizontal bars, one bar per dimension (work,
// coursework, personal) before and after screening, split into the four levels from "explicitly" to
// "non-"; and its tables (every level with the share at each confidence cut, and the top tasks
// within non-work and coursework conversations). Explore, the HTML report and the exports use these.
import {
  COMPOSITION_DIMENSIONS,
  COMPOSITION_LEVELS,
  dimensionShares,
  type CompositionLevel,
  type CompositionReport,
  type CompositionShares,
} from '../composition';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { barChartHeight } from './format';
import { noDataFigure } from './empty';

export const NO_DATA_TEXT = 'No composition answers in this run';

const LEVEL_NAMES: Record<CompositionLevel, string> = { explicitly: 'Explicitly', likely: 'Likely', possibly: 'Possibly', non: 'Non-' };
// Darker is more confident; "non-" is grey so the yes-levels read as one block.
const LEVEL_COLORS: Record<CompositionLevel, string> = { explicitly: '#1f5f99', likely: '#4a8fcf', possibly: '#a9cbea', non: '#c8c8c8' };

const SETS = [
  ['before screening', (r: CompositionReport) => r.beforeScreening],
  ['after screening', (r: CompositionReport) => r.afterScreening],
] as const;

/** Bar labels, top to bottom: "Work · before screening", "Work · after screening", … */
function bars(report: CompositionReport): { label: string; shares: CompositionShares; dimension: (typeof COMPOSITION_DIMENSIONS)[number] }[] {
  return COMPOSITION_DIMENSIONS.flatMap((dimension) =>
    SETS.map(([set, of]) => ({ label: `${dimension[0]!.toUpperCase()}${dimension.slice(1)} · ${set}`, shares: of(report), dimension })),
  );
}

export function toFigure(report: CompositionReport): Figure<CartesianData> {
  if (report.beforeScreening.conversations === 0) return noDataFigure(NO_DATA_TEXT);
  const rows = bars(report);
  return {
    data: COMPOSITION_LEVELS.map((level) => ({
      type: 'bar',
      orientation: 'h',
      name: LEVEL_NAMES[level],
      y: rows.map((b) => b.label),
      x: rows.map((b) => dimensionShares(b.shares, b.dimension).levels.find((l) => l.level === level)?.pct ?? 0),
      marker: { color: LEVEL_COLORS[level] },
      hovertemplate: `%{y}: ${LEVEL_NAMES[level].toLowerCase()} %{x:.1f}%<extra></extra>`,
    })),
    layout: {
      title: { text: 'Work, coursework and personal use (Appendix B.7)' },
      barmode: 'stack',
      height: barChartHeight(rows.length, 34, 170),
      yaxis: { autorange: 'reversed', automargin: true },
      xaxis: { title: { text: 'Share of conversations' }, ticksuffix: '%', range: [0, 100] },
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom', traceorder: 'normal' },
      margin: { t: 90, r: 20 },
    },
  };
}

/** Every set, dimension and level: its share and the share at its confidence cut (cumulative). */
export function toTable(report: CompositionReport): ChartTable {
  return {
    columns: ['Set', 'Conversations in the set', 'Dimension', 'Level', 'Conversations', 'Share (%)', 'Share at this cut or more confident (%)'],
    rows: SETS.flatMap(([set, of]) => {
      const shares = of(report);
      return shares.dimensions.flatMap((d) => d.levels.map((l) => [set, shares.conversations, d.dimension, l.label, l.conversations, l.pct, l.cumulativePct]));
    }),
  };
}

/** The top tasks within non-work and within coursework conversations (after screening). */
export function topTasksTable(report: CompositionReport): ChartTable {
  return {
    columns: ['Group', 'Task', 'Conversations', 'Share of the group’s conversations (%)'],
    rows: report.topTasks.flatMap((g) => g.tasks.map((t) => [g.label, t.task, t.conversations, t.pct])),
  };
}
