// Figure 4: how deeply occupations use AI — the share of occupations with at least a given
// fraction of their tasks appearing in conversations.
import type { DepthPoint, ReproduceReport } from '../report';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { fmt, fmtInt, fracToPct } from './format';
import { errorBars, type RunIntervals } from '../uncertainty';

export const CURVE_TRACE = 'Occupations (%)';
export const MARKS_TRACE = 'Quoted thresholds';

/** "36.1% at ≥25%": share of occupations at a task-coverage threshold. */
export function markLabel(mark: DepthPoint): string {
  return `${fmt(mark.shareOfOccupations * 100)}% at ≥${fracToPct(mark.threshold)}%`;
}

export function toFigure(report: ReproduceReport, intervals?: RunIntervals | null): Figure<CartesianData> {
  const { curve, marks, occupations } = report.depth;
  const whiskers = errorBars(intervals?.depth, marks.map((m) => String(m.threshold)), marks.map((m) => m.shareOfOccupations * 100));
  return {
    data: [
      {
        type: 'scatter',
        mode: 'lines',
        name: CURVE_TRACE,
        x: curve.map((p) => p.threshold * 100),
        y: curve.map((p) => p.shareOfOccupations * 100),
        // The curve is a survival function of a discrete count: steps are the honest shape.
        line: { shape: 'hv', width: 2 },
        hovertemplate: '≥%{x:.1f}% of tasks: %{y:.1f}% of occupations<extra></extra>',
      },
      {
        type: 'scatter',
        mode: 'markers+text',
        name: MARKS_TRACE,
        x: marks.map((p) => p.threshold * 100),
        y: marks.map((p) => p.shareOfOccupations * 100),
        text: marks.map(markLabel),
        ...(whiskers ? { error_y: whiskers } : {}),
        textposition: 'top right',
        marker: { size: 9 },
        cliponaxis: false,
        hovertemplate: '%{text}<extra></extra>',
      },
    ],
    layout: {
      title: { text: `Depth of AI use across ${fmtInt(occupations)} occupations` },
      xaxis: { title: { text: 'Minimum share of an occupation’s tasks with AI usage' }, ticksuffix: '%', range: [0, 100] },
      yaxis: { title: { text: 'Share of occupations' }, ticksuffix: '%', range: [0, 105] },
      showlegend: false,
      height: 420,
      margin: { t: 60, r: 30 },
    },
  };
}

/** The whole curve, in percent as drawn; quoted thresholds are flagged. */
export function toTable(report: ReproduceReport): ChartTable {
  const quoted = new Set(report.depth.marks.map((m) => m.threshold));
  return {
    columns: ['Tasks in use, at least (%)', 'Occupations (%)', 'Quoted in the paper'],
    rows: report.depth.curve.map((p) => [p.threshold * 100, p.shareOfOccupations * 100, quoted.has(p.threshold) ? 'yes' : 'no']),
  };
}
