// The threshold sweep of a run (src-shared/sensitivity.ts). One pass over the stored classifications
// gives each task's conversations and distinct accounts (countTasks); every setting then only
// re-marks which tasks pass and recomputes category shares with the same analysis code as a report
// (task shares split across occupations, rolled up to SOC major groups). No API calls.
import type { Db } from '../../db/open';
import type { SensitivityCell, SensitivityReport } from '../../../src-shared/sensitivity';
import { SWEEP_ACCOUNTS, SWEEP_CONVERSATIONS } from '../../../src-shared/sensitivity';
import { ACCOUNTS_NOT_APPLIED } from '../../../src-shared/thresholds';
import { loadInputs, type AnalysisInputs } from '../analyze/inputs';
import { categoryShares, splitAcrossOccupations } from '../analyze/occupations';
import { countTasks, taskShares, type TaskCount } from './aggregate';
import { ClassifyConfigSchema, type ClassifyConfig } from './config';
import { verifyRunInputs } from './inputs';
import { lastReference } from './report';
import { NotFoundError } from '../errors';

export interface SweepGrid {
  conversations?: readonly number[];
  accounts?: readonly number[];
}

type Inputs = Pick<AnalysisInputs, 'tasks' | 'majorGroups' | 'blsEmployment'>;

/**
 * The sweep of a run that has been reported (its usage source "run:NAME" names the reference release
 * whose files the category shares need). Refused, like a report, when the run's inputs changed.
 */
export function runSensitivity(db: Db, run: string, grid: SweepGrid = {}): SensitivityReport {
  const row = db.prepare('SELECT config_json, status FROM classify_run WHERE id = ?').get(run) as { config_json: string; status: string } | undefined;
  if (!row) throw new NotFoundError(`no classification run "${run}"`);
  const reference = lastReference(db, run);
  if (reference === undefined) throw new NotFoundError(`run "${run}" has not been reported yet: open it in Explore or run \`task-atlas run report --run ${run}\` first`);
  const cfg = ClassifyConfigSchema.parse(JSON.parse(row.config_json));
  verifyRunInputs(db, cfg, row.status, reference);
  return thresholdSweep(db, cfg, `run:${run}`, grid);
}

/** `sourceId`: the run's reported usage source ("run:NAME"), for its reference release's files. */
export function thresholdSweep(db: Db, cfg: ClassifyConfig, sourceId: string, grid: SweepGrid = {}): SensitivityReport {
  const { tasks, accountsKnown } = countTasks(db, cfg);
  const inputs = loadInputs(db, sourceId);
  const chosen = cfg.thresholds;
  const conversationValues = sortedWith(grid.conversations ?? SWEEP_CONVERSATIONS, chosen.minConversations);
  const accountValues = accountsKnown ? sortedWith(grid.accounts ?? SWEEP_ACCOUNTS, chosen.minAccounts) : [chosen.minAccounts];
  const total = tasks.reduce((s, t) => s + t.conversations, 0);
  const base = categories(mark(tasks, chosen.minConversations, chosen.minAccounts, accountsKnown), inputs);
  const cells: SensitivityCell[] = [];
  for (const c of conversationValues) {
    for (const a of accountValues) {
      const marked = mark(tasks, c, a, accountsKnown);
      const kept = marked.filter((t) => t.kept);
      cells.push({
        minConversations: c,
        minAccounts: a,
        tasksKept: kept.length,
        conversationsKeptPct: total > 0 ? (100 * kept.reduce((s, t) => s + t.conversations, 0)) / total : 0,
        maxCategoryChange: largestChange(base, categories(marked, inputs)),
        chosen: c === chosen.minConversations && a === chosen.minAccounts,
      });
    }
  }
  return {
    run: cfg.name,
    chosen: { ...chosen, accountsApplied: accountsKnown },
    tasksTotal: tasks.length,
    conversations: total,
    conversationValues,
    accountValues,
    cells,
    ...(accountsKnown ? {} : { note: ACCOUNTS_NOT_APPLIED }),
  };
}

/** The grid's values, the chosen one included, ascending and each once. */
function sortedWith(values: readonly number[], chosen: number): number[] {
  return [...new Set([...values, chosen])].sort((x, y) => x - y);
}

/** The same rule as the report: conversations always, accounts only when any are known. */
function mark(tasks: readonly TaskCount[], minConversations: number, minAccounts: number, accountsKnown: boolean): TaskCount[] {
  return tasks.map((t) => ({ ...t, kept: t.conversations >= minConversations && (!accountsKnown || t.accounts >= minAccounts) }));
}

function categories(tasks: TaskCount[], inputs: Inputs): Map<string, number> {
  const { rows } = splitAcrossOccupations({ usageTasks: taskShares(tasks, 'conversations'), tasks: inputs.tasks });
  return new Map(categoryShares(rows, inputs).map((c) => [c.title, c.usagePct]));
}

function largestChange(base: Map<string, number>, other: Map<string, number>): SensitivityCell['maxCategoryChange'] {
  let best: SensitivityCell['maxCategoryChange'] = { pp: 0, category: null };
  for (const title of new Set([...base.keys(), ...other.keys()])) {
    const pp = Math.abs((other.get(title) ?? 0) - (base.get(title) ?? 0));
    if (pp > best.pp) best = { pp, category: title };
  }
  return best;
}
