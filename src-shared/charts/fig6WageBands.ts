// Figure 6 read as the paper reads it ("usage peaks in the upper wage quartile"): the share of usage
// in each wage quartile (or decile) of the occupations plotted in Figure 6. Occupations are ranked by
// their median annual wage (the release's wage file, as in Figure 6) and cut into groups of equal
// numbers of occupations, occupations with the same wage always in the same group; a group's usage is
// its occupations' usage over the usage of all plotted occupations. Pure: the app, the HTML report and
// the exports compute it from the same points.
import type { ReproduceReport, WagePoint } from '../report';
import { noDataFigure } from './empty';
import { fmtInt } from './format';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';

export interface WageBand {
  band: number;
  of: number;
  occupations: number;
  minWage: number;
  maxWage: number;
  usagePct: number;
}

export const WAGE_BANDS_CAPTION =
  'The paper reads Figure 6 as usage peaking in the upper wage quartile. Occupations of Figure 6 ranked by median annual wage ' +
  '(the release’s wage file: O*NET/BLS medians, hourly-looking values left out) and cut into four groups of equal numbers of ' +
  'occupations (ties kept together); each bar is the group’s share of their usage. The table adds deciles.';

export const NO_DATA_TEXT = 'No occupation with a known annual median wage to rank';

export function wageBands(points: readonly WagePoint[], of: number): WageBand[] {
  const sorted = [...points].sort((a, b) => a.medianWage - b.medianWage);
  const total = sorted.reduce((s, p) => s + p.usagePct, 0);
  const bands: WageBand[] = [];
  let first = 0;
  sorted.forEach((p, i) => {
    if (i > 0 && p.medianWage !== sorted[i - 1]!.medianWage) first = i;
    // The rank of the first occupation with this wage places every tie in one group.
    const band = Math.min(of, 1 + Math.floor((of * first) / sorted.length));
    let b = bands[bands.length - 1];
    if (!b || b.band !== band) bands.push((b = { band, of, occupations: 0, minWage: p.medianWage, maxWage: p.medianWage, usagePct: 0 }));
    b.occupations += 1;
    b.maxWage = p.medianWage;
    b.usagePct += total > 0 ? (100 * p.usagePct) / total : 0;
  });
  return bands;
}

function bandName(b: WageBand): string {
  const ordinal = b.of === 4 ? `Q${b.band}` : `D${b.band}`;
  return `${ordinal} ($${fmtInt(Math.round(b.minWage / 1000))}K–${fmtInt(Math.round(b.maxWage / 1000))}K)`;
}

export function toFigure(report: ReproduceReport, of: 4 | 10 = 4): Figure<CartesianData> {
  const bands = wageBands(report.wage.points, of);
  if (bands.length === 0) return noDataFigure(NO_DATA_TEXT);
  return {
    data: [
      {
        type: 'bar',
        name: of === 4 ? 'Wage quartiles' : 'Wage deciles',
        x: bands.map(bandName),
        y: bands.map((b) => b.usagePct),
        customdata: bands.map((b) => b.occupations),
        hovertemplate: '%{x}<br>%{customdata} occupations<br>Usage: %{y:.1f}%<extra></extra>',
      },
    ],
    layout: {
      title: { text: `Usage by median-wage ${of === 4 ? 'quartile' : 'decile'} of the occupations` },
      xaxis: { title: { text: 'Occupations ranked by median annual wage' } },
      yaxis: { title: { text: 'Share of usage' }, ticksuffix: '%' },
      showlegend: false,
      height: 380,
      margin: { t: 60, r: 20 },
    },
  };
}

/** Quartiles and deciles, one row per group. */
export function toTable(report: ReproduceReport): ChartTable {
  const rows = [...wageBands(report.wage.points, 4), ...wageBands(report.wage.points, 10)];
  return {
    columns: ['Grouping', 'Group', 'Occupations', 'Lowest median wage (USD)', 'Highest median wage (USD)', 'Usage (%)'],
    rows: rows.map((b) => [b.of === 4 ? 'quartile' : 'decile', b.band, b.occupations, b.minWage, b.maxWage, b.usagePct]),
  };
}
