// Figure 6: occupational usage against median annual wage. Only the points the engine kept are
// drawn; the title carries the engine's correlations so the reader need not eyeball the trend.
import type { ReproduceReport } from '../report';
import type { Annotation, CartesianData, Figure } from './plotly-types';
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

/**
 * The occupations the paper names beside Figure 6 (its outliers and its two extremes of the wage
 * scale). A name also matches its O*NET sub-titles ("Software Developers, Applications").
 */
export const PAPER_NAMED = ['Computer Programmers', 'Software Developers', 'Web Developers', 'Waiters and Waitresses', 'Anesthesiologists'];

export interface Fig6Options {
  /** 'log' spreads the many small shares; occupations with no usage cannot sit on it and are counted in the title. */
  yAxis?: 'linear' | 'log';
}

type WagePoint = ReproduceReport['wage']['points'][number];

export function isPaperNamed(title: string): boolean {
  return PAPER_NAMED.some((name) => title === name || title.startsWith(`${name},`));
}

/** An arrow and the name at each named occupation; on a log axis Plotly places annotations by log10. */
function namedLabels(points: WagePoint[], log: boolean): Annotation[] {
  return points
    .filter((p) => isPaperNamed(p.title) && (!log || p.usagePct > 0))
    .sort((a, b) => b.usagePct - a.usagePct)
    .map((p, i) => ({
      text: plainText(p.title),
      xref: 'x' as const,
      yref: 'y' as const,
      x: p.medianWage,
      y: log ? Math.log10(p.usagePct) : p.usagePct,
      showarrow: true,
      arrowhead: 0,
      // Alternate sides so neighbours (the software occupations) do not write over each other.
      ax: p.medianWage > 150_000 ? -60 : i % 2 === 0 ? 70 : -70,
      ay: i % 2 === 0 ? -24 : 24,
      font: { size: 11 },
      bgcolor: 'rgba(255,255,255,0.85)',
    }));
}

export function toFigure(report: ReproduceReport, opts: Fig6Options = {}): Figure<CartesianData> {
  const log = opts.yAxis === 'log';
  const points = log ? report.wage.points.filter((p) => p.usagePct > 0) : report.wage.points;
  const hidden = report.wage.points.length - points.length;
  const note = hidden > 0 ? `<br><sup>${fmtInt(hidden)} occupation(s) with no usage are not drawn on the log axis</sup>` : '';
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
      title: { text: wageTitle(report) + note },
      xaxis: { title: { text: 'Median annual wage (USD)' }, type: 'linear', tickprefix: '$', tickformat: ',.0f' },
      yaxis: { title: { text: `Share of Claude usage${log ? ' (log scale)' : ''}` }, ticksuffix: '%', type: log ? 'log' : 'linear' },
      annotations: namedLabels(points, log),
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
