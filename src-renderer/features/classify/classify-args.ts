// The classify form's fields → classify.run arguments, or the reason they do not make a run yet.
// Pure, so the defaults (15 conversations / 5 accounts, paper section 3) and checks are tested.
import { DEFAULT_THRESHOLDS } from '../../../src-shared/taxonomy';
import type { JobArgs } from '../../../src-shared/jobs';
import { intField, type Parsed } from '../../components/form-values';

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
  const error = minConversations.error ?? minAccounts.error ?? limit.error;
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
  return { ok: true, args };
}

/** A fresh run name suggestion that does not collide with existing runs: "run-1", "run-2", … */
export function suggestRunName(existing: readonly string[]): string {
  const taken = new Set(existing);
  let i = existing.length + 1;
  while (taken.has(`run-${i}`)) i++;
  return `run-${i}`;
}
