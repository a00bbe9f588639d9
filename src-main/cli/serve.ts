// `task-atlas serve` (also `npm run serve`): the app in a browser over the local HTTP transport.
// Settings, recent projects and logs live in $TASK_ATLAS_HOME (default ~/.task-atlas) or --config;
// an API key set in Settings lasts this session only (memory), ANTHROPIC_API_KEY is the fallback.
import { join, resolve } from 'node:path';
import { AppHost } from '../engine/host';
import { findResourcesDir, importBundledDefaults } from '../engine/project';
import { createAppService } from '../engine/service';
import { defaultConfigDir } from '../engine/paths';
import { startHttpServer } from '../http/server';
import { startFakeAnthropic } from '../fake-anthropic/server';

export interface ServeFlags {
  port?: number;
  project?: string;
  config?: string;
}

export async function runServe(opts: ServeFlags): Promise<number> {
  const configDir = opts.config ? resolve(opts.config) : defaultConfigDir();
  const host = new AppHost({ configDir, resourcesDir: findResourcesDir(), demoServer: () => startFakeAnthropic({ latencyMs: 5 }) });
  if (opts.project) host.openOrCreate(resolve(opts.project));
  else {
    host.openOrCreate(join(configDir, 'default.sqlite'));
    const summary = importBundledDefaults(host.project, (e) => {
      if (e.phase === 'parse') process.stderr.write(`importing ${e.file}\n`);
    });
    if (summary.imported.length > 0) process.stderr.write(`imported ${summary.imported.length} bundled files\n`);
  }
  const server = await startHttpServer({
    handlers: createAppService(host),
    staticDir: resolve('out/web'),
    port: opts.port ?? 5199,
    logger: host.logger,
    events: (listener) => host.jobs.subscribe(listener),
  });
  process.stdout.write(`Task Atlas is serving ${host.project.path}\nOpen ${server.url}\n(Ctrl+C to stop; running jobs are paused and can be resumed)\n`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await host.close();
  return 0;
}
