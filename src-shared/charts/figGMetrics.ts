// Figures 16, 19 and 24 (Appendix G): agreement between direct assignment and clusters at every
// aggregation level — Pearson, Spearman and Kendall τ-b on the left axis, the mean squared error on
// the right (a different unit: squared percentage points). A metric the engine could not compute
// (too few items, no variance) is a gap, never a zero.
import type { CorrelationMetrics } from '../report';
import type { ReconstructionReport } from '../reconstruct';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { noDataFigure } from './empty';
import { granularityInfo, levelLegend, levelName, sortedLevels, type Granularity } from './reconstruct-common';

export const NO_LEVELS_TEXT = 'This reconstruction has no aggregation levels';

type CorrelationKey = 'pearson' | 'spearman' | 'kendallTauB';

export const CORRELATIONS: readonly { key: CorrelationKey; name: string }[] = [
  { key: 'pearson', name: 'Pearson r' },
  { key: 'spearman', name: 'Spearman ρ' },
  { key: 'kendallTauB', name: 'Kendall τb' },
];
export const MSE_TRACE = 'MSE (right axis)';

export function title(g: Granularity): string {
  const info = granularityInfo(g);
  return `Figure ${info.figures.metrics}: ${info.label.toLowerCase()}, agreement of clusters with direct assignment by level`;
}

function metricsOf(report: ReconstructionReport, g: Granularity): CorrelationMetrics[] {
  return sortedLevels(report).map((l) => l.metrics[g]);
}

export function toFigure(report: ReconstructionReport, g: Granularity): Figure<CartesianData> {
  if (report.levels.length === 0) return noDataFigure(NO_LEVELS_TEXT);
  const levels = sortedLevels(report);
  const x = levels.map(levelName);
  const metrics = metricsOf(report, g);
  const custom = levels.map((l, i) => `${levelLegend(l)}, n = ${metrics[i]?.n ?? 0}`);
  const correlations: CartesianData[] = CORRELATIONS.map(({ key, name }) => ({
    type: 'scatter',
    mode: 'lines+markers',
    name,
    x,
    y: metrics.map((m) => m[key]),
    customdata: custom,
    hovertemplate: `%{customdata}<br>${name} = %{y:.3f}<extra></extra>`,
  }));
  // Lowest correlation sets the floor: negative agreement must stay visible, not be clipped at 0.
  const low = Math.min(0, ...metrics.flatMap((m) => CORRELATIONS.map(({ key }) => m[key] ?? 0)));
  return {
    data: [
      ...correlations,
      {
        type: 'bar',
        name: MSE_TRACE,
        x,
        y: metrics.map((m) => m.mse),
        yaxis: 'y2',
        customdata: custom,
        marker: { color: '#7f7f7f', opacity: 0.35 },
        hovertemplate: '%{customdata}<br>MSE = %{y:.4f}<extra></extra>',
      },
    ],
    layout: {
      title: { text: title(g), font: { size: 14 } },
      xaxis: { title: { text: 'Aggregation level (mean conversations per cluster)' }, type: 'category' },
      yaxis: { title: { text: 'Correlation' }, range: [low * 1.05, 1.05], zeroline: true },
      yaxis2: { title: { text: 'Mean squared error' }, overlaying: 'y', side: 'right', showgrid: false, zeroline: false },
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
      showlegend: true,
      hovermode: 'closest',
      height: 440,
      margin: { t: 100, r: 70 },
    },
  };
}

export function toTable(report: ReconstructionReport, g: Granularity): ChartTable {
  return {
    columns: ['Mean cluster size', 'Clusters (k)', 'n', 'Pearson r', 'Spearman ρ', 'Kendall τb', 'MSE'],
    rows: sortedLevels(report).map((l) => {
      const m = l.metrics[g];
      return [l.meanClusterSize, l.clusters, m.n, m.pearson, m.spearman, m.kendallTauB, m.mse];
    }),
  };
}
