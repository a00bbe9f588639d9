// `task-atlas serve` (also `npm run serve`): the app in a browser over the local HTTP transport.
import { resolve } from 'node:path';
import { closeProject, importBundledDefaults, openProject } from '../engine/project';
import { createService } from '../engine/service';
import { startHttpServer } from '../http/server';
import { defaultProjectPath } from './project-path';

export async function runServe(opts: { port?: string; project?: string }): Promise<number> {
  const project = openProject(opts.project ? resolve(opts.project) : defaultProjectPath());
  const summary = importBundledDefaults(project, (e) => {
    if (e.phase === 'parse') process.stderr.write(`importing ${e.file}\n`);
  });
  if (summary.imported.length > 0) process.stderr.write(`imported ${summary.imported.length} bundled files\n`);
  const server = await startHttpServer({
    handlers: createService(project),
    staticDir: resolve('out/web'),
    port: opts.port ? Number(opts.port) : 5199,
  });
  process.stdout.write(`Task Atlas is serving ${project.path}\nOpen ${server.url}\n(Ctrl+C to stop)\n`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  closeProject(project);
  return 0;
}
