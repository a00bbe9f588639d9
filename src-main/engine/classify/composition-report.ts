// The run report's B.7 section: the work / coursework / personal composition of every conversation
// asked (before screening) and of those that passed screening and were mapped to a task (after), the
// shares at each confidence cut, and the top tasks within non-work and coursework conversations.
// Privacy: a task is listed for a group only when it passes the run's thresholds overall and, within
// the group, has at least minConversations conversations from minAccounts accounts (accounts only
// when the data carry them), like every other per-task figure; the others are only counted.
import type { Db } from '../../db/open';
import {
  compositionShares,
  COMPOSITION_GROUPS,
  readCompositionValue,
  TOP_COMPOSITION_TASKS,
  type CompositionAnswer,
  type CompositionGroupTasks,
  type CompositionReport,
} from '../../../src-shared/composition';
import type { TaskCounts } from './aggregate';
import type { ClassifyConfig } from './config';
import { compareText } from '../../../src-shared/order';

interface Row {
  value: string | null;
  status: string;
  /** The conversation's screening status (null: no screening row). */
  screening: string | null;
  /** Its task node id when it was mapped (status ok). */
  task: string | null;
  account: string | null;
}

interface GroupTally {
  conversations: number;
  tasks: Map<string, { conversations: number; accounts: Set<string> }>;
}

/** The composition section of a run's report; null when the run did not ask the composition question. */
export function compositionReport(db: Db, cfg: ClassifyConfig, counts: TaskCounts): CompositionReport | null {
  if (!cfg.composition) return null;
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  const groups = COMPOSITION_GROUPS.map((): GroupTally => ({ conversations: 0, tasks: new Map() }));
  const answers = new Map<string, CompositionAnswer | null>();
  const screens = cfg.facets.includes('screening');
  const maps = cfg.facets.includes('task');
  let unclassified = 0;
  for (const r of rows(db, cfg)) {
    if (r.status !== 'ok' || r.value === null) {
      unclassified++;
      continue;
    }
    if (!answers.has(r.value)) answers.set(r.value, readCompositionValue(r.value));
    const answer = answers.get(r.value);
    // A stored value that is not three known levels cannot have come from the parser: not counted.
    if (!answer) continue;
    bump(before, r.value);
    const passed = (!screens || r.screening === 'ok') && (!maps || r.task !== null);
    if (!passed) continue;
    bump(after, r.value);
    COMPOSITION_GROUPS.forEach((g, i) => g.test(answer) && addToGroup(groups[i]!, r));
  }
  const shares = (m: Map<string, number>) => compositionShares([...m].map(([v, n]) => [answers.get(v)!, n] as const));
  return {
    promptVersion: cfg.promptVersions.composition ?? 'classify.composition',
    beforeScreening: shares(before),
    afterScreening: shares(after),
    unclassified,
    topTasks: COMPOSITION_GROUPS.map((g, i) => topTasks(g, groups[i]!, cfg, counts)),
  };
}

function bump(m: Map<string, number>, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}

function addToGroup(g: GroupTally, r: Row): void {
  g.conversations++;
  if (r.task === null) return;
  const t = g.tasks.get(r.task) ?? { conversations: 0, accounts: new Set<string>() };
  t.conversations++;
  if (r.account !== null) t.accounts.add(r.account);
  g.tasks.set(r.task, t);
}

function topTasks(g: (typeof COMPOSITION_GROUPS)[number], tally: GroupTally, cfg: ClassifyConfig, counts: TaskCounts): CompositionGroupTasks {
  const kept = new Map(counts.tasks.filter((t) => t.kept).map((t) => [t.nodeId, t.task]));
  const { minConversations, minAccounts } = cfg.thresholds;
  const listed: CompositionGroupTasks['tasks'] = [];
  let under = 0;
  for (const [nodeId, t] of tally.tasks) {
    const task = kept.get(nodeId);
    const passes = task !== undefined && t.conversations >= minConversations && (!counts.accountsKnown || t.accounts.size >= minAccounts);
    if (!passes) {
      under++;
      continue;
    }
    listed.push({ nodeId, task, conversations: t.conversations, pct: (100 * t.conversations) / tally.conversations });
  }
  listed.sort((a, b) => b.conversations - a.conversations || compareText(a.task, b.task) || compareText(a.nodeId, b.nodeId));
  return { group: g.group, label: g.label, conversations: tally.conversations, tasks: listed.slice(0, TOP_COMPOSITION_TASKS), tasksUnderThresholds: under };
}

/** One row per conversation of the run's datasets asked the composition question, with its screening and task outcome. */
function rows(db: Db, cfg: ClassifyConfig): IterableIterator<Row> {
  const placeholders = cfg.datasets.map(() => '?').join(', ');
  return db
    .prepare(
      `SELECT c.value, c.status, s.status AS screening, t.value AS task, v.account_id AS account
       FROM classification c JOIN conversation v ON v.seq = c.conversation_seq
       LEFT JOIN classification s ON s.run_id = c.run_id AND s.conversation_id = c.conversation_id AND s.facet = 'screening'
       LEFT JOIN classification t ON t.run_id = c.run_id AND t.conversation_id = c.conversation_id AND t.facet = 'task' AND t.status = 'ok'
       WHERE c.run_id = ? AND c.facet = 'composition' AND v.dataset IN (${placeholders})`,
    )
    .iterate(cfg.name, ...cfg.datasets) as IterableIterator<Row>;
}
