// Running counters of one client, shown as live progress (calls, retries, tokens, cost).

export interface LlmStats {
  sent: number;
  cacheHits: number;
  retries: Record<string, number>;
  invalidAnswers: number;
  failures: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
  byPrompt: Record<string, { sent: number; inputTokens: number; outputTokens: number }>;
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
  };
}

export function countRetry(stats: LlmStats, reason: string): void {
  stats.retries[reason] = (stats.retries[reason] ?? 0) + 1;
}
