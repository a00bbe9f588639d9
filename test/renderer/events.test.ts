// The renderer's event subscription over HTTP: a Server-Sent Events reader on fetch (the token in
// a header), that parses messages split across chunks, reconnects with a growing delay, falls back
// when the server pushes nothing, and says "reload" when the token is stale.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src-shared/events';
import { RESTARTED_MESSAGE } from '../../src-renderer/transport/client';
import { reconnectDelay, sseParser, subscribeHttpEvents, type Delay, type EventStatus } from '../../src-renderer/transport/events';

function stream(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

function manualDelay() {
  const pending: { fn: () => void; ms: number }[] = [];
  const delay: Delay = { set: (fn, ms) => pending.push({ fn, ms }), clear: () => undefined };
  return { delay, pending };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

describe('event stream reader', () => {
  it('parses data messages across chunk boundaries and skips comments', () => {
    const got: string[] = [];
    const feed = sseParser((d) => got.push(d));
    feed(': connected\n\ndata: {"a"');
    feed(':1}\n\n: heartbeat\r\n\r\ndata: x\ndata: y\n\n');
    expect(got).toEqual(['{"a":1}', 'x\ny']);
  });

  it('waits 1, 2, 4 … seconds between reconnects, at most 30', () => {
    expect([1, 2, 3, 6, 10].map(reconnectDelay)).toEqual([1000, 2000, 4000, 30_000, 30_000]);
  });

  it('sends the token, delivers events, and reconnects (then reopens) when the stream ends', async () => {
    const job = { id: 'job-1', status: 'running' };
    const requests: { url: string; token: string | null }[] = [];
    let n = 0;
    const fetchImpl = (async (url: string, init: RequestInit) => {
      requests.push({ url, token: new Headers(init.headers).get('x-task-atlas-token') });
      n++;
      if (n === 2) throw new TypeError('network down');
      return new Response(stream([': connected\n\n', `data: ${JSON.stringify({ type: 'job', job })}\n\n`]), { status: 200 });
    }) as unknown as typeof fetch;
    const { delay, pending } = manualDelay();
    const events: EngineEvent[] = [];
    const status: EventStatus[] = [];
    const stop = subscribeHttpEvents(() => 'tok', fetchImpl, delay)((e) => events.push(e), (s) => status.push(s));
    await flush();
    expect(requests).toEqual([{ url: '/api/events', token: 'tok' }]);
    expect(events).toEqual([{ type: 'job', job }]);
    expect(status).toEqual(['open', 'closed']);
    expect(pending.map((p) => p.ms)).toEqual([1000]);
    pending.shift()!.fn(); // reconnect fails: wait longer
    await flush();
    expect(status).toEqual(['open', 'closed', 'closed']);
    expect(pending.map((p) => p.ms)).toEqual([2000]);
    pending.shift()!.fn(); // reconnects: the store refetches on this 'open'
    await flush();
    expect(status.slice(3)).toEqual(['open', 'closed']);
    expect(pending.map((p) => p.ms)).toEqual([1000]);
    stop();
  });

  it('reports a server without events as unsupported, and a stale token as a reload', async () => {
    const status: EventStatus[] = [];
    const events: EngineEvent[] = [];
    const answer = (code: number) => (async () => new Response(code === 204 ? null : '{}', { status: code })) as unknown as typeof fetch;
    subscribeHttpEvents(() => 't', answer(404), manualDelay().delay)((e) => events.push(e), (s) => status.push(s));
    subscribeHttpEvents(() => 't', answer(204), manualDelay().delay)((e) => events.push(e), (s) => status.push(s));
    subscribeHttpEvents(() => 't', answer(401), manualDelay().delay)((e) => events.push(e), (s) => status.push(s));
    await flush();
    expect(status).toEqual(['unsupported', 'unsupported']);
    expect(events).toEqual([{ type: 'engine', status: 'stale', message: RESTARTED_MESSAGE }]);
  });
});
