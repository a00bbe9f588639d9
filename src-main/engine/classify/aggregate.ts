// Turns a classification run into a usage source the paper's analyses run on (the same code as
// for a published release), applying the privacy thresholds: a task counts only with at least
// `minConversations` conversations from at least `minAccounts` distinct accounts.
import type { Db } from '../../db/open';
import type { ClassifyConfig } from './config';
import type { CategoryShare } from '../../../src-shared/report';
import type { AnalysisInputs } from '../analyze/inputs';
import { categoryUsage, normaliseTask } from '../analyze/occupations';
import { binary, loadRunFacts, type PatternGroup, type RunFacts } from './run-facts';

export interface TaskCount {
  nodeId: string;
  task: string;
  conversations: number;
  accounts: number;
  kept: boolean;
}

export interface TaskCounts {
  tasks: TaskCount[];
  accountsKnown: boolean;
}

/** Task counts under the thresholds, ordered by node id; only tasks the run's hierarchy has. */
export function countTasks(db: Db, cfg: ClassifyConfig, facts: RunFacts = loadRunFacts(db, cfg)): TaskCounts {
  const names = new Map(
    db.prepare('SELECT node_id, name FROM hierarchy_node WHERE hierarchy_id = ?').raw().all(cfg.hierarchyId) as [string, string][],
  );
  const { minConversations, minAccounts } = cfg.thresholds;
  const tasks: TaskCount[] = [];
  for (const [nodeId, { conversations, accounts }] of facts.tasks) {
    const task = names.get(nodeId);
    if (task === undefined) continue;
    const kept = conversations >= minConversations && (!facts.accountsKnown || accounts >= minAccounts);
    tasks.push({ nodeId, task, conversations, accounts, kept });
  }
  return { accountsKnown: facts.accountsKnown, tasks };
}

/**
 * Percent of kept usage per task, by conversations or by distinct accounts. `keyOf`: the task's
 * normalised text when the caller has it already (the run report asks once per model).
 */
export function taskShares(
  counts: TaskCount[],
  by: 'conversations' | 'accounts',
  keyOf: (t: TaskCount) => string = (t) => normaliseTask(t.task),
): { taskName: string; pct: number }[] {
  const kept = counts.filter((t) => t.kept);
  const total = kept.reduce((s, t) => s + t[by], 0);
  const merged = new Map<string, number>();
  for (const t of kept) {
    const key = keyOf(t);
    merged.set(key, (merged.get(key) ?? 0) + (total > 0 ? (100 * t[by]) / total : 0));
  }
  const out: { taskName: string; pct: number }[] = [];
  merged.forEach((pct, taskName) => out.push({ taskName, pct }));
  return out;
}

/**
 * The category shares reproduceFromInputs(inputs).categories gives, by the same functions, without
 * the rest of the paper's analyses: the run report needs only these for its per-account and
 * per-model variants.
 */
export function categoriesOf(inputs: Pick<AnalysisInputs, 'usageTasks' | 'tasks' | 'majorGroups' | 'blsEmployment'>, normalised = false): CategoryShare[] {
  return categoryUsage(inputs, normalised);
}

/** A usage source's task shares as loadInputs reads them (same query, same order). */
export function usageTasksOf(db: Db, sourceId: string): AnalysisInputs['usageTasks'] {
  return db.prepare('SELECT task_name AS taskName, pct FROM usage_task WHERE source_id = ? ORDER BY task_name').all(sourceId) as AnalysisInputs['usageTasks'];
}

/**
 * Stores a run's shares as a usage source ("run:<name>", plus ":accounts" for Figure 10). `keyOf`:
 * each task's normalised text, when the caller has it (the report asks for it per model too).
 */
