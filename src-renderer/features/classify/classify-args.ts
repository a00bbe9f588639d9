// The classify form's fields → classify.run arguments, or the reason they do not make a run yet.
// Pure, so the defaults (15 conversations / 5 accounts, paper section 3) and checks are tested.
import { DEFAULT_THRESHOLDS } from '../../../src-shared/taxonomy';
import type { JobArgs } from '../../../src-shared/jobs';
import { intField, type Parsed } from '../../components/form-values';
import { isDay } from '../../../src-shared/time-window';

/** The engine's default (classify/uncertainty/bootstrap.ts), repeated: the renderer cannot import the engine. */
const DEFAULT_REPLICATES = 1000;

export type Method = 'claude' | 'offline-embedding';

export interface ClassifyDraft {
  name: string;
  datasets: string[];
  hierarchyId: string;
  method: Method;
  minConversations: string;
  minAccounts: string;
  privacySummary: boolean;
  batches: boolean;
  limit: string;
  /** Up to three tasks per conversation (paper k = 3; Claude method only). */
  multiTask: boolean;
  /** Also ask work, coursework or personal use (B.7; Claude method only). */
  composition: boolean;
  /** Time window (Appendix E): whole days YYYY-MM-DD, empty for no bound. */
  from: string;
  to: string;
  /** Bootstrap replicates for the report's 95% intervals (0: none) and their seed. */
  replicates: string;
  bootstrapSeed: string;
}

export function defaultDraft(): ClassifyDraft {
  return {
    name: '',
    datasets: [],
    hierarchyId: '',
    method: 'claude',
    minConversations: String(DEFAULT_THRESHOLDS.minConversations),
    minAccounts: String(DEFAULT_THRESHOLDS.minAccounts),
    privacySummary: false,
    batches: false,
    limit: '',
    multiTask: false,
    composition: false,
    from: '',
    to: '',
    replicates: String(DEFAULT_REPLICATES),
    bootstrapSeed: '1',
  };
}

const NAME = /^[\w.-]+$/;

export function classifyArgs(draft: ClassifyDraft): Parsed<JobArgs<'classify.run'>> {
  const name = draft.name.trim();
  if (!name) return { ok: false, error: 'Give the run a name' };
  if (!NAME.test(name)) return { ok: false, error: 'The run name may use letters, digits, “.”, “_” or “-” only' };
  if (draft.datasets.length === 0) return { ok: false, error: 'Choose at least one conversation dataset' };
  if (!draft.hierarchyId) return { ok: false, error: 'Choose a hierarchy' };
  const minConversations = intField('Minimum conversations', draft.minConversations, 1);
  const minAccounts = intField('Minimum accounts', draft.minAccounts, 1);
  const limit = intField('Limit', draft.limit, 1);
  const replicates = intField('Bootstrap replicates', draft.replicates, 0, 100_000);
  const seed = intField('Bootstrap seed', draft.bootstrapSeed, 0);
  const error = minConversations.error ?? minAccounts.error ?? limit.error ?? replicates.error ?? seed.error ?? windowError(draft);
  if (error) return { ok: false, error };
  const args: JobArgs<'classify.run'> = {
    name,
    datasets: [...draft.datasets],
    hierarchyId: draft.hierarchyId,
    method: draft.method,
    minConversations: minConversations.value ?? DEFAULT_THRESHOLDS.minConversations,
    minAccounts: minAccounts.value ?? DEFAULT_THRESHOLDS.minAccounts,
    privacySummary: draft.privacySummary,
    // The Batches API applies to Claude calls only; the offline method makes none.
    batches: draft.method === 'claude' && draft.batches,
  };
  if (limit.value !== undefined) args.limit = limit.value;
  // Only the Claude method asks for several tasks; the offline method picks one.
  if (draft.multiTask && draft.method === 'claude') args.tasksPerConversation = 3;
  // The composition question is a Claude question; the offline method asks none.
  if (draft.composition && draft.method === 'claude') args.composition = true;
  if (replicates.value !== undefined) args.replicates = replicates.value;
  if (seed.value !== undefined) args.bootstrapSeed = seed.value;
  const from = draft.from.trim();
  const to = draft.to.trim();
  if (from || to) args.window = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  return { ok: true, args };
}

/** The window's days must be days, in order. */
function windowError(draft: Pick<ClassifyDraft, 'from' | 'to'>): string | undefined {
  const from = draft.from.trim();
  const to = draft.to.trim();
  if (from && !isDay(from)) return `From must be a date YYYY-MM-DD (got “${from}”)`;
  if (to && !isDay(to)) return `To must be a date YYYY-MM-DD (got “${to}”)`;
  if (from && to && from > to) return `The time window starts (${from}) after it ends (${to})`;
  return undefined;
}

/** A fresh run name suggestion that does not collide with existing runs: "run-1", "run-2", … */
export function suggestRunName(existing: readonly string[]): string {
  const taken = new Set(existing);
  let i = existing.length + 1;
  while (taken.has(`run-${i}`)) i++;
  return `run-${i}`;
}
