// Figures 14, 17 and 22 (Appendix G): each category, occupation or task at (direct share, cluster
// share), one trace per aggregation level, over the union of items either method found. Points on the
// dashed y = x line have the same share under both methods.
import type { ReconstructionReport } from '../reconstruct';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { noDataFigure } from './empty';
import { diagonalTrace } from './compare';
import { fmtInt, plainText, truncate } from './format';
import { granularityInfo, levelLegend, noShares, sortedLevels, type Granularity } from './reconstruct-common';

export { DIAGONAL_TRACE } from './compare';
const HOVER_MAX = 120;

export function noDataText(g: Granularity): string {
  return `No ${granularityInfo(g).label.toLowerCase()} with usage in this reconstruction`;
}

export function title(report: ReconstructionReport, g: Granularity): string {
  const info = granularityInfo(g);
  return `Figure ${info.figures.scatter}: ${info.label}, direct assignment vs clusters (${fmtInt(report.levels.length)} levels)`;
}

export function toFigure(report: ReconstructionReport, g: Granularity): Figure<CartesianData> {
  if (noShares(report, g)) return noDataFigure(noDataText(g));
  const levels = sortedLevels(report);
  // The diagonal spans both axes so it stays visible whichever method gives the larger shares.
  const top = Math.max(0, ...levels.flatMap((l) => l.shares[g].flatMap((s) => [s.direct, s.clusters]))) * 1.05 || 1;
  const points: CartesianData[] = levels.map((level) => ({
    type: 'scatter',
    mode: 'markers',
    name: levelLegend(level),
    x: level.shares[g].map((s) => s.direct),
    y: level.shares[g].map((s) => s.clusters),
    text: level.shares[g].map((s) => plainText(truncate(s.label, HOVER_MAX))),
    marker: { size: g === 'task' ? 5 : 8, opacity: 0.7 },
    hovertemplate: `%{text}<br>Direct: %{x:.3f}%<br>${levelLegend(level)}: %{y:.3f}%<extra></extra>`,
  }));
  return {
    data: [
      diagonalTrace(top, 'Equal share under both methods'),
      ...points,
    ],
    layout: {
      title: { text: title(report, g), font: { size: 14 } },
      xaxis: { title: { text: 'Direct assignment — share of usage' }, ticksuffix: '%', range: [0, top], zeroline: false },
      yaxis: { title: { text: 'Clusters — share of usage' }, ticksuffix: '%', range: [0, top], zeroline: false },
      hovermode: 'closest',
      showlegend: true,
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
      height: 520,
      margin: { t: 100, r: 20 },
    },
  };
}

/** One row per level and item: what each point of the figure is. */
export function toTable(report: ReconstructionReport, g: Granularity): ChartTable {
  const item = granularityInfo(g).item;
  return {
    columns: ['Mean cluster size', 'Clusters (k)', `${item} key`, item, 'Direct (%)', 'Clusters (%)'],
    rows: sortedLevels(report).flatMap((l) => l.shares[g].map((s) => [l.meanClusterSize, l.clusters, s.key, s.label, s.direct, s.clusters])),
  };
}
