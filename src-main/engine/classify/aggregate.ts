// Turns a classification run into a usage source the paper's analyses run on (the same code as
// for a published release), applying the privacy thresholds: a task counts only with at least
// `minConversations` conversations from at least `minAccounts` distinct accounts.
import type { Db } from '../../db/open';
import type { ClassifyConfig } from './config';
import { normaliseTask } from '../analyze/occupations';

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

export function countTasks(db: Db, cfg: ClassifyConfig): TaskCounts {
  const rows = db
    .prepare(
      `SELECT c.value AS nodeId, n.name AS task, count(*) AS conversations, count(DISTINCT v.account_id) AS accounts
       FROM classification c
       JOIN conversation v ON v.id = c.conversation_id
       JOIN hierarchy_node n ON n.hierarchy_id = ? AND n.node_id = c.value
       WHERE c.run_id = ? AND c.facet = 'task' AND c.status = 'ok'
       GROUP BY c.value ORDER BY c.value`,
    )
    .all(cfg.hierarchyId, cfg.name) as Omit<TaskCount, 'kept'>[];
  const placeholders = cfg.datasets.map(() => '?').join(', ');
  const withAccount = db
    .prepare(`SELECT count(*) FROM conversation WHERE dataset IN (${placeholders}) AND account_id IS NOT NULL`)
    .pluck()
    .get(...cfg.datasets) as number;
  const accountsKnown = withAccount > 0;
  const { minConversations, minAccounts } = cfg.thresholds;
  return {
    accountsKnown,
    tasks: rows.map((r) => ({
      ...r,
      kept: r.conversations >= minConversations && (!accountsKnown || r.accounts >= minAccounts),
    })),
  };
}

/** Percent of kept usage per task, by conversations or by distinct accounts. */
export function taskShares(counts: TaskCount[], by: 'conversations' | 'accounts'): { taskName: string; pct: number }[] {
  const kept = counts.filter((t) => t.kept);
  const total = kept.reduce((s, t) => s + t[by], 0);
  const merged = new Map<string, number>();
  for (const t of kept) {
    const key = normaliseTask(t.task);
    merged.set(key, (merged.get(key) ?? 0) + (total > 0 ? (100 * t[by]) / total : 0));
  }
  return [...merged].map(([taskName, pct]) => ({ taskName, pct }));
}

/** Stores a run's shares as a usage source ("run:<name>", plus ":accounts" for Figure 10). */
export function writeRunSource(db: Db, cfg: ClassifyConfig, counts: TaskCounts, referenceDataset: string): string {
  const hierarchyCfg = JSON.parse(db.prepare('SELECT config_json FROM hierarchy WHERE id = ?').pluck().get(cfg.hierarchyId) as string) as {
    taskDataset: string;
  };
  const patterns = patternShares(db, cfg, new Set(counts.tasks.filter((t) => t.kept).map((t) => t.nodeId)));
  const id = `run:${cfg.name}`;
  db.transaction(() => {
    for (const [sourceId, by] of [[id, 'conversations'], [`${id}:accounts`, 'accounts']] as const) {
      db.prepare('DELETE FROM usage_source WHERE id = ?').run(sourceId);
      db.prepare(
        `INSERT INTO usage_source (id, kind, label, task_dataset, wage_dataset, soc_dataset, bls_dataset, created_at)
         VALUES (?, 'run', ?, ?, ?, ?, ?, ?)`,
      ).run(sourceId, `Run ${cfg.name} (${cfg.method}, by ${by})`, hierarchyCfg.taskDataset, referenceDataset, referenceDataset, referenceDataset, new Date().toISOString());
      const insert = db.prepare('INSERT INTO usage_task (source_id, task_name, pct) VALUES (?, ?, ?)');
      for (const s of taskShares(counts.tasks, by)) insert.run(sourceId, s.taskName, s.pct);
      const insertPattern = db.prepare('INSERT INTO usage_pattern (source_id, pattern, pct) VALUES (?, ?, ?)');
      for (const [pattern, pct] of patterns) insertPattern.run(sourceId, pattern, pct);
    }
  })();
  return id;
}

/** Pattern shares (percent, 'none' included) over conversations whose task passed the thresholds. */
function patternShares(db: Db, cfg: ClassifyConfig, keptNodes: Set<string>): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT t.value AS nodeId, p.value AS pattern FROM classification p
       JOIN classification t ON t.run_id = p.run_id AND t.conversation_id = p.conversation_id AND t.facet = 'task' AND t.status = 'ok'
       WHERE p.run_id = ? AND p.facet = 'pattern' AND p.status = 'ok'`,
    )
    .all(cfg.name) as { nodeId: string; pattern: string }[];
  const kept = rows.filter((r) => keptNodes.has(r.nodeId));
  const counts = new Map<string, number>();
  for (const r of kept) counts.set(r.pattern, (counts.get(r.pattern) ?? 0) + 1);
  return new Map([...counts].map(([p, n]) => [p, (100 * n) / kept.length]));
}
