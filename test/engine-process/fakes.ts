// An engine process without a process: an EngineEndpoint behind a fake EngineChild, messages
// structured-cloned and delivered on a later tick as they would be across a real process boundary.
import { EventEmitter } from 'node:events';
import type { ApiHandlers } from '../../src-main/engine/service';
import type { SecretStore } from '../../src-main/engine/settings/secrets';
import { createLogger } from '../../src-main/engine/log';
import { EngineEndpoint, type BootEngine, type EngineParts } from '../../src-main/engine-process/endpoint';
import type { EngineInit, ToEngine } from '../../src-main/engine-process/protocol';
import type { EngineChild } from '../../src-main/engine-process/relay';
import type { JobInfo } from '../../src-shared/jobs';

const later = (fn: () => void) => setImmediate(fn);

export class FakeEngineChild implements EngineChild {
  readonly sent: ToEngine[] = [];
  killed = false;
  private readonly toEngine = new EventEmitter();
  private readonly fromEngine = new EventEmitter();
  private exited = false;

  constructor(boot: BootEngine) {
    const port = {
      postMessage: (message: unknown) => {
        const copy = structuredClone(message);
        later(() => !this.exited && this.fromEngine.emit('message', copy));
      },
      onMessage: (listener: (message: unknown) => void) => this.toEngine.on('message', listener),
    };
    later(() => new EngineEndpoint(port, boot, (code) => this.crash(code)).start());
  }

  postMessage(message: ToEngine): void {
    this.sent.push(message);
    const copy = structuredClone(message);
    later(() => !this.exited && this.toEngine.emit('message', copy));
  }

  onMessage(listener: (message: unknown) => void): void {
    this.fromEngine.on('message', listener);
  }

  onExit(listener: (code: number) => void): void {
    this.fromEngine.on('exit', listener);
  }

  kill(): void {
    this.killed = true;
    this.crash(143);
  }

  /** The process ends (a crash, or the endpoint's own exit after 'shutdown'). */
  crash(code: number): void {
    if (this.exited) return;
    this.exited = true;
    later(() => this.fromEngine.emit('exit', code));
  }
}

/** A booted engine over a partial handler table; records what boot received. */
export function fakeEngine(handlers: Partial<ApiHandlers>, opts: { close?: () => Promise<void> } = {}) {
  const jobs = new EventEmitter();
  const booted: { init: EngineInit; secrets: SecretStore }[] = [];
  let pauses = 0;
  let closes = 0;
  const boot: BootEngine = (init, secrets) => {
    booted.push({ init, secrets });
    const parts: EngineParts = {
      handlers: handlers as ApiHandlers,
      logger: createLogger(null),
      jobs: {
        on: (event, listener) => jobs.on(event, listener),
        pauseAll: async () => void pauses++,
      },
      close: opts.close ?? (async () => void closes++),
    };
    return parts;
  };
  return {
    boot,
    booted,
    emitJob: (job: JobInfo) => jobs.emit('update', job),
    get pauses() {
      return pauses;
    },
    get closes() {
      return closes;
    },
  };
}

export function job(overrides: Partial<JobInfo> = {}): JobInfo {
  return {
    id: 'j1',
    kind: 'hierarchy.build',
    label: 'Hierarchy build',
    args: {},
    status: 'running',
    progress: { phase: 'L1 propose', done: 5, total: 20, failed: 0, fromCheckpoint: 0, elapsedMs: 10, etaMs: 30 },
    startedAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:01.000Z',
    finishedAt: null,
    attempts: 1,
    error: null,
    result: null,
    ...overrides,
  };
}

export const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

/** Waits until `check` holds (a few ticks at most). */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await tick();
  }
  throw new Error(`timed out waiting for ${what}`);
}
