// Client-side rate limiting for the limits an Anthropic organisation has per model: requests, input
// tokens and output tokens per minute. One token bucket per limit, refilled continuously and holding
// about a second's worth, because the API enforces its per-minute figures over short intervals too
// ("60 RPM may be enforced as 1 request per second"): a client that bursts a minute's budget at once
// is refused. On 429/529 the rate adapts (adaptive-rate.ts); waiters are served in order, so a big
// request is not starved by small ones.
import { sleep } from '../base/cancel';
import { AdaptiveRate, type RateFeedback } from './adaptive-rate';

export interface RateLimits {
  requestsPerMinute: number;
  inputTokensPerMinute: number;
  /** Not every account or gateway states one; none = unlimited. */
  outputTokensPerMinute?: number;
}

/**
 * How much of a minute's allowance a bucket holds: half the API's own burst tolerance, so the
 * server's bucket keeps a margin that absorbs network jitter when we send at exactly its rate.
 */
export const BURST_SECONDS = 0.5;

class Bucket {
  private level: number;
  private last: number;

  constructor(
    private perMinute: number,
    now: number,
  ) {
    this.level = this.capacity;
    this.last = now;
  }

  private get capacity(): number {
    return Math.max(1, (this.perMinute * BURST_SECONDS) / 60);
  }

  setRate(perMinute: number, now: number): void {
    this.refill(now);
    this.perMinute = perMinute;
    this.level = Math.min(this.level, this.capacity);
  }

  private refill(now: number): void {
    this.level = Math.min(this.capacity, this.level + ((now - this.last) * this.perMinute) / 60_000);
    this.last = now;
  }

  /** Milliseconds until `amount` fits (amounts above capacity wait for a full bucket, then go into debt). */
  waitFor(amount: number, now: number): number {
    this.refill(now);
    const need = Math.min(amount, this.capacity) - this.level;
    return need <= 0 ? 0 : Math.ceil((need * 60_000) / this.perMinute);
  }

  take(amount: number, now: number): void {
    this.refill(now);
    this.level -= amount;
  }

  /**
   * After a refusal: what the bucket held was not really there. With `margin`, one burst more, so
   * a server whose rate we now match exactly gets its own burst margin back.
   */
  drain(now: number, margin: boolean): void {
    this.refill(now);
    this.level = Math.min(this.level, 0) - (margin ? this.capacity : 0);
  }
}

export interface Cost {
  inputTokens: number;
  outputTokens: number;
}

export class RateLimiter {
  readonly adaptive: AdaptiveRate;
  private buckets: { requests: Bucket; input: Bucket; output: Bucket | null };
  private queue: Promise<void> = Promise.resolve();
  /** Total time callers spent waiting for the limiter. */
  waitedMs = 0;

  constructor(
    readonly limits: RateLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.adaptive = new AdaptiveRate(limits, now);
    const t = now();
    const r = this.adaptive.effective();
    this.buckets = {
      requests: new Bucket(r.requestsPerMinute, t),
      input: new Bucket(r.inputTokensPerMinute, t),
      output: r.outputTokensPerMinute ? new Bucket(r.outputTokensPerMinute, t) : null,
    };
  }

  /** The sustainable request rate (per second) for requests of this size, under every limit. */
  requestsPerSecond(typical: Cost): number {
    const r = this.adaptive.effective();
    const perMinute = Math.min(
      r.requestsPerMinute,
      r.inputTokensPerMinute / Math.max(1, typical.inputTokens),
      r.outputTokensPerMinute ? r.outputTokensPerMinute / Math.max(1, typical.outputTokens) : Infinity,
    );
    return perMinute / 60;
  }

  /** Synchronous core: 0 when `cost` was taken now, else milliseconds to wait before asking again. */
  tryTake(cost: Cost): number {
    const t = this.now();
    this.sync(t);
    const { requests, input, output } = this.buckets;
    const wait = Math.max(
      this.adaptive.pausedForMs(),
      requests.waitFor(1, t),
      input.waitFor(cost.inputTokens, t),
      output?.waitFor(cost.outputTokens, t) ?? 0,
    );
    if (wait > 0) return wait;
    requests.take(1, t);
    input.take(cost.inputTokens, t);
    output?.take(cost.outputTokens, t);
    return 0;
  }

  /** The limiter's clock, for stamping when a request was sent. */
  time(): number {
    return this.now();
  }

  acquire(cost: Cost, signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitTurn(cost, signal));
    // A cancelled waiter must not block the ones behind it.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitTurn(cost: Cost, signal?: AbortSignal): Promise<void> {
    for (let wait = this.tryTake(cost); wait > 0; wait = this.tryTake(cost)) {
      this.waitedMs += wait;
      await sleep(wait, signal);
    }
  }

  /** The answer's real size replaces the estimate taken up front (cache reads do not count). */
  settle(estimated: Cost, actual: Cost): void {
    const t = this.now();
    this.buckets.input.take(actual.inputTokens - estimated.inputTokens, t);
    this.buckets.output?.take(actual.outputTokens - estimated.outputTokens, t);
  }

  /** A 429/529: slow down (adaptive-rate.ts) and empty the buckets, so resuming does not burst. */
  refused(feedback: RateFeedback): void {
    const t = this.now();
    const reaction = this.adaptive.refused(feedback);
    if (reaction === 'ignored') return;
    // At a limit the server confirmed, its bucket is empty: one burst's pause gives it back the
    // margin that absorbs jitter. Otherwise the cut leaves room by itself.
    const margin = reaction === 'learned' || reaction === 'jitter';
    this.sync(t);
    this.buckets.requests.drain(t, margin);
    this.buckets.input.drain(t, margin);
    this.buckets.output?.drain(t, margin);
  }

  /** Buckets follow the adaptive rate as it recovers. */
  private sync(t: number): void {
    const r = this.adaptive.effective();
    this.buckets.requests.setRate(r.requestsPerMinute, t);
    this.buckets.input.setRate(r.inputTokensPerMinute, t);
    // An output limit may first become known from the server's headers.
    if (r.outputTokensPerMinute) {
      if (this.buckets.output) this.buckets.output.setRate(r.outputTokensPerMinute, t);
      else this.buckets.output = new Bucket(r.outputTokensPerMinute, t);
    }
  }
}
