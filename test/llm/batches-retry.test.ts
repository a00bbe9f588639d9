// Polling a Message Batch (retrieve, results) survives the transient faults a direct request
// survives: the fake server answers batch polls with 529/429/500 (batchPollFaultRate), and runBatch
// retries them with the client's policy, counts them, and keeps the stored batch id for a resume.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/db/open';
import { DEFAULT_LLM_OPTIONS, LlmApiError, LlmClient } from '../../src-main/engine/llm/client';
import { runBatch, type BatchItem } from '../../src-main/engine/llm/batches';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { RENAME } from '../../src-shared/prompts/hierarchy';

let fake: FakeAnthropic;
let db: Db;

/**
 * Backoff bounded at 100 ms: a 500 carries no retry-after, and a long run of faults (random batch ids
 * draw a new run each time) doubled the wait to 30 s and once took the test past its minute.
 */
const client = (over: Partial<typeof DEFAULT_LLM_OPTIONS> = {}) =>
  new LlmClient(db, { ...DEFAULT_LLM_OPTIONS, model: 'claude-haiku-4-5', baseURL: fake.baseURL, authToken: 'test', retryBaseMs: 5, retryMaxMs: 100, ...over });

/** Distinct requests per test (a prefix), so no test finds another's answers or batch. */
const items = (prefix: string, n: number): BatchItem[] =>
  Array.from({ length: n }, (_, i) => ({
    request: {
      model: 'claude-haiku-4-5',
      messages: RENAME.render({ current: { name: `${prefix} ${i}`, description: '' }, children: [`Task ${prefix} ${i}.`, 'Review budgets.'] }).messages,
      max_tokens: 4096,
    },
    meta: { promptId: RENAME.id, promptVersion: RENAME.version },
  }));

const batchStatus = () => db.prepare('SELECT id, status FROM llm_batch').all() as { id: string; status: string }[];

beforeAll(async () => {
  // The batch stays in progress for 600 ms of 10 ms polls: dozens of polls, so each kind of fault the
  // fake cycles through (529, 429, 500 by poll number) is met however slowly the machine polls.
  fake = await startFakeAnthropic({ seed: 3, batchDelayMs: 600, retryAfterSeconds: 0.01 });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.setOptions({ batchPollFaultRate: 0, retryAfterSeconds: 0.01 });
  db?.close();
});

describe('Message Batches polling', () => {
  it('retries 529/429/500 on retrieve and results, and takes every answer exactly once', async () => {
    db = openDatabase(':memory:');
    fake.setOptions({ batchPollFaultRate: 0.6 });
    const llm = client({ maxAttempts: 30 });
    const batchesBefore = fake.stats().batches;
    const out = await runBatch(db, llm, items('flaky', 6), { pollMs: 10 });
    expect(out).toMatchObject({ cached: 0, succeeded: 6, errored: 0 });
    expect(fake.stats().batches).toBe(batchesBefore + 1);
    const reasons = Object.keys(llm.stats.retries);
    expect(reasons.some((r) => r.startsWith('HTTP 529'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('HTTP 429') || r.startsWith('HTTP 500'))).toBe(true);
    expect(db.prepare('SELECT count(*) FROM llm_call WHERE via_batch = 1').pluck().get()).toBe(6);
    expect(batchStatus()).toEqual([{ id: out.batchId, status: 'done' }]);
  });

  it('gives up after maxAttempts, keeps the batch open, and a later run resumes the same batch', async () => {
    db = openDatabase(':memory:');
    fake.setOptions({ batchPollFaultRate: 1 });
    const batch = items('down', 3);
    const batchesBefore = fake.stats().batches;
    const failed = runBatch(db, client({ maxAttempts: 3 }), batch, { pollMs: 10 });
    await expect(failed).rejects.toBeInstanceOf(LlmApiError);
    await expect(failed).rejects.toThrow(/HTTP (529|429|500).*\(after 3 attempts\)/);
    const [open] = batchStatus();
    expect(open?.status).toBe('open');

    fake.setOptions({ batchPollFaultRate: 0 });
    const out = await runBatch(db, client(), batch, { pollMs: 10 });
    expect(out).toMatchObject({ batchId: open!.id, succeeded: 3 });
    expect(fake.stats().batches).toBe(batchesBefore + 1); // resumed, not paid for twice
  });

  it('stops waiting between retries as soon as the run is cancelled', async () => {
    db = openDatabase(':memory:');
    fake.setOptions({ batchPollFaultRate: 1, retryAfterSeconds: 30 });
    const controller = new AbortController();
    const started = performance.now();
    const run = runBatch(db, client({ maxAttempts: 10 }), items('cancel', 2), { pollMs: 10, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
