// Jobs: start typed long-running work, list it with live progress, pause / cancel / resume it, and
// dismiss finished ones from the tray. A start is checked first — the key, model and network
// (host.startJob) and, for a classification, that its datasets and hierarchy exist — so what is
// missing is refused before any job row exists, never shown as a failed job offering "Resume".
import type { JobStart } from '../../../src-shared/jobs';
import type { Db } from '../../db/open';
import { NotFoundError } from '../errors';
import type { AppHost } from '../host';
import type { HandlerGroup } from './types';

type JobCalls = 'jobs.start' | 'jobs.list' | 'jobs.cancel' | 'jobs.resume' | 'jobs.dismiss';

export function jobHandlers(host: AppHost): HandlerGroup<JobCalls> {
  return {
    'jobs.start': async (args) => {
      checkInputsExist(host.project.db, args);
      return host.startJob(args);
    },
    'jobs.list': async () => host.jobs.list(),
    'jobs.cancel': async (args) => host.jobs.cancel(args.id, args.mode),
    'jobs.resume': async (args) => host.jobs.resume(args.id),
    'jobs.dismiss': async (args) => {
      host.jobs.dismiss(args.id);
      return { id: args.id };
    },
  };
}

/** A classification of datasets or a hierarchy the project does not have would only fail later. */
function checkInputsExist(db: Db, start: JobStart): void {
  if (start.kind !== 'classify.run') return;
  const hasDataset = db.prepare('SELECT 1 FROM conversation WHERE dataset = ? LIMIT 1').pluck();
  const missing = start.args.datasets.filter((d) => hasDataset.get(d) === undefined);
  if (missing.length > 0) {
    const names = missing.map((d) => `"${d}"`).join(', ');
    throw new NotFoundError(`no conversations in dataset${missing.length === 1 ? '' : 's'} ${names}: import them in the Conversations step first`);
  }
  if (db.prepare('SELECT 1 FROM hierarchy WHERE id = ?').get(start.args.hierarchyId) === undefined) {
    throw new NotFoundError(`no hierarchy "${start.args.hierarchyId}" in this project: build or import one in the Hierarchy step first`);
  }
}
