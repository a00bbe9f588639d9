// The comparison tables beside the scatter: recovered counts per level (source comparison and the
// multi-task card share them), and a run's single- vs multi-task report drawn as a comparison.
import { describe, expect, it } from 'vitest';
import * as compare from '../../src-shared/charts/compare';
import { multiTaskAsComparison, MULTI_LABEL, SINGLE_LABEL } from '../../src-shared/multi-task';
import type { MultiTaskReport } from '../../src-shared/report';
import { makeComparison } from '../renderer/explore-fixture';

const metrics = (n: number) => ({ n, pearson: 0.9, spearman: 0.8, kendallTauB: 0.7, mse: 1.5 });
const report: MultiTaskReport = {
  k: 3,
  conversations: 4,
  meanTasksPerConversation: 2,
  tasksChosen: [{ tasks: 2, conversations: 4 }],
  tasks: { single: { total: 3, kept: 1 }, multi: { total: 3, kept: 3 } },
  metrics: { category: metrics(3), occupation: metrics(3), task: metrics(3) },
  recovered: { occupation: { both: 1, singleOnly: 0, multiOnly: 2 }, task: { both: 1, singleOnly: 0, multiOnly: 2 } },
  shares: {
    category: [{ key: 'Management', label: 'Management', single: 0, multi: 20 }],
    occupation: [{ key: '11-1011', label: 'Chief Executives', single: 0, multi: 20 }],
    task: [{ key: 'Write code.', label: 'Write code.', single: 100, multi: 60 }],
  },
};

describe('recovered counts table', () => {
  it('has one row per level with both, only A and only B, headed by the sources', () => {
    const t = compare.recoveredTable(makeComparison());
    expect(t.columns).toEqual(['Level', 'In both', 'Only in A', 'Only in B']);
    expect(compare.recoveredTable(makeComparison(), ['single', 'multi']).columns.slice(2)).toEqual(['Only in single', 'Only in multi']);
    expect(t.rows).toEqual([
      ['Occupations', 2, 0, 0],
      ['Tasks', 1, 0, 0],
    ]);
  });
});

describe('a multi-task report as a comparison', () => {
  const cmp = multiTaskAsComparison('r', report);

  it('puts single on A and multi on B, with the report\'s metrics and recovered counts', () => {
    expect([cmp.a.label, cmp.b.label]).toEqual([SINGLE_LABEL, MULTI_LABEL]);
    expect(cmp.tasks).toEqual([{ task: 'Write code.', a: 100, b: 60 }]);
    expect(cmp.occupations).toEqual([{ code: '11-1011', title: 'Chief Executives', a: 0, b: 20 }]);
    expect(cmp.metrics.map((m) => m.level)).toEqual(['category', 'occupation', 'task']);
    expect(cmp.recovered.task).toEqual({ both: 1, onlyA: 0, onlyB: 2 });
    expect(cmp.scope).toEqual({ occupation: 'all', task: 'all' });
  });

  it('draws with the comparison charts', () => {
    expect(compare.toTable(cmp, 'task')).toEqual({ columns: ['Task', `${SINGLE_LABEL} (%)`, `${MULTI_LABEL} (%)`], rows: [['Write code.', 100, 60]] });
    const fig = compare.toFigure(cmp, 'category');
    expect(fig.layout.title).toMatchObject({ text: expect.stringContaining('Pearson r = 0.900') });
  });
});
