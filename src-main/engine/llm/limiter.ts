// Token-bucket rate limiting for requests per minute and input tokens per minute: the two limits an
// Anthropic organisation has per model. Waiters are served in order, so a big request is not starved.
import { sleep } from '../base/cancel';

export interface RateLimits {
  requestsPerMinute: number;
  inputTokensPerMinute: number;
}

class Bucket {
  private level: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly now: () => number,
  ) {
    this.level = capacity;
    this.last = now();
  }

  private refill(): void {
    const t = this.now();
    this.level = Math.min(this.capacity, this.level + ((t - this.last) * this.capacity) / 60_000);
    this.last = t;
  }

  /** Milliseconds until `amount` is available (amounts above capacity wait for a full bucket). */
  waitFor(amount: number): number {
    this.refill();
    const need = Math.min(amount, this.capacity) - this.level;
    return need <= 0 ? 0 : Math.ceil((need * 60_000) / this.capacity);
  }

  take(amount: number): void {
    this.refill();
    this.level -= Math.min(amount, this.capacity);
  }
}

export class RateLimiter {
  private readonly requests: Bucket;
  private readonly tokens: Bucket;
  private queue: Promise<void> = Promise.resolve();
  /** Total time callers spent waiting for the limiter (for the "share of the limit achieved" figure). */
  waitedMs = 0;

  constructor(
    readonly limits: RateLimits,
    now: () => number = () => performance.now(),
  ) {
    this.requests = new Bucket(limits.requestsPerMinute, now);
    this.tokens = new Bucket(limits.inputTokensPerMinute, now);
  }

  acquire(inputTokens: number, signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitTurn(inputTokens, signal));
    // A cancelled waiter must not block the ones behind it.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitTurn(inputTokens: number, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const wait = Math.max(this.requests.waitFor(1), this.tokens.waitFor(inputTokens));
      if (wait === 0) break;
      this.waitedMs += wait;
      await sleep(wait, signal);
    }
    this.requests.take(1);
    this.tokens.take(inputTokens);
  }
}
