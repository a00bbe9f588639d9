// Jobs: start typed long-running work, list it with live progress, pause / cancel / resume it, and
// dismiss finished ones from the tray. All of it is the host's JobRunner.
import type { AppHost } from '../host';
import type { HandlerGroup } from './types';

type JobCalls = 'jobs.start' | 'jobs.list' | 'jobs.cancel' | 'jobs.resume' | 'jobs.dismiss';

export function jobHandlers(host: AppHost): HandlerGroup<JobCalls> {
  return {
    'jobs.start': async (args) => host.jobs.start(args),
    'jobs.list': async () => host.jobs.list(),
    'jobs.cancel': async (args) => host.jobs.cancel(args.id, args.mode),
    'jobs.resume': async (args) => host.jobs.resume(args.id),
    'jobs.dismiss': async (args) => {
      host.jobs.dismiss(args.id);
      return { id: args.id };
    },
  };
}
