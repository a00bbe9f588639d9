// Figure 2, the drill-down: a valid Plotly hierarchy (unique ids, known parents, children never
// exceeding their parent), the paper's top-six cut, "Other" nodes, filters and the data table.
import { describe, expect, it } from 'vitest';
import * as fig2 from '../../src-shared/charts/fig2Drilldown';
import type { HierarchyData } from '../../src-shared/charts/plotly-types';
import { tableToCsv } from '../../src-shared/charts/table';
import { drilldownReport } from './fixtures';

const trace = (opts?: fig2.Fig2Options): HierarchyData => fig2.toFigure(drilldownReport(), opts).data[0]!;

/** Node values by id, and the sum of each node's children. */
function tree(t: HierarchyData) {
  const value = new Map(t.ids.map((id, i) => [id, t.values[i]!]));
  const childSum = new Map<string, number>();
  t.parents.forEach((p, i) => childSum.set(p, (childSum.get(p) ?? 0) + t.values[i]!));
  return { value, childSum };
}

describe('Figure 2 drill-down', () => {
  it('is a sunburst of the six largest categories with branchvalues "total"', () => {
    const t = trace();
    expect(t.type).toBe('sunburst');
    expect(t.branchvalues).toBe('total');
    const roots = t.ids.filter((_, i) => t.parents[i] === '');
    expect(roots).toEqual(['cat:15', 'cat:27', 'cat:25', 'cat:43', 'cat:13', 'cat:19']);
    expect(t.labels.slice(0, 1)).toEqual(['Computer and Mathematical']);
    expect(fig2.shortCategory('Computer and Mathematical Occupations')).toBe('Computer and Mathematical');
    expect(t.ids).not.toContain('cat:11');
  });

  it('has unique ids, parents that exist and children that add up to their parent', () => {
    const t = trace();
    expect(new Set(t.ids).size).toBe(t.ids.length);
    for (const p of t.parents) if (p !== '') expect(t.ids).toContain(p);
    expect([t.labels.length, t.parents.length, t.values.length, t.customdata?.length]).toEqual(Array(4).fill(t.ids.length));
    const { value, childSum } = tree(t);
    for (const [id, sum] of childSum) if (id !== '') expect(sum).toBeCloseTo(value.get(id)!, 9);
  });

  it('keeps eight occupations per category and an "Other occupations" node for the rest', () => {
    const t = trace();
    const computing = t.ids.filter((id, i) => t.parents[i] === 'cat:15');
    expect(computing).toHaveLength(9);
    const other = t.ids.indexOf('cat:15/other');
    expect(t.labels[other]).toBe(fig2.OTHER_OCCUPATIONS);
    expect(t.values[other]).toBeCloseTo(2.2 + 2.1, 12); // the 9th and 10th occupations
    expect(t.customdata?.[other]?.[0]).toBe('2 other occupations in Computer and Mathematical');
    // A category whose occupations are all shown gets no "Other occupations" node.
    expect(t.ids).not.toContain('cat:27/other');
  });

  it('lists each occupation’s top tasks and an "Other tasks" node with the remainder', () => {
    const t = trace();
    const writers = 'cat:27/occ:27-3043.00';
    const children = t.ids.flatMap((id, i) => (t.parents[i] === writers ? [[t.labels[i], t.values[i]]] : []));
    expect(children).toEqual([
      ['Writers and Authors task 1', 6],
      ['Writers and Authors task 2', 3],
      [fig2.OTHER_TASKS, 1],
    ]);
    // No remainder, no node.
    expect(t.ids).not.toContain('cat:25/occ:25-1011.00/other');
  });

  it('puts the full name, the share of the parent and the parent in the hover data', () => {
    const t = trace();
    const i = t.ids.indexOf('cat:25/occ:25-2021.00');
    expect(t.customdata?.[i]).toEqual(['Elementary Teachers', (100 * 1.5) / 8.5, 'Education']);
    const root = t.ids.indexOf('cat:27');
    expect(t.customdata?.[root]).toEqual(['Arts and Media', 10, 'all usage']);
    const hover = t.hovertemplate as string[];
    expect(hover[i]).toContain('%{value:.2f}% of all usage');
    expect(hover[i]).toContain('%{customdata[1]:.1f}% of %{customdata[2]}');
    // A category's share of its parent is its share of all usage: said once, not twice.
    expect(hover[root]).toBe('<b>%{customdata[0]}</b><br>%{value:.2f}% of all usage<extra></extra>');
  });

  it('honours topCategories, occupationsPerCategory and a category filter (which wins)', () => {
    expect(trace({ topCategories: 2 }).ids.filter((id) => !id.includes('/'))).toEqual(['cat:15', 'cat:27']);
    const three = trace({ occupationsPerCategory: 3 });
    expect(three.ids.filter((_, i) => three.parents[i] === 'cat:15')).toHaveLength(4);
    const picked = trace({ categories: ['Management', 'Nowhere', 'Education'], topCategories: 1 });
    expect(picked.ids.filter((id) => !id.includes('/'))).toEqual(['cat:11', 'cat:25']);
  });

  it('draws a treemap on request, with the path bar for climbing back up', () => {
    const t = trace({ kind: 'treemap' });
    expect(t.type).toBe('treemap');
    expect(t.pathbar?.visible).toBe(true);
    expect(t.ids.slice(1)).toEqual(trace().ids);
  });

  it('titles the figure with the share of usage the shown categories cover', () => {
    const { layout } = fig2.toFigure(drilldownReport());
    expect(layout.title?.text).toBe('Usage by category, occupation and task: top 6 categories, 56.5% of all usage');
  });

  it('says so instead of drawing an empty tree when there is no drill-down', () => {
    const { data, layout } = fig2.toFigure({ ...drilldownReport(), drilldown: [] });
    expect(data).toEqual([]);
    expect(layout.annotations?.[0]?.text).toBe(fig2.NO_DATA_TEXT);
  });

  it('tabulates every task row, the "Other tasks" remainders adding up to each occupation', () => {
    const report = drilldownReport();
    const table = fig2.toTable(report);
    expect(table.columns).toEqual(['Category', 'Occupation code', 'Occupation', 'Task', 'Usage (%)']);
    const byOccupation = new Map<string, number>();
    for (const r of table.rows) byOccupation.set(String(r[1]), (byOccupation.get(String(r[1])) ?? 0) + Number(r[4]));
    const occupations = report.drilldown.flatMap((c) => c.occupations);
    expect(byOccupation.size).toBe(occupations.length); // all categories, not only the six drawn
    for (const o of occupations) expect(byOccupation.get(o.code)).toBeCloseTo(o.usagePct, 12);
    expect(tableToCsv(table).split('\r\n')[1]).toBe('Computer and Mathematical,15-1000.00,Computer occupation 1,Computer occupation 1 task 1,1.5');
  });
});

