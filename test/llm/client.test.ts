// The Claude client against the fake Anthropic server, through the real SDK.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/db/open';
import { DEFAULT_LLM_OPTIONS, LlmClient } from '../../src-main/engine/llm/client';
import { runBatch } from '../../src-main/engine/llm/batches';
import { RateLimiter } from '../../src-main/engine/llm/limiter';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { ASSIGN, RENAME } from '../../src-shared/prompts/hierarchy';
import { costOf } from '../../src-shared/pricing';

let fake: FakeAnthropic;
let db: Db;

const client = (over: Partial<typeof DEFAULT_LLM_OPTIONS> = {}) =>
  new LlmClient(db, { ...DEFAULT_LLM_OPTIONS, model: 'claude-haiku-4-5', baseURL: fake.baseURL, authToken: 'test', ...over });

const renameVars = (n: number) => ({
  current: { name: `Parent ${n}`, description: '' },
  children: [`Write reports number ${n}.`, 'Review budgets.', 'Prepare presentations.'],
});

beforeAll(async () => {
  fake = await startFakeAnthropic({ seed: 7 });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.setOptions({ rate429: 0, rate529: 0, rate500: 0, malformedRate: 0, outOfOptionsRate: 0, retryAfterSeconds: 1 });
  db?.close();
});

describe('LlmClient', () => {
  it('records every response and answers an identical call from the store, not the network', async () => {
    db = openDatabase(':memory:');
    const llm = client();
    const first = await llm.ask(RENAME, renameVars(1));
    const completed = fake.stats().completed;
    const second = await llm.ask(RENAME, renameVars(1));
    expect(first).toEqual(second);
    expect(first.ok).toBe(true);
    expect(fake.stats().completed).toBe(completed);
    expect(llm.stats.cacheHits).toBe(1);
    const row = db.prepare('SELECT prompt_id, prompt_version, model, input_tokens, output_tokens, cost_usd FROM llm_call').get() as Record<string, unknown>;
    expect(row).toMatchObject({ prompt_id: 'hierarchy.rename', prompt_version: '1', model: 'claude-haiku-4-5' });
    expect(row.cost_usd).toBeCloseTo(costOf('claude-haiku-4-5', { inputTokens: row.input_tokens as number, outputTokens: row.output_tokens as number }), 12);
  });

  it('retries 429/529/500 honouring retry-after, and reports what it retried', async () => {
    db = openDatabase(':memory:');
    // 40% of attempts fail: every kind shows up over 60 requests, while no request meets the long
    // failure streak whose exponential backoff (500s carry no retry-after) would take many seconds.
    fake.setOptions({ rate429: 0.2, rate529: 0.1, rate500: 0.1, retryAfterSeconds: 0.02 });
    const llm = client({ maxAttempts: 20, retryBaseMs: 10 });
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => llm.ask(RENAME, renameVars(100 + i))));
    expect(results.every((r) => r.ok)).toBe(true);
    const retried = Object.entries(llm.stats.retries);
    expect(retried.some(([k]) => k.startsWith('HTTP 429'))).toBe(true);
    expect(retried.some(([k]) => k.startsWith('HTTP 529'))).toBe(true);
    expect(retried.some(([k]) => k.startsWith('HTTP 500'))).toBe(true);
    expect(fake.stats().duplicates()).toBe(0);
  });

  it('waits at least the server’s retry-after before retrying a 429', async () => {
    db = openDatabase(':memory:');
    fake.setOptions({ rate429: 1, retryAfterSeconds: 0.3 });
    const llm = client({ maxAttempts: 2 });
    const start = performance.now();
    const r = await llm.ask(RENAME, renameVars(200));
    expect(r).toMatchObject({ ok: false, kind: 'api' });
    expect(performance.now() - start).toBeGreaterThanOrEqual(290);
    expect(llm.stats.retries).toEqual({ [Object.keys(llm.stats.retries)[0]!]: 1 });
  });

  it('sends a correction after an invalid answer, then records a failure', async () => {
    db = openDatabase(':memory:');
    fake.setOptions({ malformedRate: 1 });
    const llm = client({ maxCorrections: 2 });
    const r = await llm.ask(RENAME, renameVars(300));
    expect(r).toMatchObject({ ok: false, kind: 'invalid-answer' });
    expect(llm.stats.sent).toBe(3);
    expect(llm.stats.invalidAnswers).toBe(3);
    const last = db.prepare('SELECT request_json FROM llm_call ORDER BY rowid DESC LIMIT 1').pluck().get() as string;
    expect(JSON.parse(last).messages).toHaveLength(5);
  });

  it('rejects an answer naming an option that was not offered', async () => {
    db = openDatabase(':memory:');
    fake.setOptions({ outOfOptionsRate: 1 });
    const llm = client({ maxCorrections: 1 });
    const vars = {
      options: [
        { id: 'P1', name: 'Manage money', description: 'Budgets.' },
        { id: 'P2', name: 'Write text', description: 'Reports.' },
      ],
      children: [{ id: '1', text: 'Write reports.' }],
    };
    const r = await llm.ask(ASSIGN, vars);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/not one of the option ids/);
  });

  it('marks a long prefix for prompt caching: written once, then read', async () => {
    db = openDatabase(':memory:');
    const llm = client();
    // Past claude-haiku-4-5's minimum cacheable prefix (4096 tokens), or nothing is cached.
    const long = 'Conversation text. '.repeat(1000);
    const req = (q: string) => ({
      model: 'claude-haiku-4-5',
      messages: [
        { role: 'user' as const, content: long },
        { role: 'assistant' as const, content: 'I understand.' },
        { role: 'user' as const, content: q },
      ],
      max_tokens: 100,
    });
    const meta = { promptId: 'test', promptVersion: '1' };
    const a = await llm.complete(req('Question one?'), meta, { cacheMessageIndex: 0 });
    const b = await llm.complete(req('Question two?'), meta, { cacheMessageIndex: 0 });
    expect(a.cacheWriteTokens).toBeGreaterThan(0);
    expect(b.cacheReadTokens).toBe(a.cacheWriteTokens);
    expect(b.inputTokens).toBeLessThan(a.inputTokens + a.cacheWriteTokens);
  });

  it('runs a Message Batch once, stores its answers, and never re-sends them', async () => {
    db = openDatabase(':memory:');
    const llm = client();
    const items = [1, 2, 3, 4, 5].map((n) => ({
      request: { model: 'claude-haiku-4-5', messages: RENAME.render(renameVars(400 + n)).messages, max_tokens: 4096 },
      meta: { promptId: RENAME.id, promptVersion: RENAME.version },
    }));
    const batchesBefore = fake.stats().batches;
    const out = await runBatch(db, llm, items, { pollMs: 50 });
    expect(out).toMatchObject({ cached: 0, succeeded: 5, errored: 0 });
    expect(fake.stats().batches).toBe(batchesBefore + 1);
    const again = await runBatch(db, llm, items, { pollMs: 50 });
    expect(again).toMatchObject({ batchId: null, cached: 5 });
    const completed = fake.stats().completed;
    const answer = await llm.ask(RENAME, renameVars(401));
    expect(answer.ok).toBe(true);
    expect(fake.stats().completed).toBe(completed);
    const viaBatch = db.prepare('SELECT count(*) FROM llm_call WHERE via_batch = 1').pluck().get();
    expect(viaBatch).toBe(5);
  });
});

