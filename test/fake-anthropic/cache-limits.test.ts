// The fake server bills prompt caching and enforces rate limits like the API: a breakpoint on a
// prefix shorter than the model's minimum cacheable length caches nothing, and over a configured
// limit a request is answered 429 with retry-after and the limit in anthropic-ratelimit-* headers.
// The client places breakpoints by the same minimums and learns a stated limit from a 429.
import { afterEach, describe, expect, it } from 'vitest';
import Anthropic from '@anthropic-ai/sdk';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { cacheBreakpoint } from '../../src-main/engine/llm/caching';
import { DEFAULT_LLM_OPTIONS, LlmClient } from '../../src-main/engine/llm/client';
import { openDatabase } from '../../src-main/db/open';
import { RENAME } from '../../src-shared/prompts/hierarchy';
import { cacheMinimumTokens } from '../../src-shared/pricing';
import { sdk } from './helpers';

let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Two calls sharing a marked first message of `tokens` tokens (4 characters each). */
async function twoCalls(model: string, tokens: number) {
  fake = await startFakeAnthropic({ seed: 1 });
  const client = sdk(fake.baseURL);
  const prefix = [{ type: 'text' as const, text: 'y'.repeat(tokens * 4), cache_control: { type: 'ephemeral' as const } }];
  const call = (q: string) =>
    client.messages.create({ model, max_tokens: 20, messages: [{ role: 'user', content: prefix }, { role: 'assistant', content: 'I understand.' }, { role: 'user', content: q }] });
  return [(await call('first?')).usage, (await call('second?')).usage];
}

describe('minimum cacheable prefix', () => {
  it.each([
    ['claude-haiku-4-5', 4096],
    ['claude-sonnet-4-6', 1024],
    ['claude-3-5-haiku-20241022', 2048],
    ['claude-opus-4-5', 4096],
  ])('%s caches from %i tokens on, not below', async (model, minimum) => {
    expect(cacheMinimumTokens(model)).toBe(minimum);
    const [a, b] = await twoCalls(model, minimum - 1);
    expect([a!.cache_creation_input_tokens, a!.cache_read_input_tokens, b!.cache_read_input_tokens]).toEqual([0, 0, 0]);
    await fake!.close();
    const [c, d] = await twoCalls(model, minimum);
    expect(c).toMatchObject({ cache_creation_input_tokens: minimum, cache_read_input_tokens: 0 });
    expect(d).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: minimum });
  });

  it('the client marks a prefix only when it reaches the model’s minimum, and never with caching off', () => {
    const req = (model: string, chars: number) => ({ model, max_tokens: 10, messages: [{ role: 'user' as const, content: 'z'.repeat(chars) }, { role: 'user' as const, content: 'q' }] });
    expect(cacheBreakpoint(req('claude-haiku-4-5', 4095 * 4), 0, true)).toBeUndefined();
    expect(cacheBreakpoint(req('claude-haiku-4-5', 4096 * 4), 0, true)).toBe(0);
    expect(cacheBreakpoint(req('claude-sonnet-4-6', 1024 * 4), 0, true)).toBe(0);
    expect(cacheBreakpoint(req('claude-sonnet-4-6', 1024 * 4), 0, false)).toBeUndefined();
    expect(cacheBreakpoint(req('claude-sonnet-4-6', 1024 * 4), undefined, true)).toBeUndefined();
  });
});

describe('rate limits', () => {
  it('refuses requests over the limit with 429, retry-after and the stated limit', async () => {
    fake = await startFakeAnthropic({ requestsPerMinute: 120 }); // a burst of 2, then 2 a second
    const client = sdk(fake.baseURL);
    const ask = (i: number) => client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 10, messages: [{ role: 'user', content: `hello ${i}` }] });
    const settled = await Promise.allSettled([0, 1, 2, 3, 4].map(ask));
    const refused = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => s.reason as InstanceType<typeof Anthropic.APIError>);
    expect(refused).toHaveLength(3);
    for (const err of refused) {
      expect(err.status).toBe(429);
      expect(err.headers?.get('anthropic-ratelimit-requests-limit')).toBe('120');
      expect(Number(err.headers?.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(err.headers?.get('retry-after-ms'))).toBeGreaterThan(0);
    }
    expect(fake.stats().errors[429]).toBe(3);
  });

  it('counts input tokens (uncached and cache writes) against an input limit', async () => {
    fake = await startFakeAnthropic({ inputTokensPerMinute: 6000 }); // 100 tokens a second
    const client = sdk(fake.baseURL);
    const big = { model: 'claude-haiku-4-5', max_tokens: 10, messages: [{ role: 'user' as const, content: 'w'.repeat(1600) }] };
    await client.messages.create(big); // 400 tokens: admitted, the bucket goes into debt
    await expect(client.messages.create(big)).rejects.toMatchObject({ status: 429 });
  });

  it('a client configured above the server’s limit adopts the stated limit and finishes every request', async () => {
    fake = await startFakeAnthropic({ requestsPerMinute: 1200, latencyMs: 10 });
    const db = openDatabase(':memory:');
    try {
      const llm = new LlmClient(db, {
        ...DEFAULT_LLM_OPTIONS,
        model: 'claude-haiku-4-5',
        baseURL: fake.baseURL,
        authToken: 'test',
        limits: { requestsPerMinute: 2400, inputTokensPerMinute: 1e9 },
      });
      const vars = (n: number) => ({ current: { name: `Parent ${n}`, description: '' }, children: ['Write reports.', 'Review budgets.'] });
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => llm.ask(RENAME, vars(i))));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(llm.limiter.adaptive.log.learned).toBe(1);
      // How many were under way when the first 429 came back depends on scheduling here; the exact
      // bound is proven on a virtual clock (test/llm/adaptive-limits.test.ts). Far fewer than sent:
      expect(llm.stats.refused[429]).toBeLessThan(50);
      expect(fake.stats().errors[429]).toBe(llm.stats.refused[429]);
    } finally {
      db.close();
    }
  });
});
