// The Appendix G figures (14–27) from a hand-made reconstruction: one trace per aggregation level in
// level order, the y = x line, each metric at its level, recovered counts stacked, names escaped,
// and the empty figure when there is nothing to draw.
import { describe, expect, it } from 'vitest';
import * as scatter from '../../src-shared/charts/figGScatter';
import * as prevalence from '../../src-shared/charts/figGPrevalence';
import * as metrics from '../../src-shared/charts/figGMetrics';
import * as recovered from '../../src-shared/charts/figGRecovered';
import * as perOccupation from '../../src-shared/charts/figGTasksPerOccupation';
import * as wage from '../../src-shared/charts/figGWage';
import { DIRECT_TRACE, GRANULARITIES, levelLegend } from '../../src-shared/charts/reconstruct-common';
import { tableToCsv } from '../../src-shared/charts/table';
import type { Figure, PlotData } from '../../src-shared/charts/plotly-types';
import { emptyReconstruction, makeReconstruction } from './reconstruct-fixture';

const report = makeReconstruction();
const LEGENDS = ['≈10 per cluster (k = 1,200)', '≈100 per cluster (k = 120)', '≈1,000 per cluster (k = 12)'];

describe('Figures 14, 17, 22: direct vs cluster share', () => {
  it('draws one trace per level, finest first, after the y = x line', () => {
    const { data } = scatter.toFigure(report, 'category');
    expect(data.map((t) => t.name)).toEqual([scatter.DIAGONAL_TRACE, ...LEGENDS]);
    const coarse = data[3]!;
    expect(coarse.x).toEqual([40, 30, 30, 0]);
    expect(coarse.y).toEqual([44, 28, 27, 1]);
    expect(coarse.text).toContain('Arts, Design &amp; Media');
  });

  it('spans the y = x line over the largest share on either axis', () => {
    const { data, layout } = scatter.toFigure(report, 'category');
    const line = data[0]!;
    expect(line.x).toEqual(line.y);
    expect(line.x[1]).toBeCloseTo(44 * 1.05, 10);
    expect(layout.xaxis?.range).toEqual([0, line.x[1]]);
    expect(layout.yaxis?.range).toEqual([0, line.x[1]]);
  });

  it('numbers each granularity as the paper does', () => {
    expect(GRANULARITIES.map((g) => scatter.toFigure(report, g.granularity).layout.title?.text?.slice(0, 9))).toEqual([
      'Figure 14',
      'Figure 17',
      'Figure 22',
    ]);
  });

  it('tables every point with its level and key', () => {
    const t = scatter.toTable(report, 'occupation');
    expect(t.columns).toEqual(['Mean cluster size', 'Clusters (k)', 'Occupation key', 'Occupation', 'Direct (%)', 'Clusters (%)']);
    expect(t.rows).toHaveLength(15);
    expect(t.rows[0]).toEqual([10, 1200, '15-1252.00', 'Software Developers', 35, 38]);
  });
});

describe('Figures 15, 18, 23: prevalence across levels', () => {
  it('has a direct trace then one per level, over the top items by direct share', () => {
    const { data } = prevalence.toFigure(report, 'task');
    expect(data.map((t) => t.name)).toEqual([DIRECT_TRACE, ...LEGENDS]);
    expect(data[0]!.x).toEqual([20, 10, 8, 6, 4, 0]);
    // Each level's bar is that level's cluster share of the same item; an item it missed is 0.
    expect(data[1]!.x).toEqual([25, 6, 0, 9, 0, 3]);
  });

  it('keeps the full name on hover and the shares in the table', () => {
    const fig = prevalence.toFigure(report, 'task');
    expect(fig.data[0]!.customdata?.[0]).toBe('Write, update, and maintain computer programs or software packages to handle specific jobs');
    expect(String(fig.data[0]!.y[0]).endsWith('…')).toBe(true);
    expect(prevalence.toTable(report, 'category').columns).toEqual([
      'Category key',
      'Category',
      'Direct (%)',
      'Clusters ≈10 per cluster (%)',
      'Clusters ≈100 per cluster (%)',
      'Clusters ≈1,000 per cluster (%)',
    ]);
  });
});