describe('RateLimiter', () => {
  const cost = (inputTokens: number) => ({ inputTokens, outputTokens: 0 });

  it('lets half a second of the limit through at once (the API refuses bigger bursts), then paces', async () => {
    const limiter = new RateLimiter({ requestsPerMinute: 240, inputTokensPerMinute: 1e9 }); // 4/s: a burst of 2
    await limiter.acquire(cost(1));
    await limiter.acquire(cost(1));
    expect(limiter.waitedMs).toBe(0);
    const start = performance.now();
    await limiter.acquire(cost(1)); // four requests a second once the burst is spent
    expect(limiter.waitedMs).toBeGreaterThan(0);
    expect(performance.now() - start).toBeGreaterThanOrEqual(200);
  });

  it('paces by input tokens too', async () => {
    const limiter = new RateLimiter({ requestsPerMinute: 1e6, inputTokensPerMinute: 120_000 }); // 2,000 tokens/s
    await limiter.acquire(cost(1000));
    const start = performance.now();
    await limiter.acquire(cost(1000)); // 1,000 tokens at 2,000 tokens/s
    expect(performance.now() - start).toBeGreaterThanOrEqual(450);
  });
});

describe('identical requests at once', () => {
  it('are sent once and shared', async () => {
    db = openDatabase(':memory:');
    fake.setOptions({ latencyMs: 100 });
    try {
      const llm = client();
      const before = fake.stats().completed;
      const results = await Promise.all(Array.from({ length: 8 }, () => llm.ask(RENAME, renameVars(900))));
      expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
      expect(fake.stats().completed - before).toBe(1);
      expect(llm.stats.sent).toBe(1);
    } finally {
      fake.setOptions({ latencyMs: 0 });
    }
  });
});