export function writeRunSource(
  db: Db,
  cfg: ClassifyConfig,
  counts: TaskCounts,
  referenceDataset: string,
  facts: RunFacts,
  keyOf: (t: TaskCount) => string = (t) => normaliseTask(t.task),
): string {
  const hierarchyCfg = JSON.parse(db.prepare('SELECT config_json FROM hierarchy WHERE id = ?').pluck().get(cfg.hierarchyId) as string) as {
    taskDataset: string;
  };
  const patterns = patternShares(facts.byPattern, new Set(counts.tasks.filter((t) => t.kept).map((t) => t.nodeId)));
  const { order, conversations, accounts } = sourceShares(counts.tasks, keyOf);
  const id = `run:${cfg.name}`;
  db.transaction(() => {
    for (const [sourceId, by, shares] of [[id, 'conversations', conversations], [`${id}:accounts`, 'accounts', accounts]] as const) {
      db.prepare('DELETE FROM usage_source WHERE id = ?').run(sourceId);
      db.prepare(
        `INSERT INTO usage_source (id, kind, label, task_dataset, wage_dataset, soc_dataset, bls_dataset, created_at)
         VALUES (?, 'run', ?, ?, ?, ?, ?, ?)`,
      ).run(sourceId, `Run ${cfg.name} (${cfg.method}, by ${by})`, hierarchyCfg.taskDataset, referenceDataset, referenceDataset, referenceDataset, new Date().toISOString());
      insertShares(db, sourceId, order, shares);
      const insertPattern = db.prepare('INSERT INTO usage_pattern (source_id, pattern, pct) VALUES (?, ?, ?)');
      for (const [pattern, pct] of patterns) insertPattern.run(sourceId, pattern, pct);
    }
  })();
  return id;
}

/**
 * taskShares(tasks, 'conversations') and taskShares(tasks, 'accounts') in one pass (the same sums,
 * so the same numbers), with the merged task texts in key order: both sources have the same tasks.
 */
function sourceShares(tasks: readonly TaskCount[], keyOf: (t: TaskCount) => string): { order: string[]; conversations: Map<string, number>; accounts: Map<string, number> } {
  const kept = tasks.filter((t) => t.kept);
  const totalConversations = kept.reduce((s, t) => s + t.conversations, 0);
  const totalAccounts = kept.reduce((s, t) => s + t.accounts, 0);
  const conversations = new Map<string, number>();
  const accounts = new Map<string, number>();
  for (const t of kept) {
    const key = keyOf(t);
    conversations.set(key, (conversations.get(key) ?? 0) + (totalConversations > 0 ? (100 * t.conversations) / totalConversations : 0));
    accounts.set(key, (accounts.get(key) ?? 0) + (totalAccounts > 0 ? (100 * t.accounts) / totalAccounts : 0));
  }
  return { order: [...conversations.keys()].sort(binary), conversations, accounts };
}

const ROWS_PER_INSERT = 100;

/**
 * A source's task shares, in key order (`names`, sorted) and a hundred rows a statement: a run has
 * tens of thousands of tasks, and one statement per row in arbitrary order spent most of its time
 * in statement calls and index page splits.
 */
function insertShares(db: Db, sourceId: string, names: readonly string[], pct: ReadonlyMap<string, number>): void {
  const statement = (n: number) => db.prepare(`INSERT INTO usage_task (source_id, task_name, pct) VALUES ${Array(n).fill('(?, ?, ?)').join(', ')}`);
  const full = statement(ROWS_PER_INSERT);
  for (let i = 0; i < names.length; i += ROWS_PER_INSERT) {
    const chunk = names.slice(i, i + ROWS_PER_INSERT);
    (chunk.length === ROWS_PER_INSERT ? full : statement(chunk.length)).run(chunk.flatMap((name) => [sourceId, name, pct.get(name)!]));
  }
}

/** Pattern shares (percent, 'none' included) over conversations whose task passed the thresholds. */
function patternShares(groups: readonly PatternGroup[], keptNodes: Set<string>): Map<string, number> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const g of groups) {
    if (g.pattern === null || !keptNodes.has(g.nodeId)) continue;
    counts.set(g.pattern, (counts.get(g.pattern) ?? 0) + g.n);
    total += g.n;
  }
  return new Map([...counts].map(([p, n]) => [p, (100 * n) / total]));
}
