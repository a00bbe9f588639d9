// Export tables of a k = 3 run's single- vs multi-task comparison (paper §3, B.1): the paired
// shares at each level and the metrics with the recovered counts. Only items that pass the privacy
// thresholds under one reading or the other are listed; a single-task run has no such tables.
import type { RunReport } from '../../../src-shared/report';
import { cat, int, num, str, table, type Table } from './table';

const LEVELS = ['category', 'occupation', 'task'] as const;

export function multiTaskTables(report: RunReport): Table[] {
  const m = report.multiTask;
  if (!m) return [];
  return [
    table('multi_task_shares', `Single-task (first choice) vs multi-task (up to ${m.k} tasks, each weighted 1/k) shares per level`, [
      cat('level', 'category, occupation or task', ['category', 'occupation', 'task']),
      str('key', 'Category title, occupation code or task statement'),
      str('label', 'Category, occupation or task name'),
      num('singlePct', 'Share of kept usage counting each conversation for its first choice', 'percent'),
      num('multiPct', 'Share of kept usage counting each of a conversation\'s k choices 1/k', 'percent'),
    ], LEVELS.flatMap((level) => m.shares[level].map((r) => [level, r.key, r.label, r.single, r.multi]))),
    table('multi_task_metrics', 'Agreement of single- and multi-task shares per level, and the items each reading finds', [
      cat('level', 'category, occupation or task', ['category', 'occupation', 'task']),
      int('n', 'Items in the union of both readings', 'count'),
      num('pearson', 'Pearson correlation', '-1..1'),
      num('spearman', 'Spearman rank correlation (average ranks for ties)', '-1..1'),
      num('kendallTauB', "Kendall's tau-b", '-1..1'),
      num('mse', 'Mean squared error of the shares', 'percent squared'),
      int('both', 'Items with usage under both readings (occupation and task level)', 'count'),
      int('singleOnly', 'Items with usage only under the single-task reading', 'count'),
      int('multiOnly', 'Items with usage only under the multi-task reading', 'count'),
    ], LEVELS.map((level) => {
      const x = m.metrics[level];
      const r = level === 'category' ? null : m.recovered[level];
      return [level, x.n, x.pearson, x.spearman, x.kendallTauB, x.mse, r?.both ?? null, r?.singleOnly ?? null, r?.multiOnly ?? null];
    })),
  ];
}
