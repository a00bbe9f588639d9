// The fake Anthropic server through the real SDK: auth, fault injection, prompt caching, batches,
// hangAfter and the stats the product's tests rely on.
import { afterEach, describe, expect, it } from 'vitest';
import Anthropic from '@anthropic-ai/sdk';
import { ASSIGN, PROPOSE, type AssignVars } from '../../src-shared/prompts/hierarchy';
import { startFakeAnthropic, type FakeAnthropic, type FakeOptions } from '../../src-main/fake-anthropic/server';
import { draw } from '../../src-main/fake-anthropic/faults';
import { semanticHash } from '../../src-main/fake-anthropic/wire';
import { parseFlags } from '../../src-main/fake-anthropic/cli';
import { ask, MODEL, sdk } from './helpers';

const open: FakeAnthropic[] = [];
async function start(opts: FakeOptions = {}): Promise<FakeAnthropic> {
  const fake = await startFakeAnthropic(opts);
  open.push(fake);
  return fake;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

const ASSIGN_VARS: AssignVars = {
  options: [
    { id: 'P1', name: 'Manage budgets', description: 'Prepare budgets.' },
    { id: 'P2', name: 'Develop software', description: 'Write code.' },
  ],
  children: [{ id: '1', text: 'Prepare the annual budget.' }],
};
const PROPOSE_VARS = { tasks: ['Prepare budgets.', 'Write code.'], nearby: [], count: 2 };
const params = (text: string) => ({ model: MODEL, max_tokens: 64, messages: [{ role: 'user' as const, content: text }] });

async function statusOf(p: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof Anthropic.APIError && err.status !== undefined) return err.status;
    throw err;
  }
}

