// The desktop relay between Electron's main process and the engine process, over a fake child:
// calls round-trip through the engine's dispatch(), events and key changes come back, a crash answers
// the calls in flight with 'unavailable' and restarts the engine, and shutdown waits for a clean exit.
import { describe, expect, it } from 'vitest';
import { EngineRelay, type EngineRelayOptions } from '../../src-main/engine-process/relay';
import type { BootEngine } from '../../src-main/engine-process/endpoint';
import type { EngineInit } from '../../src-main/engine-process/protocol';
import type { EngineEvent } from '../../src-shared/events';
import type { SourceRef } from '../../src-shared/report';
import { FakeEngineChild, fakeEngine, job, tick, until } from './fakes';

const SOURCE: SourceRef = { id: 'aei-2025-02-10', label: 'The paper', kind: 'release' };

function relayOver(boot: BootEngine, overrides: Partial<EngineRelayOptions> = {}) {
  const children: FakeEngineChild[] = [];
  const events: EngineEvent[] = [];
  const persisted: (string | null)[] = [];
  let apiKey: string | null = 'sk-ant-test-key-1234';
  const init = (): EngineInit => ({ configDir: '/cfg', resourcesDir: null, defaultProject: '/cfg/default.sqlite', apiKey, keychainAvailable: true });
  const relay = new EngineRelay({
    spawn: () => {
      const child = new FakeEngineChild(boot);
      children.push(child);
      return child;
    },
    init,
    onEvent: (e) => events.push(e),
    persistSecret: (key) => {
      persisted.push(key);
      apiKey = key;
    },
    ...overrides,
  });
  relay.start();
  return { relay, children, events, persisted };
}

