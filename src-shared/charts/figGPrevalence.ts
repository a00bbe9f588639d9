// Figures 15, 18 and 23 (Appendix G): the prevalence of the top items under direct assignment and at
// every aggregation level, as grouped horizontal bars. "Top" is by direct share (then the largest
// cluster share), so the list is the one the paper's main analysis would show.
import type { ReconstructionReport } from '../reconstruct';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { noDataFigure } from './empty';
import { barChartHeight, plainText, truncate } from './format';
import {
  clusterShares,
  DIRECT_TRACE,
  directItems,
  granularityInfo,
  levelLegend,
  levelName,
  noShares,
  sortedLevels,
  type Granularity,
} from './reconstruct-common';
import { noDataText } from './figGScatter';

/** Items per chart: every category fits; occupations and tasks are cut to the largest. */
export const TOP_N: Record<Granularity, number> = { category: 25, occupation: 15, task: 15 };
const LABEL_MAX = 60;

interface Row {
  key: string;
  label: string;
  direct: number;
  /** Cluster share per level, in sortedLevels() order. */
  clusters: number[];
}

function allRows(report: ReconstructionReport, g: Granularity): Row[] {
  const levels = sortedLevels(report).map((l) => clusterShares(l, g));
  return [...directItems(report, g).values()].map((s) => ({
    key: s.key,
    label: s.label,
    direct: s.direct,
    clusters: levels.map((shares) => shares.get(s.key) ?? 0),
  }));
}

export function topRows(report: ReconstructionReport, g: Granularity): Row[] {
  const maxCluster = (r: Row) => Math.max(0, ...r.clusters);
  return allRows(report, g)
    .sort((a, b) => b.direct - a.direct || maxCluster(b) - maxCluster(a) || a.label.localeCompare(b.label))
    .slice(0, TOP_N[g]);
}

export function title(report: ReconstructionReport, g: Granularity): string {
  const info = granularityInfo(g);
  const shown = topRows(report, g).length;
  return `Figure ${info.figures.prevalence}: prevalence of the top ${shown} ${info.label.toLowerCase()}, direct vs clusters`;
}

export function toFigure(report: ReconstructionReport, g: Granularity): Figure<CartesianData> {
  if (noShares(report, g)) return noDataFigure(noDataText(g));
  const rows = topRows(report, g);
  const labels = rows.map((r) => plainText(truncate(r.label, LABEL_MAX)));
  const full = rows.map((r) => plainText(r.label));
  const bar = (name: string, x: number[]): CartesianData => ({
    type: 'bar',
    orientation: 'h',
    name,
    y: labels,
    x,
    customdata: full,
    hovertemplate: `%{customdata}<br>${name}: %{x:.2f}%<extra></extra>`,
  });
  const levels = sortedLevels(report);
  const traces = 1 + levels.length;
  return {
    data: [
      { ...bar(DIRECT_TRACE, rows.map((r) => r.direct)), marker: { color: '#7f7f7f' } },
      ...levels.map((l, i) => bar(levelLegend(l), rows.map((r) => r.clusters[i] ?? 0))),
    ],
    layout: {
      title: { text: title(report, g), font: { size: 14 } },
      barmode: 'group',
      height: barChartHeight(rows.length, 10 + 8 * traces, 180),
      yaxis: { autorange: 'reversed', automargin: true },
      xaxis: { title: { text: 'Share of usage' }, ticksuffix: '%' },
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
      showlegend: true,
      // Long task labels narrow the plot, so the legend may wrap to two rows under the title.
      margin: { t: 130, r: 20 },
    },
  };
}

/** The bars as drawn: one row per item, direct then each level's cluster share. */
export function toTable(report: ReconstructionReport, g: Granularity): ChartTable {
  const item = granularityInfo(g).item;
  return {
    columns: [`${item} key`, item, 'Direct (%)', ...sortedLevels(report).map((l) => `Clusters ${levelName(l)} (%)`)],
    rows: topRows(report, g).map((r) => [r.key, r.label, r.direct, ...r.clusters]),
  };
}
