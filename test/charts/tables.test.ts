// toTable() of the release figures and Table 2: the numbers behind each chart, in its order, and
// the CSV they download as.
import { describe, expect, it } from 'vitest';
import * as fig3 from '../../src-shared/charts/fig3Categories';
import * as fig4 from '../../src-shared/charts/fig4Depth';
import * as fig6 from '../../src-shared/charts/fig6Wage';
import * as fig7 from '../../src-shared/charts/fig7Automation';
import * as fig13 from '../../src-shared/charts/fig13TopTasks';
import * as table2 from '../../src-shared/charts/table2';
import { tableToCsv } from '../../src-shared/charts/table';
import { LONG_TASK, makePaper, makeReport } from '../renderer/fixture';

describe('chart tables', () => {
  it('Figure 3: categories by usage with BLS shares, null where BLS has none', () => {
    const t = fig3.toTable(makeReport());
    expect(t.columns).toEqual(['SOC code', 'Category', 'Claude usage (%)', 'BLS employment (%)', 'BLS employment']);
    expect(t.rows.map((r) => r[1])).toEqual(fig3.toFigure(makeReport()).data[0]!.y);
    expect(t.rows.at(-1)).toEqual(['55', 'Military Specific', 0.5, null, null]);
  });

  it('Figure 4: the whole curve in percent, quoted thresholds flagged', () => {
    const t = fig4.toTable(makeReport());
    expect(t.rows).toHaveLength(6);
    expect(t.rows[2]).toEqual([25, 36.1, 'yes']);
    expect(t.rows[1]?.[2]).toBe('no');
  });

  it('Figure 6: one row per plotted occupation', () => {
    const t = fig6.toTable(makeReport());
    expect(t.rows[0]).toEqual(['15-1252', 'Software Developers', 'Computer and Mathematical', 132_270, 6.2]);
    expect(t.rows).toHaveLength(3);
  });

  it('Figure 7: patterns with their mode, none without pattern data', () => {
    expect(fig7.toTable(makeReport()).rows[0]).toEqual(['directive', 'automation', 27.8]);
    expect(fig7.toTable({ ...makeReport(), automation: null }).rows).toEqual([]);
  });

  it('Figure 13: every listed task ranked, with full statements', () => {
    const t = fig13.toTable(makeReport());
    expect(t.rows).toHaveLength(22); // the figure draws 20
    expect(t.rows[0]).toEqual([1, LONG_TASK, 5, 4]);
  });

  it('Table 2: one column per source and metric, the paper included', () => {
    const t = table2.toTable(makeReport(), makePaper());
    expect(t.columns[0]).toBe('Job Zone');
    expect(t.columns).toContain('Paper (published): Representation ratio');
    expect(t.columns).toHaveLength(1 + 3 * 3);
    // Zone 1 is missing from the crosswalk variant: empty cells, not zeros.
    expect(t.rows[0]).toEqual([1, 4, 2, 2, null, null, null, 11, 19, 0.5]);
  });

  it('downloads as RFC 4180 CSV with spreadsheet formulas defused', () => {
    const csv = tableToCsv({ columns: ['a', 'b'], rows: [['x, "y"', 1.5], ['=SUM(A1)', null]] });
    expect(csv).toBe('a,b\r\n"x, ""y""",1.5\r\n\'=SUM(A1),\r\n');
  });
});
