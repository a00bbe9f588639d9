// Main's (or serve's) side of the relay to the engine process: forwards each contract call and answers it with
// the engine's envelope, passes engine events on, persists API key changes, and keeps an engine
// running. A crash answers the calls in flight with 'unavailable', tells the windows, and forks a new
// engine (which marks the cut-off jobs interrupted, so they are offered for resume). No Electron
// import: the process is handed in as an EngineChild, so tests drive the relay with a fake.
import type { ApiCall, ApiResponse } from '../../src-shared/api';
import type { EngineEvent } from '../../src-shared/events';
import { isFromEngine, unavailable, type EngineInit, type EngineReply, type FromEngine, type ToEngine } from './protocol';

/** A running engine process: Electron's UtilityProcess behind a thin adapter, or a test fake. */
export interface EngineChild {
  postMessage(message: ToEngine): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

export interface EngineRelayOptions {
  spawn: () => EngineChild;
  /** Read at every (re)start: the key may have changed since the last one. */
  init: () => EngineInit;
  onEvent: (event: EngineEvent) => void;
  /** Store (string) or remove (null) the API key; never log it. */
  persistSecret: (key: string | null) => void;
  /** Where relay problems go (never with a call's arguments). */
  warn?: (event: string, fields: Record<string, unknown>) => void;
  /** Wait before the n-th restart within a minute, so a crash at start does not spin. */
  restartDelayMs?: (recentCrashes: number) => number;
  now?: () => number;
}

interface Pending {
  resolve: (reply: EngineReply) => void;
}

const CRASH_WINDOW_MS = 60_000;
const defaultDelay = (n: number) => (n <= 1 ? 0 : Math.min(30_000, 1000 * 2 ** (n - 2)));

export class EngineRelay {
  private child: EngineChild | null = null;
  private ready = false;
  /** Messages waiting for the engine's 'hello' (or for the restart after a crash). */
  private queue: ToEngine[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private crashes: number[] = [];
  private stopping = false;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly opts: EngineRelayOptions) {}

  start(): void {
    this.stopping = false;
    this.spawn();
  }

  /**
   * One contract call; resolves with the engine's envelope, or 'unavailable' if the engine died.
   * Aborting `signal` asks the engine to abort the call's own signal (a preview or import stops).
   */
  call(call: string, args: unknown, signal?: AbortSignal): Promise<ApiResponse<ApiCall>> {
    let callId = 0;
    const onAbort = () => this.send({ type: 'cancel', id: callId });
    const reply = this.request((id) => {
      callId = id;
      return { type: 'call', id, call, args };
    });
    if (!signal) return reply as Promise<ApiResponse<ApiCall>>;
    signal.addEventListener('abort', onAbort, { once: true });
    return reply.finally(() => signal.removeEventListener('abort', onAbort)) as Promise<ApiResponse<ApiCall>>;
  }

  /** Pauses every running job (they resume later); resolves once they stopped. */
  async pauseAll(): Promise<void> {
    await this.request((id) => ({ type: 'pauseAll', id }));
  }

  /** Asks the engine to pause jobs and close the project, then waits for it to exit (or kills it). */
  async shutdown(timeoutMs: number): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child) return;
    this.send({ type: 'shutdown' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([this.exited.then(() => 'exited' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.opts.warn?.('engine.shutdown-timeout', { timeoutMs });
      child.kill();
    }
  }

  private request(build: (id: number) => ToEngine): Promise<EngineReply> {
    if (this.stopping) return Promise.resolve(unavailable('Task Atlas is closing.'));
    const id = this.nextId++;
    return new Promise<EngineReply>((resolve) => {
      this.pending.set(id, { resolve });
      this.send(build(id));
    });
  }

  private send(message: ToEngine): void {
    if (this.child && this.ready) this.child.postMessage(message);
    else this.queue.push(message);
  }

  private spawn(): void {
    const child = this.opts.spawn();
    this.child = child;
    this.ready = false;
    let exit!: () => void;
    this.exited = new Promise<void>((resolve) => (exit = resolve));
    child.onMessage((message) => {
      if (this.child === child && isFromEngine(message)) this.receive(child, message);
    });
    child.onExit((code) => {
      exit();
      if (this.child === child) this.lost(code);
    });
  }

  private receive(child: EngineChild, message: FromEngine): void {
    switch (message.type) {
      case 'hello': {
        this.ready = true;
        child.postMessage({ type: 'init', init: this.opts.init() });
        const waiting = this.queue;
        this.queue = [];
        for (const m of waiting) child.postMessage(m);
        return;
      }
      case 'reply': {
        const p = this.pending.get(message.id);
        this.pending.delete(message.id);
        return p?.resolve(message.response);
      }
      case 'event':
        return this.opts.onEvent(message.event);
      case 'secrets.set':
        return this.persist(message.key);
      case 'secrets.clear':
        return this.persist(null);
    }
  }

  private persist(key: string | null): void {
    try {
      this.opts.persistSecret(key);
    } catch (err) {
      // The message of a keychain failure, never the key itself.
      this.opts.warn?.('secrets.persist-failed', { message: err instanceof Error ? err.message : String(err) });
    }
  }

  /** The engine exited: expected when shutting down, else a crash to report and recover from. */
  private lost(code: number): void {
    this.child = null;
    this.ready = false;
    if (this.stopping) {
      this.answerPending(unavailable('Task Atlas is closing.'));
      return;
    }
    const message = `The engine stopped unexpectedly and was restarted: exit code ${code}. Jobs it was running can be resumed.`;
    this.opts.warn?.('engine.crashed', { code });
    this.answerPending(unavailable(message));
    // Calls queued for the dead engine were answered above (their pending entry): drop the messages.
    this.queue = [];
    this.opts.onEvent({ type: 'engine', status: 'restarted', message });
    const now = (this.opts.now ?? Date.now)();
    this.crashes = [...this.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    const delay = (this.opts.restartDelayMs ?? defaultDelay)(this.crashes.length);
    if (delay <= 0) this.spawn();
    else setTimeout(() => !this.stopping && !this.child && this.spawn(), delay);
  }

  private answerPending(reply: EngineReply): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.resolve(reply);
  }
}
