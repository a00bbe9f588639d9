// Running counters of one client, shown as live progress (calls, retries, tokens, cost): the
// contract's ClaudeTotals plus what only the engine keeps (cache tokens, a split by prompt).
import type { ClaudeTotals } from '../../../src-shared/jobs';

export interface LlmStats extends ClaudeTotals {
  cacheReadTokens: number;
  cacheWriteTokens: number;
  byPrompt: Record<string, { sent: number; inputTokens: number; outputTokens: number }>;
  /** Answers 429 (rate limited) and 529 (overloaded), retried or not: the limiter's feedback. */
  refused: { 429: number; 529: number };
}

export function emptyStats(): LlmStats {
  return {
    sent: 0,
    cacheHits: 0,
    retries: {},
    invalidAnswers: 0,
    failures: 0,
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    costUsd: 0,
    byPrompt: {},
    refused: { 429: 0, 529: 0 },
  };
}

export function countRetry(stats: LlmStats, reason: string): void {
  stats.retries[reason] = (stats.retries[reason] ?? 0) + 1;
}