describe('auth and routing', () => {
  it('accepts x-api-key and Bearer tokens, rejects neither with 401', async () => {
    const fake = await start();
    expect(await ask(sdk(fake.baseURL), { messages: [{ role: 'user', content: 'hello' }] })).toMatch(/demo answer/);
    const bearer = new Anthropic({ baseURL: fake.baseURL, authToken: 'tok', maxRetries: 0 });
    expect(await ask(bearer, { messages: [{ role: 'user', content: 'hello' }] })).toMatch(/demo answer/);
    const res = await fetch(`${fake.baseURL}/v1/messages`, { method: 'POST', body: JSON.stringify(params('x')) });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
    const missing = await fetch(`${fake.baseURL}/v1/complete`, { method: 'POST', headers: { 'x-api-key': 'k' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
    const bad = await statusOf(sdk(fake.baseURL).messages.create({ model: MODEL, max_tokens: 5, messages: [] }));
    expect(bad).toBe(400);
    expect(fake.stats().errors).toMatchObject({ 400: 1, 401: 1, 404: 1 });
  });
});

describe('fault injection', () => {
  it('429 carries retry-after; the SDK with retries recovers', async () => {
    const fake = await start({ rate429: 1, retryAfterSeconds: 0.05 });
    const err = await sdk(fake.baseURL).messages.create(params('hello')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.RateLimitError);
    expect((err as InstanceType<typeof Anthropic.APIError>).headers?.get('retry-after')).toBe('0.05');
    // Find a seed whose first attempt draws a 429 and whose retry does not: determinism makes this exact.
    const hash = semanticHash(params('hello'));
    const seed = [...Array(100).keys()].find((s) => draw(s, hash, 0, 'status') < 0.5 && draw(s, hash, 1, 'status') >= 0.5)!;
    const seeded = await start({ rate429: 0.5, seed, retryAfterSeconds: 0.05 });
    const reply = await sdk(seeded.baseURL, { maxRetries: 2 }).messages.create(params('hello'));
    expect(reply.type).toBe('message');
    expect(seeded.stats()).toMatchObject({ requests: 2, completed: 1, errors: { 429: 1 } });
  });

  it('529 and 500 surface as APIError with their status', async () => {
    const fake = await start({ rate529: 1 });
    expect(await statusOf(sdk(fake.baseURL).messages.create(params('a')))).toBe(529);
    fake.setOptions({ rate529: 0, rate500: 1 });
    expect(await statusOf(sdk(fake.baseURL).messages.create(params('a')))).toBe(500);
    fake.setOptions({ rate500: 0 });
    expect(await statusOf(sdk(fake.baseURL).messages.create(params('a')))).toBe('ok');
  });

  it('the same seed and workload meet the same faults', async () => {
    const run = async () => {
      const fake = await start({ rate429: 0.2, rate500: 0.1, malformedRate: 0.2, seed: 7 });
      const client = sdk(fake.baseURL);
      const out = [];
      for (let i = 0; i < 30; i++) out.push(await ask(client, PROPOSE.render({ ...PROPOSE_VARS, count: 1 + (i % 4) })).catch((e: Error) => e.message));
      return out;
    };
    const [a, b] = [await run(), await run()];
    expect(a).toEqual(b);
    expect(new Set(a).size).toBeGreaterThan(4);
  });

  it('malformedRate makes the parser fail; outOfOptionsRate names an unlisted option', async () => {
    const fake = await start({ malformedRate: 1 });
    const client = sdk(fake.baseURL);
    expect(PROPOSE.parse(await ask(client, PROPOSE.render(PROPOSE_VARS)), PROPOSE_VARS).ok).toBe(false);
    expect(ASSIGN.parse(await ask(client, ASSIGN.render(ASSIGN_VARS)), ASSIGN_VARS).ok).toBe(false);
    fake.setOptions({ malformedRate: 0, outOfOptionsRate: 1 });
    const parsed = ASSIGN.parse(await ask(client, ASSIGN.render(ASSIGN_VARS)), ASSIGN_VARS);
    expect(parsed).toMatchObject({ ok: false, error: expect.stringMatching(/is not one of the option ids/) });
    expect(fake.stats()).toMatchObject({ malformed: 2, outOfOptions: 1 });
  });
});

describe('prompt caching', () => {
  it('writes a cached prefix once, then reads it', async () => {
    const fake = await start();
    const client = sdk(fake.baseURL);
    const system = [{ type: 'text' as const, text: 'x'.repeat(8000), cache_control: { type: 'ephemeral' as const } }];
    const call = (q: string) => client.messages.create({ model: MODEL, max_tokens: 50, system, messages: [{ role: 'user', content: q }] });
    const first = await call('first question');
    expect(first.usage).toMatchObject({ cache_creation_input_tokens: 2000, cache_read_input_tokens: 0 });
    const second = await call('second question, longer');
    expect(second.usage).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: 2000 });
    expect(second.usage.input_tokens).toBe(Math.ceil((8000 + 'second question, longer'.length) / 4) - 2000);
    expect(fake.stats()).toMatchObject({ cacheWriteTokens: 2000, cacheReadTokens: 2000 });
  });
});

describe('message batches', () => {
  it('create → retrieve (ended) → results through the SDK', async () => {
    const fake = await start({ batchDelayMs: 100 });
    const client = sdk(fake.baseURL);
    const requests = [1, 2, 3].map((count) => ({
      custom_id: `p${count}`,
      params: { model: MODEL, max_tokens: 500, messages: PROPOSE.render({ ...PROPOSE_VARS, count }).messages },
    }));
    const batch = await client.messages.batches.create({ requests });
    expect(batch).toMatchObject({ type: 'message_batch', processing_status: 'in_progress', request_counts: { processing: 3 } });
    expect(batch.id).toMatch(/^msgbatch_/);
    let got = await client.messages.batches.retrieve(batch.id);
    while (got.processing_status !== 'ended') {
      await new Promise((r) => setTimeout(r, 25));
      got = await client.messages.batches.retrieve(batch.id);
    }
    expect(got.request_counts).toMatchObject({ processing: 0, succeeded: 3 });
    const lines = [];
    for await (const line of await client.messages.batches.results(batch.id)) lines.push(line);
    expect(lines.map((l) => l.custom_id)).toEqual(['p1', 'p2', 'p3']);
    for (const [i, l] of lines.entries()) {
      if (l.result.type !== 'succeeded') throw new Error(l.result.type);
      const text = l.result.message.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
      expect(PROPOSE.parse(text, { ...PROPOSE_VARS, count: i + 1 }).ok).toBe(true);
    }
    expect(fake.stats()).toMatchObject({ batches: 1, batchRequests: 3, requests: 0 });
  });

  it('injected faults become errored lines; cancel ends a batch', async () => {
    const fake = await start({ rate500: 1, batchDelayMs: 0 });
    const client = sdk(fake.baseURL);
    const batch = await client.messages.batches.create({ requests: [{ custom_id: 'a', params: params('hi') }] });
    const lines = [];
    for await (const line of await client.messages.batches.results(batch.id)) lines.push(line);
    expect(lines[0]?.result).toMatchObject({ type: 'errored', error: { type: 'error', error: { type: 'api_error' } } });
    fake.setOptions({ batchDelayMs: 60_000 });
    const slow = await client.messages.batches.create({ requests: [{ custom_id: 'b', params: params('hi') }] });
    const canceled = await client.messages.batches.cancel(slow.id);
    expect(canceled).toMatchObject({ processing_status: 'ended', request_counts: { canceled: 1 } });
    expect(canceled.cancel_initiated_at).not.toBeNull();
  });
});

describe('hangAfter and stats', () => {
  it('hangAfter(2) leaves the third request pending until close', async () => {
    const fake = await startFakeAnthropic();
    const client = sdk(fake.baseURL);
    fake.hangAfter(2);
    await ask(client, { messages: [{ role: 'user', content: 'one' }] });
    await ask(client, { messages: [{ role: 'user', content: 'two' }] });
    let settled = false;
    const third = ask(client, { messages: [{ role: 'user', content: 'three' }] }).finally(() => (settled = true));
    third.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect(settled).toBe(false);
    expect(fake.stats()).toMatchObject({ requests: 3, completed: 2, hanging: 1 });
    await fake.close();
    await expect(third).rejects.toThrow();
  });

  it('counts completions per kind and repeated requests as duplicates', async () => {
    const fake = await start();
    const client = sdk(fake.baseURL);
    await ask(client, ASSIGN.render(ASSIGN_VARS));
    await ask(client, ASSIGN.render(ASSIGN_VARS));
    await ask(client, PROPOSE.render(PROPOSE_VARS));
    const s = fake.stats();
    expect(s).toMatchObject({ requests: 3, completed: 3, byKind: { 'hierarchy.assign': 2, 'hierarchy.propose': 1 } });
    expect(s.completedByHash.size).toBe(2);
    expect(s.duplicates()).toBe(1);
    expect(s.inputTokens).toBeGreaterThan(0);
    expect(s.outputTokens).toBeGreaterThan(0);
  });

  it('parses CLI flags into options', () => {
    expect(parseFlags(['--port', '0', '--latency', '5', '--rate429', '0.1'])).toEqual({ port: 0, latencyMs: 5, rate429: 0.1 });
    expect(() => parseFlags(['--latency', 'soon'])).toThrow(/number/);
  });

  it('throughput: 500 requests at concurrency 16 (printed, not asserted)', async () => {
    const fake = await start();
    const client = sdk(fake.baseURL);
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < 500) {
        const i = next++;
        const vars = { ...ASSIGN_VARS, children: [{ id: '1', text: `Prepare budget number ${i}.` }] };
        await ask(client, ASSIGN.render(vars));
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const seconds = (performance.now() - started) / 1000;
    console.log(`fake-anthropic throughput: ${Math.round(500 / seconds)} requests/s (500 requests, concurrency 16)`);
    expect(fake.stats().completed).toBe(500);
  });
});
