// Figures 21 and 25 (Appendix G): how many occupations or tasks each aggregation level recovered —
// found by both methods, only by direct assignment, only by the clusters — as stacked bars, so a
// bar's height is the union the metrics are computed over.
import type { ReconstructionReport, RecoveredCounts } from '../reconstruct';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { noDataFigure } from './empty';
import { fmtInt } from './format';
import { levelLegend, levelName, sortedLevels } from './reconstruct-common';
import { NO_LEVELS_TEXT } from './figGMetrics';

export type RecoveredGranularity = 'occupation' | 'task';

export const FIGURE_NUMBER: Record<RecoveredGranularity, number> = { occupation: 21, task: 25 };

export const PARTS: readonly { key: keyof RecoveredCounts; name: string; color: string }[] = [
  { key: 'both', name: 'Found by both', color: '#2a9d8f' },
  { key: 'directOnly', name: 'Direct assignment only', color: '#7f7f7f' },
  { key: 'clusterOnly', name: 'Clusters only', color: '#e76f51' },
];

const PLURAL: Record<RecoveredGranularity, string> = { occupation: 'occupations', task: 'tasks' };

export function title(g: RecoveredGranularity): string {
  return `Figure ${FIGURE_NUMBER[g]}: ${PLURAL[g]} recovered at each aggregation level`;
}

export function toFigure(report: ReconstructionReport, g: RecoveredGranularity): Figure<CartesianData> {
  if (report.levels.length === 0) return noDataFigure(NO_LEVELS_TEXT);
  const levels = sortedLevels(report);
  const x = levels.map(levelName);
  const custom = levels.map(levelLegend);
  return {
    data: PARTS.map(({ key, name, color }) => ({
      type: 'bar',
      name,
      x,
      y: levels.map((l) => l.recovered[g][key]),
      customdata: custom,
      marker: { color },
      hovertemplate: `%{customdata}<br>${name}: %{y:,} ${PLURAL[g]}<extra></extra>`,
    })),
    layout: {
      title: { text: title(g), font: { size: 14 } },
      barmode: 'stack',
      xaxis: { title: { text: 'Aggregation level (mean conversations per cluster)' }, type: 'category' },
      yaxis: { title: { text: `Number of ${PLURAL[g]}` }, tickformat: ',d' },
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
      showlegend: true,
      height: 420,
      margin: { t: 100, r: 20 },
    },
  };
}

/** How many of the items direct assignment found the clusters found too, for captions. */
export function recallText(c: RecoveredCounts, g: RecoveredGranularity): string {
  const direct = c.both + c.directOnly;
  if (direct === 0) return `direct assignment found no ${PLURAL[g]}`;
  return `the clusters found ${fmtInt(c.both)} of the ${fmtInt(direct)} ${PLURAL[g]} direct assignment found (${Math.round((100 * c.both) / direct)}%)`;
}

export function toTable(report: ReconstructionReport, g: RecoveredGranularity): ChartTable {
  return {
    columns: ['Mean cluster size', 'Clusters (k)', 'Found by both', 'Direct assignment only', 'Clusters only'],
    rows: sortedLevels(report).map((l) => [l.meanClusterSize, l.clusters, l.recovered[g].both, l.recovered[g].directOnly, l.recovered[g].clusterOnly]),
  };
}
