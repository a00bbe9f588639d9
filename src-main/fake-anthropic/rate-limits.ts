// Rate limits as the API enforces them: one token bucket per limit (requests, input tokens, output
// tokens per minute), refilled continuously, holding about one second's worth — the API documents
// that "60 RPM may be enforced as 1 request per second", so a client that bursts is refused even
// under its per-minute figure. Input tokens count uncached input and cache writes, not cache reads
// (the API's cache-aware limits). A request is admitted while every bucket has room; its tokens are
// debited once the answer is known, so a bucket can go into debt and the next requests wait it out.

export interface RateLimitSpec {
  /** 0 = no limit. */
  requestsPerMinute: number;
  inputTokensPerMinute: number;
  outputTokensPerMinute: number;
}

/** How much of a minute's allowance a bucket holds. */
const BURST_SECONDS = 1;

class Bucket {
  readonly capacity: number;
  private level: number;
  private last: number;

  constructor(
    readonly perMinute: number,
    now: number,
  ) {
    this.capacity = Math.max(1, (perMinute * BURST_SECONDS) / 60);
    this.level = this.capacity;
    this.last = now;
  }

  private refill(now: number): void {
    this.level = Math.min(this.capacity, this.level + ((now - this.last) * this.perMinute) / 60_000);
    this.last = now;
  }

  /** Milliseconds until `need` is available (0 = now). */
  waitFor(need: number, now: number): number {
    this.refill(now);
    return this.level >= need ? 0 : Math.ceil(((need - this.level) * 60_000) / this.perMinute);
  }

  debit(amount: number, now: number): void {
    this.refill(now);
    this.level -= amount;
  }
}

export type Refusal = { limit: 'requests' | 'input_tokens' | 'output_tokens'; retryAfterMs: number };

export class FakeRateLimits {
  private spec: RateLimitSpec = { requestsPerMinute: 0, inputTokensPerMinute: 0, outputTokensPerMinute: 0 };
  private requests: Bucket | null = null;
  private input: Bucket | null = null;
  private output: Bucket | null = null;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Takes the current options; buckets restart full only when a limit changed. */
  configure(spec: RateLimitSpec): void {
    const t = this.now();
    const make = (perMinute: number, old: Bucket | null) =>
      perMinute <= 0 ? null : old?.perMinute === perMinute ? old : new Bucket(perMinute, t);
    this.requests = make(spec.requestsPerMinute, this.requests);
    this.input = make(spec.inputTokensPerMinute, this.input);
    this.output = make(spec.outputTokensPerMinute, this.output);
    this.spec = spec;
  }

  /** Admits one request (debiting it) or says which limit refused it and when to come back. */
  admit(): Refusal | null {
    const t = this.now();
    // Token buckets only need to be out of debt: the request's size is not known before it is answered.
    const checks: [Refusal['limit'], Bucket | null, number][] = [
      ['requests', this.requests, 1],
      ['input_tokens', this.input, Number.MIN_VALUE],
      ['output_tokens', this.output, Number.MIN_VALUE],
    ];
    for (const [limit, bucket, need] of checks) {
      const wait = bucket?.waitFor(need, t) ?? 0;
      if (wait > 0) return { limit, retryAfterMs: wait };
    }
    this.requests?.debit(1, t);
    return null;
  }

  /** Tokens of an answer given: input = uncached input + cache writes. */
  debit(inputTokens: number, outputTokens: number): void {
    const t = this.now();
    this.input?.debit(inputTokens, t);
    this.output?.debit(outputTokens, t);
  }

  /** The anthropic-ratelimit-*-limit headers the API sends with every response. */
  headers(): Record<string, string> {
    const out: Record<string, string> = {};
    if (this.spec.requestsPerMinute > 0) out['anthropic-ratelimit-requests-limit'] = String(this.spec.requestsPerMinute);
    if (this.spec.inputTokensPerMinute > 0) out['anthropic-ratelimit-input-tokens-limit'] = String(this.spec.inputTokensPerMinute);
    if (this.spec.outputTokensPerMinute > 0) out['anthropic-ratelimit-output-tokens-limit'] = String(this.spec.outputTokensPerMinute);
    return out;
  }
}
