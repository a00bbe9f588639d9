// Counters behind FakeAnthropic.stats(). Completions are recorded only once the response has been
// flushed to a live socket, so "completed" means "the client could have read it": the number tests
// compare against what the product stored.
import type { AnswerFault } from './faults';
import { ERROR_STATUSES, type ErrorStatus, type FakeStats, type PromptKind } from './types';
import type { Usage } from './wire';

export interface Outcome {
  kind: PromptKind;
  fault: AnswerFault;
  usage: Usage;
}

export class StatsRecorder {
  requests = 0;
  private completed = 0;
  private readonly errors = Object.fromEntries(ERROR_STATUSES.map((s) => [s, 0])) as Record<ErrorStatus, number>;
  private malformed = 0;
  private outOfOptions = 0;
  private readonly byKind: Record<string, number> = {};
  private readonly completedByHash = new Map<string, number>();
  private readonly tokens = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };

  error(status: ErrorStatus): void {
    this.errors[status]++;
  }

  /** Usage and injected faults of any answer given, over HTTP or inside a batch. */
  answered(o: Outcome): void {
    this.tokens.input += o.usage.input_tokens;
    this.tokens.output += o.usage.output_tokens;
    this.tokens.cacheRead += o.usage.cache_read_input_tokens;
    this.tokens.cacheWrite += o.usage.cache_creation_input_tokens;
    if (o.fault === 'malformed') this.malformed++;
    if (o.fault === 'outOfOptions') this.outOfOptions++;
  }

  /** A /v1/messages answer that reached the client. */
  completedMessage(o: Outcome, requestHash: string): void {
    this.answered(o);
    this.completed++;
    this.byKind[o.kind] = (this.byKind[o.kind] ?? 0) + 1;
    this.completedByHash.set(requestHash, (this.completedByHash.get(requestHash) ?? 0) + 1);
  }

  snapshot(extra: { hanging: number; batches: number; batchRequests: number }): FakeStats {
    const byHash = new Map(this.completedByHash);
    return {
      requests: this.requests,
      completed: this.completed,
      errors: { ...this.errors },
      malformed: this.malformed,
      outOfOptions: this.outOfOptions,
      byKind: { ...this.byKind },
      completedByHash: byHash,
      duplicates: () => [...byHash.values()].filter((n) => n > 1).length,
      inputTokens: this.tokens.input,
      outputTokens: this.tokens.output,
      cacheReadTokens: this.tokens.cacheRead,
      cacheWriteTokens: this.tokens.cacheWrite,
      ...extra,
    };
  }
}
