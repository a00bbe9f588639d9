// Figure 3: share of Claude usage vs share of U.S. workers per SOC major group.
import type { CategoryShare, ReproduceReport } from '../report';
import { errorBars, intervalOf, type RunIntervals } from '../uncertainty';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { barChartHeight, fmt, plainText } from './format';

export const USAGE_TRACE = 'Claude usage (%)';
export const BLS_TRACE = 'U.S. workers, BLS (%)';

/** Highest usage first; ties by title so the order is deterministic across runs. */
function byUsage(a: CategoryShare, b: CategoryShare): number {
  return b.usagePct - a.usagePct || a.title.localeCompare(b.title);
}

/** `intervals`: a run's 95% intervals, drawn as whiskers on the usage bars. */
export function toFigure(report: ReproduceReport, intervals?: RunIntervals | null): Figure<CartesianData> {
  const rows = [...report.categories].sort(byUsage);
  const whiskers = errorBars(intervals?.categories, rows.map((r) => r.code), rows.map((r) => r.usagePct));
  const titles = rows.map((r) => plainText(r.title));
  const { pearson, spearman } = report.categoryCorrelation;
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        name: USAGE_TRACE,
        y: titles,
        x: rows.map((r) => r.usagePct),
        ...(whiskers ? { error_x: whiskers } : {}),
        hovertemplate: '%{y}<br>Claude usage: %{x:.2f}%<extra></extra>',
      },
      {
        type: 'bar',
        orientation: 'h',
        name: BLS_TRACE,
        y: titles,
        // null leaves a gap rather than a zero bar: the category is absent from the BLS file.
        x: rows.map((r) => r.blsPct),
        hovertemplate: '%{y}<br>BLS employment: %{x:.2f}%<extra></extra>',
      },
    ],
    layout: {
      title: { text: `Usage vs employment by occupational category (Pearson r = ${fmt(pearson, 2)}, Spearman ρ = ${fmt(spearman, 2)})` },
      barmode: 'group',
      height: barChartHeight(rows.length, 30),
      // Plotly draws the first category at the bottom; reverse so the largest sits on top.
      yaxis: { autorange: 'reversed', automargin: true },
      xaxis: { title: { text: 'Percent' }, ticksuffix: '%' },
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
      margin: { t: 80, r: 20 },
    },
  };
}

/** The numbers behind Figure 3, in the figure's order. */
export function toTable(report: ReproduceReport, intervals?: RunIntervals | null): ChartTable {
  const rows = [...report.categories].sort(byUsage);
  if (!intervals) {
    return {
      columns: ['SOC code', 'Category', 'Claude usage (%)', 'BLS employment (%)', 'BLS employment'],
      rows: rows.map((c) => [c.code, c.title, c.usagePct, c.blsPct, c.blsEmployment]),
    };
  }
  return {
    columns: ['SOC code', 'Category', 'Claude usage (%)', '95% CI low (%)', '95% CI high (%)', 'BLS employment (%)', 'BLS employment'],
    rows: rows.map((c) => {
      const ci = intervalOf(intervals.categories, c.code);
      return [c.code, c.title, c.usagePct, ci?.ciLow ?? null, ci?.ciHigh ?? null, c.blsPct, c.blsEmployment];
    }),
  };
}
