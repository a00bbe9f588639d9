// The client's rate limiting against a server that enforces its own limit, on a virtual clock (the
// fake server's token buckets and the client's limiter share it): no waiting, exact arithmetic.
// Minutes of traffic are simulated in milliseconds, so "does not overshoot afterwards" is a count.
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src-main/engine/llm/limiter';
import { AdaptiveRate } from '../../src-main/engine/llm/adaptive-rate';
import { InFlightGate } from '../../src-main/engine/llm/concurrency';
import { FakeRateLimits } from '../../src-main/fake-anthropic/rate-limits';
import { CancelledError } from '../../src-main/engine/errors';

interface SimResult {
  /** Requests the server admitted per minute of simulated time (index = minute). */
  admitted: number[];
  refused: number[];
  cuts: number;
  learned: number;
}

function simulate(o: { serverRpm: number; clientRpm: number; headers: boolean; minutes: number; latencyMs: number }): SimResult {
  let t = 0;
  const now = () => t;
  const server = new FakeRateLimits(now);
  server.configure({ requestsPerMinute: o.serverRpm, inputTokensPerMinute: 0, outputTokensPerMinute: 0 });
  const client = new RateLimiter({ requestsPerMinute: o.clientRpm, inputTokensPerMinute: 1e12 }, now);
  const admitted = new Array<number>(o.minutes).fill(0);
  const refused = new Array<number>(o.minutes).fill(0);
  // Refusals reach the client one latency after the request was sent.
  const pending: { at: number; sentAt: number; retryAfterMs: number }[] = [];
  const cost = { inputTokens: 100, outputTokens: 10 };
  while (t < o.minutes * 60_000) {
    while (pending.length > 0 && pending[0]!.at <= t) {
      const p = pending.shift()!;
      const serverLimits = o.headers ? { requestsPerMinute: o.serverRpm } : {};
      client.refused({ status: 429, retryAfterMs: p.retryAfterMs, serverLimits, sentAt: p.sentAt });
    }
    const wait = client.tryTake(cost);
    if (wait === 0) {
      const minute = Math.floor(t / 60_000);
      const refusal = server.admit();
      if (refusal) {
        refused[minute]!++;
        pending.push({ at: t + o.latencyMs, sentAt: t, retryAfterMs: refusal.retryAfterMs });
      } else admitted[minute]!++;
      continue;
    }
    t = Math.min(t + wait, pending[0]?.at ?? Infinity);
  }
  return { admitted, refused, cuts: client.adaptive.log.cuts, learned: client.adaptive.log.learned };
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('rate limiting against a server that enforces its limit', () => {
  it('configured right: uses the whole limit and is never refused', () => {
    const r = simulate({ serverRpm: 600, clientRpm: 600, headers: true, minutes: 5, latencyMs: 200 });
    expect(sum(r.refused)).toBe(0);
    // After the first minute (which includes the half-second starting burst) exactly the limit.
    for (const m of r.admitted.slice(1)) expect(m).toBeGreaterThanOrEqual(0.99 * 600);
    for (const m of r.admitted.slice(1)) expect(m).toBeLessThanOrEqual(600 + 1);
  });

  it('configured too high, server states its limit: adopts it at the first 429, then never overshoots', () => {
    const r = simulate({ serverRpm: 600, clientRpm: 1200, headers: true, minutes: 5, latencyMs: 200 });
    expect(r.learned).toBe(1);
    expect(r.cuts).toBe(0);
    expect(sum(r.refused.slice(1))).toBe(0);
    // Only the requests already under way when the first refusal came back were refused.
    expect(r.refused[0]).toBeLessThanOrEqual(Math.ceil((1200 / 60) * 0.2) + 2);
    for (const m of r.admitted.slice(1)) expect(m).toBeGreaterThanOrEqual(0.99 * 600);
  });

  it('configured too high, no stated limit: AIMD settles below the limit and stops being refused', () => {
    const r = simulate({ serverRpm: 600, clientRpm: 1200, headers: false, minutes: 6, latencyMs: 200 });
    expect(r.cuts).toBeGreaterThan(0);
    // Settled within three minutes: no refusal after that, and most of the limit used.
    expect(sum(r.refused.slice(3))).toBe(0);
    for (const m of r.admitted.slice(3)) {
      expect(m).toBeLessThanOrEqual(600);
      expect(m).toBeGreaterThanOrEqual(0.8 * 600);
    }
  });
});

describe('AdaptiveRate', () => {
  it('tolerates a few 429s at a limit the server confirms (bunched arrivals), then cuts', () => {
    let t = 0;
    const rate = new AdaptiveRate({ requestsPerMinute: 600, inputTokensPerMinute: 1e9 }, () => t);
    const refuse = () => rate.refused({ status: 429, retryAfterMs: 100, serverLimits: { requestsPerMinute: 600 }, sentAt: t++ });
    expect([refuse(), refuse()]).toEqual(['jitter', 'jitter']);
    expect(rate.effective().requestsPerMinute).toBeCloseTo(600, 6);
    expect(refuse()).toBe('cut');
    expect(rate.effective().requestsPerMinute).toBeCloseTo(420, 0);
    // A refusal of a request sent before that reaction was sent at the old rate: ignored.
    expect(rate.refused({ status: 529, retryAfterMs: null, serverLimits: {}, sentAt: 0 })).toBe('ignored');
    expect(rate.pausedForMs()).toBeGreaterThan(0);
  });
});

describe('InFlightGate', () => {
  it('sizes in-flight requests by Little’s law from the allowed rate and the observed latency', async () => {
    const gate = new InFlightGate(256, () => 100);
    // 100 answers at 200 ms pull the moving average from its 1 s start to 200 ms.
    for (let i = 0; i < 100; i++) {
      await gate.enter();
      gate.leave(200);
    }
    expect(gate.observedLatencyMs).toBeCloseTo(200, 0);
    expect(gate.target).toBeGreaterThanOrEqual(27); // ceil(100/s × 0.2 s × 1.3 headroom) + 1
    expect(gate.target).toBeLessThanOrEqual(28);
    expect(new InFlightGate(10, () => 100).target).toBe(10); // bounded
    expect(new InFlightGate(10, () => 0).target).toBe(1);
  });

  it('holds a request until one in flight leaves', async () => {
    const gate = new InFlightGate(2, () => 1000);
    await gate.enter();
    await gate.enter();
    let third = false;
    const waiting = gate.enter().then(() => (third = true));
    await new Promise((r) => setImmediate(r));
    expect(third).toBe(false);
    gate.leave(100);
    await waiting;
    expect(third).toBe(true);
    expect(gate.peak).toBe(2);
  });

  it('lets a cancelled waiter go without losing a slot', async () => {
    const gate = new InFlightGate(1, () => 1000);
    await gate.enter();
    const ctl = new AbortController();
    const cancelled = gate.enter(ctl.signal);
    ctl.abort();
    await expect(cancelled).rejects.toBeInstanceOf(CancelledError);
    const next = gate.enter();
    gate.leave();
    await next; // the freed slot went to the live waiter, not the cancelled one
    expect(gate.peak).toBe(1);
  });
});
