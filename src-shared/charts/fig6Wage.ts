// Figure 6: occupational usage against median annual wage. Only the points the engine kept are
// drawn; the title carries the engine's correlations so the reader need not eyeball the trend.
import type { ReproduceReport } from '../report';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { fmt, fmtInt, plainText } from './format';

export const SCATTER_TRACE = 'Occupations';

export function wageTitle(report: ReproduceReport): string {
  const { points, correlation } = report.wage;
  return (
    `Usage vs median wage: ${fmtInt(points.length)} occupations · ` +
    `Pearson r = ${fmt(correlation.pearson, 2)} · Spearman ρ = ${fmt(correlation.spearman, 2)}`
  );
}

export function toFigure(report: ReproduceReport): Figure<CartesianData> {
  const { points } = report.wage;
  return {
    data: [
      {
        type: 'scatter',
        mode: 'markers',
        name: SCATTER_TRACE,
        x: points.map((p) => p.medianWage),
        y: points.map((p) => p.usagePct),
        text: points.map((p) => plainText(p.title)),
        customdata: points.map((p) => plainText(p.category)),
        marker: { size: 7, opacity: 0.65 },
        hovertemplate: '%{text}<br>%{customdata}<br>Median wage: $%{x:,.0f}<br>Usage: %{y:.3f}%<extra></extra>',
      },
    ],
    layout: {
      title: { text: wageTitle(report) },
      xaxis: { title: { text: 'Median annual wage (USD)' }, type: 'linear', tickprefix: '$', tickformat: ',.0f' },
      yaxis: { title: { text: 'Share of Claude usage' }, ticksuffix: '%' },
      hovermode: 'closest',
      showlegend: false,
      height: 460,
      margin: { t: 60, r: 20 },
    },
  };
}

/** One row per plotted occupation (the dropped ones are not in the figure either). */
export function toTable(report: ReproduceReport): ChartTable {
  return {
    columns: ['Occupation code', 'Occupation', 'Category', 'Median annual wage (USD)', 'Usage (%)'],
    rows: report.wage.points.map((p) => [p.code, p.title, p.category, p.medianWage, p.usagePct]),
  };
}
