// Figure 6 by wage quartile/decile (#16 item 4): groups of equal numbers of occupations by median
// wage, ties in one group, usage as a share of the plotted occupations' usage — checked by hand.
import { describe, expect, it } from 'vitest';
import * as bands from '../../src-shared/charts/fig6WageBands';
import type { ReproduceReport, WagePoint } from '../../src-shared/report';

const point = (medianWage: number, usagePct: number, title = `occ ${medianWage}`): WagePoint => ({ code: title, title, category: 'c', medianWage, usagePct });
// Eight occupations, two tied at $40K; usage sums to 20.
const POINTS = [point(150_000, 1), point(30_000, 2), point(40_000, 3), point(40_000, 1), point(60_000, 4), point(80_000, 5), point(100_000, 3), point(120_000, 1)];
const report = { wage: { points: POINTS, dropped: 0, correlation: { n: 8, pearson: null, spearman: null, kendallTauB: null, mse: null } } } as unknown as ReproduceReport;

describe('wage quartiles', () => {
  it('cuts ranked occupations into equal groups, ties together, usage over the plotted occupations', () => {
    // Ranks 0..7; a tie takes the rank of its first member: bands 1,1,1,2,3,3,4,4.
    const q = bands.wageBands(POINTS, 4);
    expect(q.map((b) => [b.band, b.occupations, b.minWage, b.maxWage])).toEqual([
      [1, 3, 30_000, 40_000],
      [2, 1, 60_000, 60_000],
      [3, 2, 80_000, 100_000],
      [4, 2, 120_000, 150_000],
    ]);
    expect(q.map((b) => b.usagePct)).toEqual([30, 20, 40, 10].map((x) => expect.closeTo(x, 12)));
    expect(q.reduce((s, b) => s + b.usagePct, 0)).toBeCloseTo(100, 12);
    expect(bands.wageBands(POINTS, 10)).toHaveLength(7);
  });

  it('draws the quartiles, tabulates quartiles and deciles, and says when there is nothing to rank', () => {
    const fig = bands.toFigure(report);
    expect(fig.data[0]!.x).toEqual(['Q1 ($30K–40K)', 'Q2 ($60K–60K)', 'Q3 ($80K–100K)', 'Q4 ($120K–150K)']);
    const table = bands.toTable(report);
    expect(table.rows.filter((r) => r[0] === 'quartile')).toHaveLength(4);
    expect(table.rows.filter((r) => r[0] === 'decile')).toHaveLength(7);
    const empty = bands.toFigure({ ...report, wage: { ...report.wage, points: [] } });
    expect(empty.data).toEqual([]);
    expect(JSON.stringify(empty.layout)).toContain(bands.NO_DATA_TEXT);
  });
});
