// Jobs: start typed long-running work, list it with live progress, pause / cancel / resume it, and
// dismiss finished ones from the tray. host.startJob checks a start first — the key, model and
// network, a classification's datasets and hierarchy, an export's folder — so what is missing is
// refused before any job row exists, never shown as a failed job offering "Resume".
import type { AppHost } from '../host';
import type { HandlerGroup } from './types';

type JobCalls = 'jobs.start' | 'jobs.list' | 'jobs.cancel' | 'jobs.resume' | 'jobs.dismiss';

export function jobHandlers(host: AppHost): HandlerGroup<JobCalls> {
  return {
    'jobs.start': async (args) => host.startJob(args),
    'jobs.list': async () => host.jobs.list(),
    'jobs.cancel': async (args) => host.jobs.cancel(args.id, args.mode),
    'jobs.resume': async (args) => host.jobs.resume(args.id),
    'jobs.dismiss': async (args) => {
      host.jobs.dismiss(args.id);
      return { id: args.id };
    },
  };
}
