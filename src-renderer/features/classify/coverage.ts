// What the privacy thresholds will do to a run, said before it starts (account coverage of the
// chosen datasets, a corpus too small for the thresholds) and after it ends (tasks and conversations
// kept vs dropped). Pure, so the rules are tested without a page.
import type { ConversationDatasetInfo, RunInfo } from '../../../src-shared/api';
import type { RunPrivacy } from '../../../src-shared/review-bundle';
import type { RunReport } from '../../../src-shared/report';
import { DEFAULT_THRESHOLDS } from '../../../src-shared/taxonomy';
import { formatInt, formatPercent } from '../../components/format';
import type { ClassifyDraft } from './classify-args';
import { demoName } from '../../../src-shared/demo';

/**
 * A corpus with fewer conversations than this many times the per-task minimum leaves most tasks
 * under the threshold: conversations spread over hundreds of base tasks, so even the busiest few
 * dozen tasks reach the minimum only with about this many (1,500 for the paper's 15).
 */
export const SMALL_CORPUS_FACTOR = 100;

/** Share of a dataset's conversations that carry an account id (0..1; 0 for an empty dataset). */
export function accountCoverage(d: Pick<ConversationDatasetInfo, 'conversations' | 'withAccount'>): number {
  return d.conversations > 0 ? d.withAccount / d.conversations : 0;
}

/** "62% with an account id" / "no account ids", for the dataset list and the classify form. */
export function coverageText(d: Pick<ConversationDatasetInfo, 'conversations' | 'withAccount'>): string {
  if (d.withAccount === 0) return 'no account ids';
  return `${formatPercent(accountCoverage(d))} with an account id`;
}

export interface ThresholdPlan {
  datasets: readonly string[];
  minConversations: number;
  minAccounts: number;
  /** Only the first N conversations are classified. */
  limit?: number;
}

/** The plan as typed so far: a field not (yet) a whole number counts as its default. */
export function planOfDraft(draft: Pick<ClassifyDraft, 'datasets' | 'minConversations' | 'minAccounts' | 'limit'>): ThresholdPlan {
  const whole = (text: string): number | undefined => (/^\s*\d+\s*$/.test(text) && Number(text) >= 1 ? Number(text) : undefined);
  const limit = whole(draft.limit);
  return {
    datasets: draft.datasets,
    minConversations: whole(draft.minConversations) ?? DEFAULT_THRESHOLDS.minConversations,
    minAccounts: whole(draft.minAccounts) ?? DEFAULT_THRESHOLDS.minAccounts,
    ...(limit !== undefined ? { limit } : {}),
  };
}

/** Warnings about the thresholds for the chosen datasets; empty when the run can apply them as the paper does. */
export function thresholdWarnings(all: readonly ConversationDatasetInfo[], plan: ThresholdPlan): string[] {
  const chosen = all.filter((d) => plan.datasets.includes(d.dataset));
  if (chosen.length === 0) return [];
  const warnings: string[] = [];
  const withAccount = chosen.reduce((s, d) => s + d.withAccount, 0);
  const total = chosen.reduce((s, d) => s + d.conversations, 0);
  if (withAccount === 0) {
    warnings.push(
      `None of the chosen conversations has an account id, so the account threshold (≥${formatInt(plan.minAccounts)} accounts per task) ` +
        'cannot be applied: tasks are kept on their conversation count alone, and Figure 10 (by accounts) is not drawn.',
    );
  }
  const classified = plan.limit !== undefined ? Math.min(plan.limit, total) : total;
  const enough = SMALL_CORPUS_FACTOR * plan.minConversations;
  if (classified < enough) {
    warnings.push(
      `Only ${formatInt(classified)} conversations for thresholds of ≥${formatInt(plan.minConversations)} conversations per task: ` +
        `most tasks will fall under them and be dropped (a run needs roughly ${formatInt(enough)} or more). ` +
        smallCorpusAdvice(plan, classified < total),
    );
  }
  return warnings;
}

/** What to change: minimums already at a trial's 1–2 cannot go lower, so then more conversations are the way. */
function smallCorpusAdvice(plan: ThresholdPlan, limited: boolean): string {
  if (plan.minConversations > 2) return 'For a trial, lower the minimums above; the paper’s values are 15 and 5.';
  return limited ? 'To keep more tasks, raise or clear the “first N conversations” limit.' : 'To keep more tasks, import more conversations.';
}

/** "Kept 12 of 40 tasks (300 of 350 conversations); 28 tasks (50 conversations) fell under the thresholds." */
export function keptText(p: RunPrivacy): string {
  const tasks = p.tasksKept + p.tasksDropped;
  const conversations = p.conversationsKept + p.conversationsDropped;
  const plural = (n: number, word: string) => `${formatInt(n)} ${word}${n === 1 ? '' : 's'}`;
  const accounts = p.accountsKnown ? '' : ' No account ids: only the conversation threshold applied.';
  return (
    `Kept ${formatInt(p.tasksKept)} of ${plural(tasks, 'task')} (${formatInt(p.conversationsKept)} of ${plural(conversations, 'conversation')}); ` +
    `${plural(p.tasksDropped, 'task')} (${plural(p.conversationsDropped, 'conversation')}) fell under the privacy thresholds.${accounts}`
  );
}

/** For a table cell: "12 / 40 tasks, 300 / 350 conversations". */
export function keptShort(p: RunPrivacy): string {
  return (
    `${formatInt(p.tasksKept)} / ${formatInt(p.tasksKept + p.tasksDropped)} tasks, ` +
    `${formatInt(p.conversationsKept)} / ${formatInt(p.conversationsKept + p.conversationsDropped)} conversations`
  );
}

/** The same counts from a run's report (Explore's summary line). */
export function privacyOfReport(run: Pick<RunReport, 'tasks' | 'accountsKnown'>): RunPrivacy {
  return {
    tasksKept: run.tasks.kept,
    tasksDropped: run.tasks.dropped,
    conversationsKept: run.tasks.conversationsKept,
    conversationsDropped: run.tasks.conversationsDropped,
    accountsKnown: run.accountsKnown,
  };
}

/** The run a job started, once the run list knows it. */
export function runOfJob(runs: readonly RunInfo[] | undefined, args: unknown): RunInfo | undefined {
  const name = (args as { name?: unknown } | undefined)?.name;
  if (typeof name !== 'string') return undefined;
  // In demo mode the engine names the run "demo-<name>".
  return runs?.find((r) => r.run === name) ?? runs?.find((r) => r.run === demoName(name));
}
