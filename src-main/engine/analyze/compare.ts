// Two usage sources compared in full (API call analysis.compare, `task-atlas compare`): the engine
// has each source's complete task shares (its usage_task rows, split across occupations as every
// analysis does), so the task level covers every task with usage, not the reports' top lists.
import type { SourceComparison } from '../../../src-shared/api';
import { compareReports } from '../../../src-shared/compare';
import type { TaskShare } from '../../../src-shared/report';
import type { Db } from '../../db/open';
import { loadInputs, type AnalysisInputs } from './inputs';
import { splitAcrossOccupations, topTasks } from './occupations';
import { reproduceFromInputs } from './reproduce';

/** Every task with usage, largest first (Figure 13's rule without its cut-off). */
export function allTaskShares(inputs: Pick<AnalysisInputs, 'usageTasks' | 'tasks'>): TaskShare[] {
  return topTasks(splitAcrossOccupations(inputs).rows, Infinity);
}

export function compareSources(db: Db, a: string, b: string): SourceComparison {
  const inputsA = loadInputs(db, a);
  const inputsB = loadInputs(db, b);
  return compareReports(reproduceFromInputs(inputsA), reproduceFromInputs(inputsB), {
    a: allTaskShares(inputsA),
    b: allTaskShares(inputsB),
  });
}
