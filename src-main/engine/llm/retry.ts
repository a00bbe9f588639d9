// The one retry policy for everything sent to the Claude API (requests, batch polling): transient
// failures (429, 529, 5xx, 408/409, lost connections) are retried with exponential backoff and
// jitter, the server's retry-after wins over our backoff, and cancellation is never retried.
import Anthropic from '@anthropic-ai/sdk';
import { CancelledError, isCancelled, sleep, throwIfAborted } from '../base/cancel';

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** First backoff delay when the server gives no retry-after; doubles per attempt up to retryMaxMs. */
  retryBaseMs: number;
  /** The longest backoff delay (default 30 s): tests against a faulty fake bound their waits with it. */
  retryMaxMs?: number;
}

const RETRY_MAX_MS = 30_000;

export interface RetryHooks {
  signal?: AbortSignal;
  /** Called before each wait with a short reason ("HTTP 529: ...", "connection"), for the stats. */
  onRetry?: (reason: string) => void;
}

/** What the server said with a 429/529, so a sender can slow down. */
export interface Refusal {
  status: 429 | 529;
  retryAfterMs: number | null;
  headers: HeaderReader | undefined;
}

interface HeaderReader {
  get(name: string): string | null;
}

const RETRYABLE = new Set([408, 409, 429, 500, 502, 503, 504, 529]);

/** A request that failed for good: not retryable, or out of attempts. */
export class LlmApiError extends Error {
  override name = 'LlmApiError';
}

/** Runs `attempt` until it succeeds, fails for good (LlmApiError) or is cancelled (CancelledError). */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, policy: RetryPolicy, hooks: RetryHooks = {}): Promise<T> {
  for (let n = 1; ; n++) {
    throwIfAborted(hooks.signal);
    try {
      return await attempt(n);
    } catch (err) {
      if (isCancelled(err) || hooks.signal?.aborted) throw new CancelledError();
      const { retryable, reason, delayMs } = classify(err, backoffMs(n, policy));
      if (!retryable || n >= policy.maxAttempts) {
        throw new LlmApiError(`${reason} (after ${n} attempt${n > 1 ? 's' : ''})`, { cause: err });
      }
      hooks.onRetry?.(reason);
      await sleep(delayMs, hooks.signal);
    }
  }
}

/** The refusal behind an error, or null when it is not a 429/529. */
export function refusalOf(err: unknown): Refusal | null {
  if (!(err instanceof Anthropic.APIError) || (err.status !== 429 && err.status !== 529)) return null;
  return { status: err.status, retryAfterMs: retryAfter(err), headers: err.headers };
}

/**
 * The wait before attempt `attempt` + 1 when the server gives no retry-after: doubling from
 * retryBaseMs, at most retryMaxMs, times a jitter of ±25% (`u` in [0, 1)) so that many concurrent
 * callers do not return in lockstep.
 */
export function backoffMs(attempt: number, policy: Pick<RetryPolicy, 'retryBaseMs' | 'retryMaxMs'>, u: number = Math.random()): number {
  return Math.min(policy.retryMaxMs ?? RETRY_MAX_MS, policy.retryBaseMs * 2 ** (attempt - 1)) * (0.75 + u * 0.5);
}

function classify(err: unknown, backoff: number): { retryable: boolean; reason: string; delayMs: number } {
  if (err instanceof Anthropic.APIConnectionError) return { retryable: true, reason: 'connection', delayMs: backoff };
  if (err instanceof Anthropic.APIError) {
    const status = err.status ?? 0;
    const retryable = RETRYABLE.has(status);
    return { retryable, reason: `HTTP ${status}: ${err.apiMessage ?? err.message}`.slice(0, 200), delayMs: retryAfter(err) ?? backoff };
  }
  return { retryable: false, reason: err instanceof Error ? err.message : String(err), delayMs: 0 };
}

/** The server's own wait hint wins over our backoff (retry-after-ms, then retry-after seconds). */
function retryAfter(err: InstanceType<typeof Anthropic.APIError>): number | null {
  const headers = err.headers;
  const ms = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const s = Number(headers?.get('retry-after'));
  return Number.isFinite(s) && s > 0 ? s * 1000 : null;
}
