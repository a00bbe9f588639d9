// The report's multi-task section (paper §3 / B.1: up to k = 3 tasks per conversation, "results were
// qualitatively similar"), only for a run classified with up to three tasks: its single-task shares
// (first choice) against its multi-task shares (each choice 1/k) by category, with the agreement
// metrics and recovered sets of every level, drawn by the same modules as Explore's card.
import type { RunReport } from '../../../src-shared/report';
import * as compare from '../../../src-shared/charts/compare';
import { fmt } from '../../../src-shared/charts/format';
import { multiTaskAsComparison } from '../../../src-shared/multi-task';
import type { FigureSection } from './figures';
import { chartTableHtml } from './tables';

export function multiTaskSections(run: RunReport): FigureSection[] {
  const m = run.multiTask;
  if (!m) return [];
  const cmp = multiTaskAsComparison(run.run, m);
  return [
    {
      id: 'multitask',
      heading: `Multi-task assignment: single vs up to ${m.k} tasks per conversation`,
      caption:
        `${m.conversations} conversations, ${fmt(m.meanTasksPerConversation, 2)} tasks each on average. Single: each conversation counts for its ` +
        'first choice. Multi: each of its k chosen tasks counts 1/k. The same privacy thresholds apply to both; shares are compared over ' +
        'the union of items either reading finds (category shares drawn; every level in the tables).',
      figure: compare.toFigure(cmp, 'category'),
      after:
        chartTableHtml('multitask-metrics', 'Data: agreement of single and multi, every level', compare.metricsTable(cmp)) +
        chartTableHtml('multitask-recovered', 'Data: items found by both readings or only one', compare.recoveredTable(cmp, ['single', 'multi'])) +
        chartTableHtml('multitask-tasks', 'Data: task shares, single and multi', compare.toTable(cmp, 'task')),
    },
  ];
}
