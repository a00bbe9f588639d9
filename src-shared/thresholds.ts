// The privacy thresholds as every caption, report, export and manifest states them. The account
// threshold applies only when the run's conversations carry account ids; without them it cannot
// apply, and saying "≥5 accounts" would claim a protection the numbers do not have.
export interface AppliedThresholds {
  minConversations: number;
  minAccounts: number;
  /** False when no conversation has an account id: only the conversation threshold applied. */
  accountsApplied: boolean;
}

export const ACCOUNTS_NOT_APPLIED = 'account threshold not applied: no account ids';

/** "≥15 conversations from ≥5 accounts", or "≥15 conversations (account threshold not applied: no account ids)". */
export function thresholdsText(t: AppliedThresholds, fmt: (n: number) => string = String): string {
  return t.accountsApplied
    ? `≥${fmt(t.minConversations)} conversations from ≥${fmt(t.minAccounts)} accounts`
    : `≥${fmt(t.minConversations)} conversations (${ACCOUNTS_NOT_APPLIED})`;
}

/** Older reports (before accountsApplied was recorded) carry accountsKnown beside the thresholds. */
export function appliedThresholds(r: { thresholds: { minConversations: number; minAccounts: number; accountsApplied?: boolean }; accountsKnown: boolean }): AppliedThresholds {
  return { ...r.thresholds, accountsApplied: r.thresholds.accountsApplied ?? r.accountsKnown };
}
