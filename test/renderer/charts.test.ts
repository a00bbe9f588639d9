// Pure chart builders: exact trace values for a hand-made report, no DOM and no Plotly.
import { describe, expect, it } from 'vitest';
import * as fig3 from '../../src-shared/charts/fig3Categories';
import * as fig4 from '../../src-shared/charts/fig4Depth';
import * as fig6 from '../../src-shared/charts/fig6Wage';
import * as fig7 from '../../src-shared/charts/fig7Automation';
import * as fig13 from '../../src-shared/charts/fig13TopTasks';
import { truncate } from '../../src-shared/charts/format';
import { PAPER_GROUP, toTable2Rows } from '../../src-shared/charts/table2';
import { LONG_TASK, makePaper, makeReport } from './fixture';

describe('Figure 3 categories', () => {
  const { data, layout } = fig3.toFigure(makeReport());
  const [usage, bls] = data;

  it('has a usage and a BLS trace, sorted by usage with ties by title', () => {
    expect(data.map((t) => t.name)).toEqual(['Claude usage (%)', 'U.S. workers, BLS (%)']);
    expect(usage?.orientation).toBe('h');
    expect(usage?.y).toEqual([
      'Computer and Mathematical',
      'Management',
      'Arts, Design, Entertainment, Sports, and Media',
      'Educational Instruction and Library',
      'Office and Administrative Support',
      'Military Specific',
    ]);
    expect(usage?.x).toEqual([37.2, 33.8, 10.3, 10.3, 7.9, 0.5]);
  });

  it('keeps categories without BLS data, as null bars', () => {
    expect(bls?.y).toEqual(usage?.y);
    expect(bls?.x).toEqual([3.4, 6.9, 1.4, 5.8, 12.6, null]);
  });

  it('puts the largest category on top and the correlations in the title', () => {
    expect(layout.yaxis?.autorange).toBe('reversed');
    expect(layout.title?.text).toContain('Pearson r = 0.12, Spearman ρ = -0.46');
  });
});

describe('Figure 4 depth', () => {
  const { data, layout } = fig4.toFigure(makeReport());
  const [curve, marks] = data;

  it('plots the curve in percent of tasks and of occupations', () => {
    expect(curve?.x).toEqual([0, 10, 25, 50, 75, 100]);
    // Rounded only to hide binary floating-point noise (0.572 * 100 = 57.199999999999996).
    expect(curve?.y.map((v) => Number((v as number).toFixed(9)))).toEqual([100, 57.2, 36.1, 11.8, 4, 0.1]);
    expect(curve?.mode).toBe('lines');
  });

  it('labels the quoted thresholds', () => {
    expect(marks?.mode).toBe('markers+text');
    expect(marks?.x).toEqual([25, 50, 75]);
    expect(marks?.text).toEqual(['36.1% at ≥25%', '11.8% at ≥50%', '4.0% at ≥75%']);
    expect(layout.title?.text).toBe('Depth of AI use across 1,234 occupations');
  });
});

describe('Figure 6 wage', () => {
  const { data, layout } = fig6.toFigure(makeReport());

  it('scatters wage against usage with titles for hover', () => {
    expect(data).toHaveLength(1);
    expect(data[0]?.x).toEqual([132_270, 88_790, 34_180]);
    expect(data[0]?.y).toEqual([6.2, 0.4, 0.01]);
    expect(data[0]?.text).toEqual(['Software Developers', 'Business Teachers, Postsecondary', 'Farmworkers and Laborers']);
    expect(layout.xaxis?.type).toBe('linear');
  });

  it('titles n and both correlations, n/a when one is missing', () => {
    expect(layout.title?.text).toBe('Usage vs median wage: 3 occupations · Pearson r = 0.99 · Spearman ρ = n/a');
  });
});

describe('Figure 7 automation', () => {
  it('splits the five patterns into two coloured traces in the engine order', () => {
    const { data, layout } = fig7.toFigure(makeReport());
    expect(data.map((t) => t.name)).toEqual(['Automation', 'Augmentation']);
    expect(data[0]?.x).toEqual(['directive', 'feedback loop']);
    expect(data[0]?.y).toEqual([27.8, 15.2]);
    expect(data[1]?.x).toEqual(['task iteration', 'learning', 'validation']);
    expect(data[1]?.y).toEqual([31.3, 23.3, 2.4]);
    expect(data[0]?.marker?.color).not.toEqual(data[1]?.marker?.color);
    expect(layout.xaxis?.categoryarray).toEqual(['directive', 'feedback loop', 'task iteration', 'learning', 'validation']);
    expect(layout.annotations?.[0]?.text).toBe('Augmentation 57.0% · Automation 43.0%');
  });

  it('returns an empty figure with a note when the source has no pattern data', () => {
    const { data, layout } = fig7.toFigure({ ...makeReport(), automation: null });
    expect(data).toEqual([]);
    expect(layout.annotations?.map((a) => a.text)).toEqual(['No collaboration-pattern data in this source']);
  });
});

describe('Figure 13 top tasks', () => {
  const { data, layout } = fig13.toFigure(makeReport());
  const bars = data[0];

  it('keeps the 20 largest tasks in usage order', () => {
    expect(bars?.x).toHaveLength(20);
    expect(bars?.x?.slice(0, 3)).toEqual([5, 2.1, 2]);
    expect(bars?.x?.at(-1)).toBe(0.3);
    expect(layout.title?.text).toBe('Top 20 tasks by share of usage');
  });

  it('wraps the whole task after its rank, and hovers only the numbers', () => {
    expect(String(bars?.y?.[0]).split('<br>').join(' ')).toBe(`1. ${LONG_TASK}`);
    expect(String(bars?.y?.[0]).split('<br>').every((line) => line.length <= fig13.LINE_MAX)).toBe(true);
    expect(bars?.y?.[1]).toBe('2. Task 21');
    expect(bars?.hovertemplate).not.toContain('%{text}');
    expect(bars?.customdata?.[0]).toBe(4);
  });

  it('truncate leaves short text alone and never exceeds the limit', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate(LONG_TASK, 60).length).toBeLessThanOrEqual(60);
  });
});

describe('Table 2 rows', () => {
  it('lays out one column group per variant, plus the paper when given', () => {
    const table = toTable2Rows(makeReport(), makePaper());
    expect(table.groups.map((g) => g.label)).toEqual(['Release wage data', 'O*NET crosswalk', PAPER_GROUP]);
    expect(table.columns.map((c) => c.label).slice(0, 3)).toEqual(['Conversations (%)', 'Baseline (%)', 'Representation ratio']);
    expect(table.columns).toHaveLength(9);
    expect(table.groups[0]?.coverage).toBe(
      '3,364 of 3,514 tasks with usage matched (97.3% of usage); 812 of 923 occupations have a job zone',
    );
    expect(table.groups[2]?.coverage).toBeUndefined();
  });

  it('fills every zone, with null where a variant lacks the zone', () => {
    const table = toTable2Rows(makeReport(), makePaper());
    expect(table.rows.map((r) => r.zone)).toEqual([1, 2, 3, 4, 5]);
    expect(table.rows[0]?.values).toEqual([4, 2, 2, null, null, null, 11, 19, 0.5]);
    expect(table.rows[4]?.values).toEqual([20, 10, 2, 25, 20, 1.25, 15, 15, 2.5]);
  });

  it('omits the paper columns without a paper reference', () => {
    const table = toTable2Rows(makeReport());
    expect(table.groups).toHaveLength(2);
    expect(table.rows[2]?.values).toEqual([12, 6, 2, 25, 20, 1.25]);
  });
});
