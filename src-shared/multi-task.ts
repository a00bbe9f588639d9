// Multi-task assignment (paper §3, B.1: up to k = 3 tasks per conversation, "results were
// qualitatively similar"), as a run report carries it: the run's single-task shares (each
// conversation's first choice) beside its multi-task shares (each of a conversation's k chosen tasks
// weighted 1/k), after the same privacy thresholds, compared with the same metrics and recovered-set
// counts as the Appendix G reconstruction and the source comparison.
import { compareLevels, type UsageLevels } from './compare';
import type { SourceComparison } from './api';
import type { MultiTaskReport, SingleMultiRecovered } from './report';

type Part = Omit<MultiTaskReport, 'k' | 'conversations' | 'meanTasksPerConversation' | 'tasksChosen' | 'tasks'>;

/** The side-by-side part of the report from the two readings' usage at the three levels. */
export function singleVsMulti(single: UsageLevels, multi: UsageLevels): Part {
  const cmp = compareLevels(single, multi);
  const rows = (list: typeof cmp.tasks) => list.map((r) => ({ key: r.key, label: r.label, single: r.a, multi: r.b }));
  const recovered = (r: typeof cmp.recovered.task) => ({ both: r.both, singleOnly: r.onlyA, multiOnly: r.onlyB });
  return {
    metrics: cmp.metrics,
    recovered: { occupation: recovered(cmp.recovered.occupation), task: recovered(cmp.recovered.task) },
    shares: { category: rows(cmp.categories), occupation: rows(cmp.occupations), task: rows(cmp.tasks) },
  };
}

/** Labels of the two readings wherever they are drawn side by side. */
export const SINGLE_LABEL = 'Single task (first choice)';
export const MULTI_LABEL = 'Multi-task (each of k choices 1/k)';

/**
 * The report as a two-source comparison, so Explore, the charts and the exports draw it with the
 * same code as analysis.compare (A = single, B = multi).
 */
export function multiTaskAsComparison(run: string, m: MultiTaskReport): SourceComparison {
  const pairOf = (r: SingleMultiRecovered) => ({ both: r.both, onlyA: r.singleOnly, onlyB: r.multiOnly });
  return {
    a: { id: `${run}:single`, label: SINGLE_LABEL, kind: 'run' },
    b: { id: `${run}:multi`, label: MULTI_LABEL, kind: 'run' },
    categories: m.shares.category.map((r) => ({ title: r.label, a: r.single, b: r.multi })),
    occupations: m.shares.occupation.map((r) => ({ code: r.key, title: r.label, a: r.single, b: r.multi })),
    tasks: m.shares.task.map((r) => ({ task: r.label, a: r.single, b: r.multi })),
    metrics: (['category', 'occupation', 'task'] as const).map((level) => ({ level, metrics: m.metrics[level] })),
    recovered: { occupation: pairOf(m.recovered.occupation), task: pairOf(m.recovered.task) },
    scope: { occupation: 'all', task: 'all' },
    notes: [],
  };
}
