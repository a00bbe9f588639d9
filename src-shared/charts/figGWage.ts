// Figure 20 (Appendix G): usage by the median-wage band of the occupation, direct assignment vs the
// clusters of the largest aggregation level (the paper used clusters of ≈1,500 conversations).
// Shares are of the usage whose occupation has a known wage, in each method.
import type { ReconstructionReport } from '../reconstruct';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { noDataFigure } from './empty';
import { DIRECT_TRACE, largestLevel, levelLegend, sortedLevels } from './reconstruct-common';
import { plainText } from './format';

export const NO_DATA_TEXT = 'No usage with a known median wage in this reconstruction';

export function title(report: ReconstructionReport): string {
  const level = largestLevel(report);
  return `Figure 20: usage by median wage, direct assignment vs clusters${level ? ` of ${levelLegend(level)}` : ''}`;
}

export function toFigure(report: ReconstructionReport): Figure<CartesianData> {
  const level = largestLevel(report);
  if (!level || level.wageBands.length === 0) return noDataFigure(NO_DATA_TEXT);
  const bands = level.wageBands.map((b) => plainText(b.band));
  const clusters = `Clusters ${levelLegend(level)}`;
  return {
    data: [
      {
        type: 'bar',
        name: DIRECT_TRACE,
        x: bands,
        y: level.wageBands.map((b) => b.direct),
        marker: { color: '#7f7f7f' },
        hovertemplate: `%{x}<br>${DIRECT_TRACE}: %{y:.2f}%<extra></extra>`,
      },
      {
        type: 'bar',
        name: clusters,
        x: bands,
        y: level.wageBands.map((b) => b.clusters),
        hovertemplate: `%{x}<br>${clusters}: %{y:.2f}%<extra></extra>`,
      },
    ],
    layout: {
      title: { text: title(report), font: { size: 14 } },
      barmode: 'group',
      xaxis: { title: { text: 'Median annual wage of the occupation (USD)' }, type: 'category' },
      yaxis: { title: { text: 'Share of usage with a known wage' }, ticksuffix: '%' },
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
      showlegend: true,
      height: 420,
      margin: { t: 100, r: 20 },
    },
  };
}

/** Every level's bands (the figure draws the largest level only; the table keeps them all). */
export function toTable(report: ReconstructionReport): ChartTable {
  return {
    columns: ['Mean cluster size', 'Median wage band', 'Direct (%)', 'Clusters (%)'],
    rows: sortedLevels(report).flatMap((l) => l.wageBands.map((b) => [l.meanClusterSize, b.band, b.direct, b.clusters])),
  };
}
