// The retry policy's backoff (llm/retry.ts): doubles from retryBaseMs per attempt, never past
// retryMaxMs (30 s unless set), with ±25% jitter; and withRetries gives up after maxAttempts.
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { backoffMs, LlmApiError, withRetries } from '../../src-main/engine/llm/retry';

describe('retry backoff', () => {
  it('doubles per attempt from the base, with a quarter of jitter either way', () => {
    const policy = { retryBaseMs: 500 };
    expect([1, 2, 3, 4].map((n) => backoffMs(n, policy, 0.5))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffMs(1, policy, 0)).toBe(375);
    expect(backoffMs(1, policy, 0.999999)).toBeCloseTo(625, 3);
  });

  it('stops doubling at 30 s, or at retryMaxMs when set', () => {
    expect(backoffMs(20, { retryBaseMs: 500 }, 0.5)).toBe(30_000);
    expect(backoffMs(7, { retryBaseMs: 500 }, 0.5)).toBe(30_000);
    expect(backoffMs(6, { retryBaseMs: 500 }, 0.5)).toBe(16_000);
    expect([1, 2, 3, 30].map((n) => backoffMs(n, { retryBaseMs: 5, retryMaxMs: 100 }, 0.5))).toEqual([5, 10, 20, 100]);
  });

  it('gives up after maxAttempts, naming the reason and the count', async () => {
    let calls = 0;
    const error = await withRetries(
      async () => {
        calls++;
        throw Anthropic.APIError.generate(500, { type: 'error', error: { type: 'api_error', message: 'injected 500' } }, 'injected 500', new Headers());
      },
      { maxAttempts: 3, retryBaseMs: 1, retryMaxMs: 2 },
    ).catch((e: unknown) => e);
    expect(calls).toBe(3);
    expect(error).toBeInstanceOf(LlmApiError);
    expect(String(error)).toMatch(/HTTP 500.*\(after 3 attempts\)/);
  });
});
