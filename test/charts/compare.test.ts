// The comparison chart of two sources: exact points per level, the y = x line over the full
// range, the metrics of the level in the title, and the table a CSV download is made from.
import { describe, expect, it } from 'vitest';
import * as compare from '../../src-shared/charts/compare';
import { tableToCsv } from '../../src-shared/charts/table';
import { makeComparison } from '../renderer/explore-fixture';

describe('compare figure', () => {
  const cmp = makeComparison();

  it('draws one point per category at (share in A, share in B) with names on hover', () => {
    const { data } = compare.toFigure(cmp, 'category');
    const points = data.find((t) => t.name === compare.POINTS_TRACE)!;
    expect(points.x).toEqual([37.2, 33.8, 0.5]);
    expect(points.y).toEqual([60, 40, 0]);
    expect(points.text).toEqual(['Computer and Mathematical', 'Management', 'Military Specific']);
    expect(points.hovertemplate).toContain('Test release: %{x:.3f}%');
    expect(points.hovertemplate).toContain('Run r1: %{y:.3f}%');
  });

  it('adds a dashed y = x line spanning both axes', () => {
    const { data, layout } = compare.toFigure(cmp, 'category');
    const line = data.find((t) => t.name === compare.DIAGONAL_TRACE)!;
    expect(line.x).toEqual(line.y);
    expect(line.x[0]).toBe(0);
    expect(line.x[1]).toBeCloseTo(63, 10);
    expect(layout.xaxis?.range).toEqual([0, line.x[1]]);
    expect(layout.yaxis?.range).toEqual([0, line.x[1]]);
    expect(line.line?.dash).toBe('dash');
  });

  it('puts the level’s Pearson, Spearman, Kendall and MSE in the title, and says when a level has none', () => {
    expect(compare.toFigure(cmp, 'category').layout.title?.text).toBe(
      'Categories: n = 3 · Pearson r = 0.950 · Spearman ρ = 1.000 · Kendall τb = 1.000 · MSE = 213.4567',
    );
    expect(compare.toFigure(cmp, 'occupation').layout.title?.text).toContain('Pearson r = -1.000');
    expect(compare.toFigure(cmp, 'task').layout.title?.text).toBe('Tasks: no metrics for this level');
  });

  it('axis titles name the two sources', () => {
    const { layout } = compare.toFigure(cmp, 'task');
    expect(layout.xaxis?.title?.text).toContain('Test release');
    expect(layout.yaxis?.title?.text).toContain('Run r1');
  });
});

describe('compare tables', () => {
  const cmp = makeComparison();

  it('has one row per point, with the occupation code as its own column', () => {
    expect(compare.toTable(cmp, 'category')).toEqual({
      columns: ['Category', 'Test release (%)', 'Run r1 (%)'],
      rows: [
        ['Computer and Mathematical', 37.2, 60],
        ['Management', 33.8, 40],
        ['Military Specific', 0.5, 0],
      ],
    });
    const occ = compare.toTable(cmp, 'occupation');
    expect(occ.columns).toEqual(['Occupation code', 'Occupation', 'Test release (%)', 'Run r1 (%)']);
    expect(occ.rows[0]).toEqual(['15-1252', 'Software Developers', 30, 50]);
    expect(tableToCsv(compare.toTable(cmp, 'task'))).toBe('Task,Test release (%),Run r1 (%)\r\nWrite code.,1.5,12\r\n');
  });

  it('lists the metrics of every level, empty where the engine gave none', () => {
    const t = compare.metricsTable(cmp);
    expect(t.columns).toEqual(['Level', 'n', 'Pearson r', 'Spearman ρ', 'Kendall τb', 'MSE']);
    expect(t.rows).toEqual([
      ['Categories', 3, 0.95, 1, 1, 213.4567],
      ['Occupations', 2, -1, -1, -1, 194.5],
      ['Tasks', null, null, null, null, null],
    ]);
  });
});
