// A run's privacy-threshold sweep (`task-atlas run sensitivity`, Explore's threshold panel): for each
// pair of thresholds, recomputed from the stored classifications with no new API calls, how many
// tasks pass, what share of the classified conversations they hold, and the largest change of a
// category's share against the thresholds the run chose.
import type { AppliedThresholds } from './thresholds';

/** The default grid (the example): conversations × accounts per task. */
export const SWEEP_CONVERSATIONS: readonly number[] = [1, 5, 15, 30, 50];
export const SWEEP_ACCOUNTS: readonly number[] = [1, 3, 5, 10];

export interface SensitivityCell {
  minConversations: number;
  minAccounts: number;
  tasksKept: number;
  /** Percent of the run's task-classified conversations in the kept tasks. */
  conversationsKeptPct: number;
  /** Largest |share − share at the chosen thresholds| over the categories either setting has, in pp. */
  maxCategoryChange: { pp: number; category: string | null };
  chosen: boolean;
}

export interface SensitivityReport {
  run: string;
  chosen: AppliedThresholds;
  tasksTotal: number;
  conversations: number;
  conversationValues: number[];
  /** Only the chosen value when no conversation has an account id (the threshold cannot apply). */
  accountValues: number[];
  cells: SensitivityCell[];
  /** Set when the account threshold could not apply. */
  note?: string;
}
