// Public types of the fake Anthropic server. The fake ships in the app for demo mode and is what
// every test of the product talks to (the real API is unreachable here), so its knobs are the
// failure modes a real run meets: latency, rate limits, overload, bad or off-list answers.

/** Status codes the fake can answer with besides 200; each is counted separately. */
export type ErrorStatus = 400 | 401 | 404 | 429 | 500 | 529;
export const ERROR_STATUSES: readonly ErrorStatus[] = [400, 401, 404, 429, 500, 529];

/** The prompt kinds the fake recognises (see answers.ts for how each is detected). */
export const PROMPT_KINDS = [
  'hierarchy.propose',
  'hierarchy.dedupe',
  'hierarchy.assign',
  'hierarchy.rename',
  'screening',
  'task-mapping',
  'collaboration',
  'skills',
  'privacy-summary',
  'composition',
  'reconstruct.request',
  'reconstruct.cluster',
  'unknown',
] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

export interface FakeOptions {
  /** Delay before every /v1/messages answer (error or not), in ms. Default 0. */
  latencyMs?: number;
  /** Extra delay drawn uniformly from [0, latencyJitterMs) per request (deterministic per request). */
  latencyJitterMs?: number;
  /** Probability that a /v1/messages request is answered 429 rate_limit_error. */
  rate429?: number;
  /** Probability of 529 overloaded_error. */
  rate529?: number;
  /** Probability of 500 api_error. */
  rate500?: number;
  /** Sent as `retry-after` (seconds) and `retry-after-ms` with every 429/529. Default 1; fractions allowed. */
  retryAfterSeconds?: number;
  /** Probability that a 200 answer lacks the expected structure (truncated or prose). */
  malformedRate?: number;
  /** Probability that a 200 answer is well-formed but names an option that was not offered. */
  outOfOptionsRate?: number;
  /** Seed of every fault draw; a draw depends only on (seed, request body, attempt for that body). */
  seed?: number;
  /** How long a message batch stays in_progress, in ms. Default 200. */
  batchDelayMs?: number;
  /** Probability that a batch poll (GET of a batch or of its results) is answered 529, 429 or 500. */
  batchPollFaultRate?: number;
  /**
   * Rate limits enforced like the API's (rate-limits.ts): over them a request is answered 429 with
   * retry-after, and every answer carries anthropic-ratelimit-*-limit headers. 0 (the default) = none.
   */
  requestsPerMinute?: number;
  inputTokensPerMinute?: number;
  outputTokensPerMinute?: number;
}

export interface FakeStartOptions extends FakeOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
}

export type ResolvedOptions = Required<FakeOptions>;

export const DEFAULT_OPTIONS: ResolvedOptions = {
  latencyMs: 0,
  latencyJitterMs: 0,
  rate429: 0,
  rate529: 0,
  rate500: 0,
  retryAfterSeconds: 1,
  malformedRate: 0,
  outOfOptionsRate: 0,
  seed: 0,
  batchDelayMs: 200,
  batchPollFaultRate: 0,
  requestsPerMinute: 0,
  inputTokensPerMinute: 0,
  outputTokensPerMinute: 0,
};

/** Merge a partial update, ignoring keys explicitly set to undefined (so spreads cannot unset defaults). */
export function mergeOptions(base: ResolvedOptions, partial: FakeOptions): ResolvedOptions {
  const out = { ...base };
  for (const [key, value] of Object.entries(partial) as [keyof FakeOptions, number | undefined][]) {
    if (key in DEFAULT_OPTIONS && typeof value === 'number' && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

export interface FakeStats {
  /** Every /v1/messages hit, including errors and requests that are being held by hangAfter. */
  requests: number;
  /** 200 answers to /v1/messages fully flushed to a socket that was still open. */
  completed: number;
  errors: Record<ErrorStatus, number>;
  /** Completed answers that were deliberately malformed / out of options. */
  malformed: number;
  outOfOptions: number;
  /** Completed answers per prompt kind. */
  byKind: Record<string, number>;
  /** sha256 of (model, system, messages, max_tokens, temperature) → completed count. */
  completedByHash: Map<string, number>;
  /** How many distinct request hashes completed more than once. */
  duplicates(): number;
  /** Requests currently held open by hangAfter. */
  hanging: number;
  /** Token usage of completed /v1/messages answers and of batch results. */
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** Message batches created, and the requests they contained. */
  batches: number;
  batchRequests: number;
}

export interface FakeAnthropic {
  /** Pass to `new Anthropic({ baseURL })`, e.g. http://127.0.0.1:PORT (no trailing slash). */
  baseURL: string;
  /** A snapshot: later traffic does not change an object already returned. */
  stats(): FakeStats;
  setOptions(partial: FakeOptions): void;
  /** Distinct x-api-key values and Bearer tokens received so far (the fake accepts any). */
  credentials(): { apiKeys: string[]; bearerTokens: string[] };
  /**
   * After n more 200 answers (counted from this call), hold every later /v1/messages request open
   * without answering until close(). null resumes normal service for new requests.
   */
  hangAfter(n: number | null): void;
  close(): Promise<void>;
}

/** A synthesised answer; `outOfOptions`, for kinds that offer options, gives the off-list variant. */
export interface Draft {
  text: string;
  outOfOptions?: () => string;
}
