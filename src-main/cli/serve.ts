// `task-atlas serve` (also `npm run serve`): the app in a browser over the local HTTP transport.
// The engine (project, jobs, every computation) runs in its own process, the same entry the desktop
// app forks as a utility process; this process only serves files and relays calls and events, so the
// page and its progress never freeze while a job computes. Settings, recent projects and logs live in
// $TASK_ATLAS_HOME (default ~/.task-atlas) or --config; an API key set in Settings lasts this session
// only (kept here, in memory, and handed to a restarted engine), ANTHROPIC_API_KEY is the fallback.
import { join, resolve } from 'node:path';
import type { EngineEvent, EngineEventListener } from '../../src-shared/events';
import type { ProjectInfo } from '../../src-shared/api';
import { findResourcesDir } from '../engine/project';
import { defaultConfigDir } from '../engine/paths';
import { startHttpServer, type HttpServerHandle } from '../http/server';
import { EngineRelay } from '../engine-process/relay';
import { forkNodeEngine } from '../engine-process/node-child';

export interface ServeFlags {
  port?: number;
  project?: string;
  config?: string;
}

export interface Serving {
  server: HttpServerHandle;
  relay: EngineRelay;
  /** Pauses running jobs, closes the project and the engine, then the server. */
  close(): Promise<void>;
}

export interface ServingOptions {
  configDir: string;
  project: string;
  staticDir: string;
  port?: number;
  env?: NodeJS.ProcessEnv;
}

/** Starts the engine process and the HTTP transport in front of it (also used by bench:responsiveness). */
export async function startServing(opts: ServingOptions): Promise<Serving> {
  const listeners = new Set<EngineEventListener>();
  let sessionKey: string | null = null;
  const relay = new EngineRelay({
    spawn: () => forkNodeEngine(opts.env),
    init: () => ({
      configDir: opts.configDir,
      resourcesDir: findResourcesDir(),
      defaultProject: opts.project,
      project: opts.project,
      apiKey: sessionKey,
      keychainAvailable: false,
    }),
    onEvent: (event: EngineEvent) => listeners.forEach((l) => l(event)),
    persistSecret: (key) => (sessionKey = key),
    warn: (event, fields) => process.stderr.write(`${event} ${JSON.stringify(fields)}\n`),
  });
  relay.start();
  const server = await startHttpServer({
    call: (name, args, signal) => relay.call(name, args, signal),
    staticDir: opts.staticDir,
    port: opts.port ?? 5199,
    events: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return {
    server,
    relay,
    async close() {
      await relay.shutdown(20_000);
      await server.close();
    },
  };
}

export async function runServe(opts: ServeFlags): Promise<number> {
  const configDir = opts.config ? resolve(opts.config) : defaultConfigDir();
  const project = resolve(opts.project ?? join(configDir, 'default.sqlite'));
  process.stderr.write('starting the engine (the first start imports the bundled data)…\n');
  const serving = await startServing({ configDir, project, staticDir: resolve('out/web'), port: opts.port });
  const current = await serving.relay.call('project.current', {});
  const path = current.ok ? (current.result as ProjectInfo | null)?.path ?? project : project;
  if (!current.ok) process.stderr.write(`warning: ${current.error.message}\n`);
  // The launch URL carries the per-launch token (in its fragment): only whoever sees this output can
  // use the API; the page at the bare URL cannot.
  process.stdout.write(`Task Atlas is serving ${path}\nOpen ${serving.server.launchUrl}\n(Ctrl+C to stop; running jobs are paused and can be resumed)\n`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await serving.close();
  return 0;
}