describe('Figures 16, 19, 24: metrics vs level', () => {
  it('puts each correlation at its level and MSE on the right axis', () => {
    const { data, layout } = metrics.toFigure(report, 'occupation');
    const byName = Object.fromEntries(data.map((t) => [t.name, t]));
    expect(byName['Pearson r']!.x).toEqual(['≈10 per cluster', '≈100 per cluster', '≈1,000 per cluster']);
    expect(byName['Pearson r']!.y.map(Number)).toEqual([0.9, 0.8, expect.closeTo(0.7, 10)]);
    expect(byName['Kendall τb']!.y[0]).toBeCloseTo(0.7, 10);
    expect(byName[metrics.MSE_TRACE]!.y).toEqual([2, 3, 4]);
    expect(byName[metrics.MSE_TRACE]!.yaxis).toBe('y2');
    expect(layout.yaxis2?.overlaying).toBe('y');
  });

  it('leaves a metric the engine could not compute as a gap, in the figure and the table', () => {
    const spearman = metrics.toFigure(report, 'task').data.find((t) => t.name === 'Spearman ρ')!;
    expect(spearman.y).toEqual([null, null, null]);
    expect(metrics.toTable(report, 'task').rows[0]).toEqual([10, 1200, 6, 0.6, null, 0.3, 4]);
  });
});

describe('Figures 21, 25, 26–27, 20', () => {
  it('stacks both / direct only / clusters only per level', () => {
    const { data, layout } = recovered.toFigure(report, 'occupation');
    expect(layout.barmode).toBe('stack');
    expect(data.map((t) => [t.name, t.y])).toEqual([
      ['Found by both', [3, 3, 3]],
      ['Direct assignment only', [1, 1, 1]],
      ['Clusters only', [0, 1, 2]],
    ]);
    expect(recovered.recallText({ both: 3, directOnly: 1, clusterOnly: 2 }, 'task')).toBe('the clusters found 3 of the 4 tasks direct assignment found (75%)');
    expect(recovered.recallText({ both: 0, directOnly: 0, clusterOnly: 2 }, 'occupation')).toBe('direct assignment found no occupations');
  });

  it('draws tasks per occupation as cluster bars against the direct line', () => {
    const [bars, direct] = perOccupation.toFigure(report).data;
    expect(bars!.y.map((v) => Number(v).toFixed(2))).toEqual(['4.80', '3.80', '2.80']);
    expect(direct!.name).toBe(DIRECT_TRACE);
    expect(direct!.y).toEqual([4.8, 4.8, 4.8]);
  });

  it('compares wage bands at the largest level only, and tables every level', () => {
    const fig = wage.toFigure(report);
    expect(fig.data[1]!.name).toBe(`Clusters ${levelLegend({ meanClusterSize: 1000, clusters: 12 })}`);
    expect(fig.data[0]!.x[0]).toBe('under $35K');
    expect(fig.data[1]!.y).toEqual([4, 14, 33, 31, 13, 5]);
    expect(wage.toTable(report).rows).toHaveLength(18);
  });
});

describe('names and empty reports', () => {
  it('escapes names from the data in every figure', () => {
    const hostile = makeReconstruction();
    for (const l of hostile.levels) for (const g of GRANULARITIES) for (const s of l.shares[g.granularity]) s.label = `<a href="https://x">${s.label}</a>`;
    const figures = GRANULARITIES.flatMap((g) => [scatter.toFigure(hostile, g.granularity), prevalence.toFigure(hostile, g.granularity)]);
    for (const f of figures) {
      const json = JSON.stringify(f);
      expect(json).not.toMatch(/<a[\s>]/i);
      expect(json).toContain('&lt;a href=\\"https://x\\"&gt;');
    }
  });

  it('gives the empty figure for a report without levels, and empty tables', () => {
    const empty = emptyReconstruction();
    const figures: Figure<PlotData>[] = [
      ...GRANULARITIES.flatMap((g) => [scatter.toFigure(empty, g.granularity), prevalence.toFigure(empty, g.granularity), metrics.toFigure(empty, g.granularity)]),
      recovered.toFigure(empty, 'task'),
      perOccupation.toFigure(empty),
      wage.toFigure(empty),
    ];
    for (const f of figures) {
      expect(f.data).toEqual([]);
      expect(f.layout.annotations?.[0]?.text).toMatch(/^(No |This reconstruction has no)/);
    }
    expect(scatter.toTable(empty, 'task').rows).toEqual([]);
  });

  it('writes a table a spreadsheet cannot run as a formula', () => {
    const evil = makeReconstruction();
    evil.levels[0]!.shares.category[0]!.label = '=HYPERLINK("http://x")';
    expect(tableToCsv(scatter.toTable(evil, 'category'))).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
