// The run-only tables (Figures 5, 8, 10, patterns per task/occupation, task counts) and the opt-in
// conversations table. Privacy: only tasks that pass the run's thresholds are ever listed; names
// and counts of the others stay in the project file.
import type { Db } from '../../db/open';
import type { PatternBreakdown, RunReport } from '../../../src-shared/report';
import type { ClassifyConfig } from '../classify/config';
import { countTasks, type TaskCount } from '../classify/aggregate';
import { int, num, str, table, type Table } from './table';
import { multiTaskTables } from './multi-task-tables';
import { compositionTables } from './composition-tables';
import { hierarchyTables } from './hierarchy-tables';
import { intervalTables } from './interval-tables';

const PCT = 'percent';

export interface PrivacyChoices {
  includeConversationText: boolean;
  includeAccountIds: boolean;
}

export function keptTasks(db: Db, cfg: ClassifyConfig): TaskCount[] {
  return countTasks(db, cfg).tasks.filter((t) => t.kept);
}

export function runTables(report: RunReport, kept: TaskCount[]): Table[] {
  return [
    table('task_counts', 'Conversations and distinct accounts per task, only tasks passing the privacy thresholds', [
      str('nodeId', 'Hierarchy node id of the task'),
      str('task', 'Task name (hierarchy node name)'),
      int('conversations', 'Classified conversations assigned to the task', 'count'),
      int('accounts', 'Distinct accounts among them (0 when the data carry no account ids)', 'count'),
    ], kept.map((t) => [t.nodeId, t.task, t.conversations, t.accounts])),
    patternTable('patterns_by_task', 'Automation vs augmentation per kept task', 'Task name', report.patternsByTask),
    patternTable('patterns_by_occupation', 'Automation vs augmentation per occupation (kept tasks only)', 'Occupation title', report.patternsByOccupation),
    table('skills', 'Share of classified conversations exhibiting each skill (Figure 5)', [
      str('skill', 'Skill exhibited by the assistant'),
      num('pct', 'Share of classified conversations', PCT),
    ], report.skills.map((s) => [s.skill, s.pct])),
    table('by_model', 'Category shares by the model that answered (Figure 8)', [
      str('model', 'Model that answered the conversation'),
      int('conversations', 'Conversations of kept tasks answered by the model', 'count'),
      str('category', 'SOC major group title'),
      num('usagePct', 'Share of the model\'s kept usage in the group', PCT),
    ], report.byModel.flatMap((m) => m.categories.map((c) => [m.model, m.conversations, c.title, c.usagePct]))),
    table('conversation_vs_account', 'Category shares by conversations and by distinct accounts (Figure 10)', [
      str('category', 'SOC major group title'),
      num('byConversations', 'Share of usage counted by conversations', PCT),
      num('byAccounts', 'Share of usage counted by distinct accounts', PCT),
    ], report.conversationVsAccount.categories.map((c) => [c.title, c.byConversations, c.byAccounts])),
    ...hierarchyTables(report),
    ...multiTaskTables(report),
    ...compositionTables(report),
    ...intervalTables(report),
  ];
}

function patternTable(name: string, description: string, what: string, rows: PatternBreakdown[]): Table {
  return table(name, description, [
    str('name', what),
    num('conversations', 'Conversations with a pattern classification (split evenly across occupations)', 'count'),
    num('automationPct', 'Automation share of patterned conversations', PCT),
    num('augmentationPct', 'Augmentation share of patterned conversations', PCT),
    num('nonePct', 'Share of conversations with no pattern ("none")', PCT),
  ], rows.map((b) => [b.name, b.conversations, b.automationPct, b.augmentationPct, b.nonePct]));
}

/** Only built on explicit opt-in; still restricted to conversations of kept tasks. */
export function conversationsTable(db: Db, runId: string, kept: TaskCount[], privacy: PrivacyChoices): Table {
  const names = new Map(kept.map((t) => [t.nodeId, t.task]));
  const rows = db
    .prepare(
      `SELECT v.id, v.account_id AS accountId, v.messages_json AS messages, c.value AS nodeId FROM classification c
       JOIN conversation v ON v.id = c.conversation_id
       WHERE c.run_id = ? AND c.facet = 'task' AND c.status = 'ok' ORDER BY v.id`,
    )
    .all(runId) as { id: string; accountId: string | null; messages: string; nodeId: string }[];
  const columns = [str('id', 'Conversation id')];
  if (privacy.includeAccountIds) columns.push(str('accountId', 'Account id of the conversation (opt-in)'));
  if (privacy.includeConversationText) columns.push(str('text', 'Conversation text, "role: content" per message (opt-in)'));
  columns.push(str('task', 'Task assigned to the conversation'));
  const out = rows
    .filter((r) => names.has(r.nodeId))
    .map((r) => [
      r.id,
      ...(privacy.includeAccountIds ? [r.accountId] : []),
      ...(privacy.includeConversationText ? [conversationText(r.messages)] : []),
      names.get(r.nodeId),
    ]);
  return table('conversations', 'Classified conversations of kept tasks (exported on explicit opt-in only)', columns, out);
}

function conversationText(messagesJson: string): string {
  const messages = JSON.parse(messagesJson) as { role?: string; content?: unknown }[];
  return messages.map((m) => `${m.role ?? 'unknown'}: ${typeof m.content === 'string' ? m.content : JSON.stringify(m.content)}`).join('\n\n');
}
