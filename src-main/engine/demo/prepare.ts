// demo.start and demo.stop: switch to the demo project and fill it with what a demo needs (the
// bundled reference data and the sample corpus), and back. The corpus goes in through the app's own
// "conversations.import" job, so it shows in the job tray like any import.
import { existsSync } from 'node:fs';
import type { DemoStartResult, DemoStatus } from '../../../src-shared/demo';
import { DEMO_DATASET } from '../../../src-shared/demo';
import type { AppHost } from '../host';
import { importBundledDefaults } from '../project';
import { sha256File } from '../base/hash';
import { expandPath } from '../paths';
import { DEMO_CORPUS, demoCorpusFile } from './resources';

/** Opens (creating) the demo project in demo mode and imports what is not there yet. */
export async function startDemo(host: AppHost, path?: string): Promise<DemoStartResult> {
  const file = expandPath(path ?? host.demo.defaultProject);
  // The server first: if it cannot start, nothing has been switched.
  await host.demo.ensureServer();
  const before = host.hasProject ? host.project.path : null;
  const previous = before === file ? null : before;
  host.openOrCreate(file);
  host.demo.enter(file, previous);
  // The demo file is never offered as a recent project: a restart reopens the real one.
  host.recent.remove(file);
  host.logger.info('demo.started', { project: file });
  importBundledDefaults(host.project);
  await importCorpus(host);
  return { project: host.info(), previous: host.demo.status(file).previous, dataset: DEMO_DATASET, conversations: corpusSize(host) };
}

/** Leaves demo mode and reopens the project that was open before it (when it still exists). */
export function stopDemo(host: AppHost): DemoStatus {
  const current = host.hasProject ? host.project.path : null;
  const demoProject = host.demo.status(current).project;
  const previous = host.demo.leave();
  if (previous && existsSync(previous)) host.openProject(previous);
  host.logger.info('demo.stopped', { project: demoProject, reopened: previous });
  return host.demo.status(host.hasProject ? host.project.path : null);
}

async function importCorpus(host: AppHost): Promise<void> {
  for (const { file, format } of DEMO_CORPUS) {
    const path = demoCorpusFile(host.resourcesDir, file);
    if (alreadyImported(host, path)) continue;
    const job = host.startJob({ kind: 'conversations.import', args: { path, format, dataset: DEMO_DATASET } });
    const done = await host.jobs.wait(job.id);
    if (done.status !== 'done') throw new Error(`importing the demo corpus ${file} ended ${done.status}: ${done.error?.message ?? ''}`);
  }
}

function alreadyImported(host: AppHost, path: string): boolean {
  const row = host.project.db
    .prepare("SELECT 1 FROM conversation_import WHERE dataset = ? AND sha256 = ? AND status = 'complete'")
    .get(DEMO_DATASET, sha256File(path));
  return row !== undefined;
}

function corpusSize(host: AppHost): number {
  return host.project.db.prepare('SELECT count(*) FROM conversation WHERE dataset = ?').pluck().get(DEMO_DATASET) as number;
}
