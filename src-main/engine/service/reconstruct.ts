// Robustness checks of a run: the Appendix G reconstruction's cost before it starts (with the job's
// own arguments and the settings a job started now would run with, demo mode included, so the app's
// Start and `reconstruct --estimate` show the same figures), and the privacy-threshold sweep (in a
// worker thread: an aggregation per setting).
import type { AppHost } from '../host';
import { estimateReconstruct } from '../reconstruct/estimate';
import { reconstructConfigFrom } from '../jobs/reconstruct-run';
import { offProject } from '../workers/project-tasks';
import type { HandlerGroup } from './types';

export function reconstructHandlers(host: AppHost): HandlerGroup<'reconstruct.estimate' | 'analysis.sensitivity'> {
  return {
    'analysis.sensitivity': async (args, ctx) =>
      offProject(host.project.db, { kind: 'sensitivity', run: args.run, grid: { conversations: args.conversations, accounts: args.accounts } }, ctx.signal),
    'reconstruct.estimate': async (args) => {
      const db = host.project.db;
      return estimateReconstruct(db, reconstructConfigFrom(db, args.config, host.jobSettings()));
    },
  };
}