describe('engine relay', () => {
  it('round-trips a call through the engine dispatch(), validating its arguments there', async () => {
    const engine = fakeEngine({ 'sources.list': async () => [SOURCE] });
    const { relay, children } = relayOver(engine.boot);
    expect(await relay.call('sources.list', {})).toEqual({ ok: true, result: [SOURCE] });
    // dispatch() in the engine rejects bad arguments and unknown calls with the contract's kinds.
    expect(await relay.call('sources.list', { extra: 1 })).toMatchObject({ ok: false, error: { kind: 'invalid-args' } });
    expect(await relay.call('no.such.call', {})).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    // The engine got 'init' before the first call, with the key main decrypted.
    expect(children[0]!.sent[0]).toMatchObject({ type: 'init' });
    expect(engine.booted).toHaveLength(1);
    expect(engine.booted[0]!.secrets.get()).toBe('sk-ant-test-key-1234');
    expect(engine.booted[0]!.secrets.source()).toBe('keychain');
  });

  it('cancels a call in the engine when its caller aborts (a preview whose page went away)', async () => {
    let sawAbort = false;
    const engine = fakeEngine({
      'reference.preview': (_args, ctx) =>
        new Promise((_resolve, reject) => {
          ctx.signal?.addEventListener('abort', () => {
            sawAbort = true;
            reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
          });
        }),
    });
    const { relay } = relayOver(engine.boot);
    const controller = new AbortController();
    const reply = relay.call('reference.preview', { kind: 'onet-tasks', path: '/data/Task Statements.xlsx' }, controller.signal);
    await relay.pauseAll(); // a round trip: the call has reached the engine
    controller.abort();
    expect(await reply).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(sawAbort).toBe(true);
  });

  it('pushes the progress a call reports (reference imports) as an event', async () => {
    const engine = fakeEngine({
      'reference.importFile': async (args, ctx) => {
        ctx.onProgress?.({ file: args.path, rowsRead: 0, phase: 'parse' });
        ctx.onProgress?.({ file: args.path, rowsRead: 42, phase: 'write' });
        return { kind: args.kind, dataset: 'onet', rows: 42, file: args.path, sha256: 'x', replaced: false } as never;
      },
    });
    const { relay, events } = relayOver(engine.boot);
    expect(await relay.call('reference.importFile', { kind: 'onet-tasks', path: '/t.txt' })).toMatchObject({ ok: true });
    await until(() => events.length === 2, 'two progress events');
    expect(events).toEqual([
      { type: 'progress', call: 'reference.importFile', progress: { file: '/t.txt', rowsRead: 0, phase: 'parse' } },
      { type: 'progress', call: 'reference.importFile', progress: { file: '/t.txt', rowsRead: 42, phase: 'write' } },
    ]);
  });

  it('forwards job events pushed by the engine', async () => {
    const engine = fakeEngine({});
    const { relay, events } = relayOver(engine.boot);
    await relay.pauseAll(); // a round trip: the engine is booted
    expect(engine.pauses).toBe(1);
    engine.emitJob(job({ status: 'running' }));
    engine.emitJob(job({ status: 'done' }));
    await until(() => events.length === 2, 'two job events');
    expect(events.map((e) => e.type === 'job' && e.job.status)).toEqual(['running', 'done']);
  });

  it('asks main to persist API key changes made in the engine', async () => {
    const engine = fakeEngine({
      'sources.list': async () => {
        engine.booted[0]!.secrets.set('sk-ant-new-key-5678');
        engine.booted[0]!.secrets.set(null);
        return [];
      },
    });
    const { relay, persisted } = relayOver(engine.boot);
    await relay.call('sources.list', {});
    await until(() => persisted.length === 2, 'two key changes');
    expect(persisted).toEqual(['sk-ant-new-key-5678', null]);
  });

  it('answers calls in flight with "unavailable" when the engine crashes, and restarts it', async () => {
    let hang = true;
    const engine = fakeEngine({ 'sources.list': () => (hang ? new Promise<never>(() => {}) : Promise.resolve([SOURCE])) });
    const { relay, children, events } = relayOver(engine.boot);
    const inFlight = relay.call('sources.list', {});
    await until(() => children[0]!.sent.some((m) => m.type === 'call'), 'the call to reach the engine');
    children[0]!.crash(134);
    const answer = await inFlight;
    expect(answer).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    expect(!answer.ok && answer.error.message).toMatch(/^The engine stopped unexpectedly and was restarted: exit code 134/);
    expect(events).toContainEqual(expect.objectContaining({ type: 'engine', status: 'restarted' }));
    // A new engine was forked and booted; calls work again.
    hang = false;
    expect(await relay.call('sources.list', {})).toEqual({ ok: true, result: [SOURCE] });
    expect(children).toHaveLength(2);
    expect(engine.booted).toHaveLength(2);
  });

  it('waits before restarting an engine that keeps crashing', async () => {
    const delays: number[] = [];
    const engine = fakeEngine({});
    const { relay, children } = relayOver(engine.boot, { restartDelayMs: (n) => (delays.push(n), n >= 2 ? 60_000 : 0) });
    await relay.pauseAll();
    children[0]!.crash(1);
    await until(() => children.length === 2, 'the first restart');
    await relay.pauseAll();
    children[1]!.crash(1);
    await until(() => delays.length === 2, 'the second crash');
    await tick();
    expect(delays).toEqual([1, 2]);
    expect(children).toHaveLength(2); // the second restart is delayed, not immediate
    await relay.shutdown(100);
  });

  it('shuts the engine down cleanly: jobs paused and project closed, no restart', async () => {
    const engine = fakeEngine({ 'sources.list': async () => [] });
    const { relay, children, events } = relayOver(engine.boot);
    await relay.call('sources.list', {});
    await relay.shutdown(5_000);
    expect(engine.closes).toBe(1);
    expect(children[0]!.killed).toBe(false);
    await tick();
    expect(children).toHaveLength(1);
    expect(events.some((e) => e.type === 'engine')).toBe(false);
    expect(await relay.call('sources.list', {})).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
  });

  it('kills an engine that does not exit within the shutdown timeout', async () => {
    const engine = fakeEngine({}, { close: () => new Promise<never>(() => {}) });
    const { relay, children } = relayOver(engine.boot);
    await relay.pauseAll();
    await relay.shutdown(50);
    expect(children[0]!.killed).toBe(true);
  });

  it('answers every call with the reason when the engine cannot boot, instead of crash-looping', async () => {
    const boot: BootEngine = () => {
      throw new Error('settings folder is read-only');
    };
    const { relay, children } = relayOver(boot);
    const answer = await relay.call('sources.list', {});
    expect(answer).toEqual({ ok: false, error: { kind: 'unavailable', message: 'The engine could not start: settings folder is read-only' } });
    expect(children).toHaveLength(1);
  });
});