/** Children of each node id ('' holds the top-level nodes). */
function childrenOf(t: HierarchyData): Map<string, string[]> {
  const out = new Map<string, string[]>();
  t.ids.forEach((id, i) => out.set(t.parents[i]!, [...(out.get(t.parents[i]!) ?? []), id]));
  return out;
}

/**
 * What a click can hit when `entry` fills the chart, by plotly.js's treemap rules (traces/treemap/
 * plot_one.js, sunburst/fx.js): descendants less than `maxdepth` levels below the entry are drawn
 * (one more level at a multi-root top), and a click lands on the innermost drawn tile, i.e. one
 * whose children are not drawn. A click on a leaf makes the leaf the whole treemap.
 */
function clickableTiles(t: HierarchyData, entry: string): string[] {
  const kids = childrenOf(t);
  const multiRootTop = entry === '' && (kids.get('') ?? []).length > 1;
  const max = (t.maxdepth ?? -1) < 0 ? Infinity : t.maxdepth! + (multiRootTop ? 1 : 0);
  const out: string[] = [];
  // `rel` is how many levels below the entry a tile is; the entry itself is level 0.
  const walk = (id: string, rel: number) => {
    const below = kids.get(id) ?? [];
    if (below.length === 0 || rel + 1 >= max) out.push(id);
    else for (const k of below) walk(k, rel + 1);
  };
  for (const k of kids.get(entry) ?? []) walk(k, 1);
  return out;
}

describe('Figure 2: what a click drills into (issue #12, bug 5)', () => {
  const report = drilldownReport();
  const shown = fig2.shownDrilldown(report);
  const categoryIds = shown.map((s) => `cat:${s.category.code}`);

  for (const kind of ['sunburst', 'treemap'] as const) {
    it(`${kind}: unique ids; categories hold their occupations and occupations their tasks`, () => {
      const t = trace({ kind });
      expect(new Set(t.ids).size).toBe(t.ids.length);
      const kids = childrenOf(t);
      const label = (id: string) => t.labels[t.ids.indexOf(id)];
      const tops = kind === 'treemap' ? kids.get(fig2.TREEMAP_ROOT_ID)! : kids.get('')!;
      expect(tops).toEqual(categoryIds);
      for (const s of shown) {
        const occIds = kids.get(`cat:${s.category.code}`)!;
        expect(occIds.map(label)).toEqual([...s.occupations.map((o) => o.title), ...(s.otherOccupationsPct > 0 ? [fig2.OTHER_OCCUPATIONS] : [])]);
        for (const o of s.occupations) {
          const taskIds = kids.get(`cat:${s.category.code}/occ:${o.code}`)!;
          expect(taskIds.map(label)).toEqual([...o.tasks.map((x) => x.task), ...(o.otherTasksPct > 0 ? [fig2.OTHER_TASKS] : [])]);
          for (const id of taskIds) expect(kids.has(id)).toBe(false);
        }
      }
    });
  }

  it('treemap: one root over the shown categories, its value their total', () => {
    const t = trace({ kind: 'treemap' });
    expect(t.ids.filter((_, i) => t.parents[i] === '')).toEqual([fig2.TREEMAP_ROOT_ID]);
    const root = t.ids.indexOf(fig2.TREEMAP_ROOT_ID);
    expect(t.values[root]).toBeCloseTo(shown.reduce((s, c) => s + c.category.usagePct, 0), 12);
  });

  it('treemap: a click at the top lands on a category, and in a category on its occupations', () => {
    const t = trace({ kind: 'treemap' });
    const top = t.parents[t.ids.indexOf(fig2.TREEMAP_ROOT_ID)] === '' ? fig2.TREEMAP_ROOT_ID : '';
    expect(clickableTiles(t, top)).toEqual(categoryIds);
    const kids = childrenOf(t);
    for (const id of categoryIds) expect(clickableTiles(t, id)).toEqual(kids.get(id));
    const writers = 'cat:27/occ:27-3043.00';
    expect(clickableTiles(t, writers)).toEqual(kids.get(writers));
  });

  it('sunburst: keeps all three rings at once, as in the paper', () => {
    expect(trace().maxdepth).toBeUndefined();
  });
});
