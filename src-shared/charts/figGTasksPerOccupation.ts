// Figures 26–27 (Appendix G): the mean number of distinct kept tasks per occupation with usage, for
// the clusters at each aggregation level (bars) against direct assignment (line). Larger clusters
// place fewer, broader requests, so the paper expects fewer tasks per occupation as clusters grow.
import type { ReconstructionReport } from '../reconstruct';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { noDataFigure } from './empty';
import { fmt } from './format';
import { DIRECT_TRACE, levelLegend, levelName, sortedLevels } from './reconstruct-common';
import { NO_LEVELS_TEXT } from './figGMetrics';

export const CLUSTERS_TRACE = 'Clusters';
export const TITLE = 'Figures 26–27: mean tasks per occupation, clusters vs direct assignment';

export function toFigure(report: ReconstructionReport): Figure<CartesianData> {
  if (report.levels.length === 0) return noDataFigure(NO_LEVELS_TEXT);
  const levels = sortedLevels(report);
  const x = levels.map(levelName);
  const custom = levels.map(levelLegend);
  return {
    data: [
      {
        type: 'bar',
        name: CLUSTERS_TRACE,
        x,
        y: levels.map((l) => l.tasksPerOccupation.clusters),
        customdata: custom,
        text: levels.map((l) => fmt(l.tasksPerOccupation.clusters, 2)),
        // Inside the bar where it fits, so the label never sits on the direct-assignment line.
        textposition: 'auto',
        hovertemplate: '%{customdata}<br>Clusters: %{y:.2f} tasks per occupation<extra></extra>',
      },
      {
        // Direct assignment does not depend on the level; drawn per level all the same, so a
        // level computed over a different set of kept tasks would show rather than be hidden.
        type: 'scatter',
        mode: 'lines+markers',
        name: DIRECT_TRACE,
        x,
        y: levels.map((l) => l.tasksPerOccupation.direct),
        line: { dash: 'dash', color: '#7f7f7f' },
        marker: { color: '#7f7f7f' },
        hovertemplate: 'Direct assignment: %{y:.2f} tasks per occupation<extra></extra>',
      },
    ],
    layout: {
      title: { text: TITLE, font: { size: 14 } },
      xaxis: { title: { text: 'Aggregation level (mean conversations per cluster)' }, type: 'category' },
      yaxis: { title: { text: 'Mean tasks per occupation' } },
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
      showlegend: true,
      height: 400,
      margin: { t: 100, r: 20 },
    },
  };
}

export function toTable(report: ReconstructionReport): ChartTable {
  return {
    columns: ['Mean cluster size', 'Clusters (k)', 'Direct: tasks per occupation', 'Clusters: tasks per occupation'],
    rows: sortedLevels(report).map((l) => [l.meanClusterSize, l.clusters, l.tasksPerOccupation.direct, l.tasksPerOccupation.clusters]),
  };
}
