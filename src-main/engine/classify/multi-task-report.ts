// A k = 3 run read two ways (paper §3, B.1: "multi-class classification allowing up to k=3 task
// assignments per conversation; results were qualitatively similar"): single-task, each
// conversation's first choice (facet 'task', what the run's usage source holds), and multi-task,
// each of its k ordered choices (facet 'tasks') weighted 1/k. Both readings apply the run's privacy
// thresholds to whole conversations and accounts — a task counts when at least minConversations
// conversations from minAccounts accounts chose it, at any rank — since the thresholds are about
// how many people a figure rests on, not about weights. Shares are then split across occupations
// and rolled up exactly as for any usage source, and compared with the same metrics.
import type { MultiTaskReport } from '../../../src-shared/report';
import { usageLevels } from '../../../src-shared/compare';
import { singleVsMulti } from '../../../src-shared/multi-task';
import type { Db } from '../../db/open';
import type { AnalysisInputs } from '../analyze/inputs';
import { allTaskShares } from '../analyze/compare';
import { reproduceFromInputs } from '../analyze/reproduce';
import { taskShares, type TaskCount, type TaskCounts } from './aggregate';
import type { ClassifyConfig } from './config';

interface Choice {
  ids: string[];
  account: string | null;
}

/** The report's multiTask section; null for a single-task run. `single` is the run's countTasks(). */
export function multiTaskReport(db: Db, cfg: ClassifyConfig, single: TaskCounts, inputs: AnalysisInputs): MultiTaskReport | null {
  if (cfg.tasksPerConversation === 1) return null;
  const choices = loadChoices(db, cfg.name);
  const multi = weightedCounts(db, cfg, choices, single.accountsKnown);
  const levels = (tasks: TaskCount[]) => {
    const usage = { ...inputs, usageTasks: taskShares(tasks, 'conversations') };
    return usageLevels(reproduceFromInputs(usage), allTaskShares(usage));
  };
  const chosen = new Map<number, number>();
  for (const c of choices) chosen.set(c.ids.length, (chosen.get(c.ids.length) ?? 0) + 1);
  return {
    k: cfg.tasksPerConversation,
    conversations: choices.length,
    meanTasksPerConversation: choices.length > 0 ? choices.reduce((s, c) => s + c.ids.length, 0) / choices.length : 0,
    tasksChosen: [...chosen].sort((a, b) => a[0] - b[0]).map(([tasks, conversations]) => ({ tasks, conversations })),
    tasks: { single: tally(single.tasks), multi: tally(multi) },
    ...singleVsMulti(levels(single.tasks), levels(multi)),
  };
}

function tally(tasks: TaskCount[]): { total: number; kept: number } {
  return { total: tasks.length, kept: tasks.filter((t) => t.kept).length };
}

function loadChoices(db: Db, runId: string): Choice[] {
  const rows = db
    .prepare(
      `SELECT c.value, v.account_id AS account FROM classification c JOIN conversation v ON v.seq = c.conversation_seq
       WHERE c.run_id = ? AND c.facet = 'tasks' AND c.status = 'ok' ORDER BY c.conversation_id`,
    )
    .all(runId) as { value: string; account: string | null }[];
  return rows.map((r) => ({ ids: JSON.parse(r.value) as string[], account: r.account }));
}

/**
 * Per base task: `conversations` holds the 1/k-weighted count (what taskShares() divides), while
 * the thresholds test the whole conversations and distinct accounts that chose it.
 */
export function weightedCounts(db: Db, cfg: ClassifyConfig, choices: Choice[], accountsKnown: boolean): TaskCount[] {
  const acc = new Map<string, { weight: number; conversations: number; accounts: Set<string> }>();
  for (const c of choices) {
    for (const id of c.ids) {
      const t = acc.get(id) ?? { weight: 0, conversations: 0, accounts: new Set<string>() };
      t.weight += 1 / c.ids.length;
      t.conversations += 1;
      if (c.account !== null) t.accounts.add(c.account);
      acc.set(id, t);
    }
  }
  const name = db.prepare('SELECT name FROM hierarchy_node WHERE hierarchy_id = ? AND node_id = ?').pluck();
  const { minConversations, minAccounts } = cfg.thresholds;
  return [...acc]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([nodeId, t]) => ({
      nodeId,
      task: name.get(cfg.hierarchyId, nodeId) as string,
      conversations: t.weight,
      accounts: t.accounts.size,
      kept: t.conversations >= minConversations && (!accountsKnown || t.accounts.size >= minAccounts),
    }));
}
