// The engine process's side of the relay: boots the engine on 'init', answers every call with the
// same dispatch() the HTTP transport uses, pushes job updates as EngineEvents, and on 'shutdown'
// pauses the jobs and closes the project before exiting. Pure: the port and the boot function are
// handed in, so tests drive it with a fake port and the entry file (index.ts) wires the real one.
import { dispatch } from '../engine/dispatch';
import type { Logger } from '../engine/log';
import type { ApiHandlers } from '../engine/service';
import type { SecretStore } from '../engine/settings/secrets';
import type { JobInfo } from '../../src-shared/jobs';
import { isToEngine, unavailable, type EngineInit, type FromEngine, type MessagePortLike, type ToEngine } from './protocol';
import { RelayedSecretStore } from './secrets';

/** What a booted engine offers the endpoint (an AppHost and its service, or a test double). */
export interface EngineParts {
  handlers: ApiHandlers;
  logger: Logger;
  jobs: {
    on(event: 'update', listener: (job: JobInfo) => void): unknown;
    pauseAll(): Promise<void>;
  };
  /** Pauses jobs and closes the project. */
  close(): Promise<void>;
}

export type BootEngine = (init: EngineInit, secrets: SecretStore) => EngineParts;

export class EngineEndpoint {
  private parts: EngineParts | null = null;
  private bootError: string | null = null;
  private shuttingDown = false;
  /** Each call in flight, so a 'cancel' from main aborts the signal its handler watches. */
  private readonly inFlight = new Map<number, AbortController>();

  constructor(
    private readonly port: MessagePortLike<unknown, FromEngine>,
    private readonly boot: BootEngine,
    private readonly exit: (code: number) => void,
  ) {}

  /** Starts listening and tells main the engine is up (main then sends 'init'). */
  start(): void {
    this.port.onMessage((message) => {
      if (isToEngine(message)) void this.handle(message);
    });
    this.port.postMessage({ type: 'hello' });
  }

  private async handle(message: ToEngine): Promise<void> {
    switch (message.type) {
      case 'init':
        return this.init(message.init);
      case 'call':
        return this.reply(message.id, await this.call(message.id, message.call, message.args));
      case 'cancel':
        return this.inFlight.get(message.id)?.abort();
      case 'pauseAll':
        await this.parts?.jobs.pauseAll().catch((err: unknown) => this.parts?.logger.error('jobs.pause-failed', { message: String(err) }));
        return this.reply(message.id, { ok: true, result: null });
      case 'shutdown':
        return this.shutdown();
    }
  }

  private init(init: EngineInit): void {
    if (this.parts || this.bootError) return; // one engine per process
    const secrets = new RelayedSecretStore(init, (key) =>
      this.port.postMessage(key === null ? { type: 'secrets.clear' } : { type: 'secrets.set', key }),
    );
    try {
      this.parts = this.boot(init, secrets);
    } catch (err) {
      // Without a host every call fails with this message; restarting would only fail again.
      this.bootError = err instanceof Error ? err.message : String(err);
      return;
    }
    this.parts.jobs.on('update', (job) => this.port.postMessage({ type: 'event', event: { type: 'job', job } }));
  }

  private async call(id: number, call: string, args: unknown) {
    if (this.shuttingDown) return unavailable('The engine is shutting down.');
    if (this.bootError) return unavailable(`The engine could not start: ${this.bootError}`);
    if (!this.parts) return unavailable('The engine is still starting.');
    const controller = new AbortController();
    this.inFlight.set(id, controller);
    try {
      // Calls that report progress (reference imports) push it as an event: the page importing shows it.
      const onProgress = (progress: unknown) => this.port.postMessage({ type: 'event', event: { type: 'progress', call, progress } });
      return await dispatch(this.parts.handlers, call, args, { transport: 'ipc', logger: this.parts.logger, signal: controller.signal, onProgress });
    } finally {
      this.inFlight.delete(id);
    }
  }

  private reply(id: number, response: Extract<FromEngine, { type: 'reply' }>['response']): void {
    this.port.postMessage({ type: 'reply', id, response });
  }

  private async shutdown(): Promise<void> {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    try {
      await this.parts?.close();
    } catch (err) {
      this.parts?.logger.error('app.close-failed', { message: String(err) });
    }
    this.exit(0);
  }
}
