// Analyses beyond the release reproduction: a classification run's report (Figures 5, 8, 10), two
// usage sources compared (Appendix G metrics per level), and the whole project as a review bundle.
import pkg from '../../../package.json';
import type { Db } from '../../db/open';
import { loadPaper } from '../analyze/paper';
import { lastReference } from '../classify/report';
import { runReportAsync } from '../classify/report-async';
import { loadReport } from '../reconstruct/store';
import { offProject } from '../workers/project-tasks';
import { installationSigningKey } from '../settings/signing-key';
import type { ApiHandlers } from './types';

export function analysisHandlers(
  getDb: () => Db,
  resourcesDir: string,
): Pick<ApiHandlers, 'analysis.runReport' | 'analysis.compare' | 'analysis.reconstruction' | 'review.bundle'> {
  return {
    // Reporting also refreshes the run's thresholded usage source, so Explore can show "run:<name>".
    // The aggregation runs in a worker thread (seconds to minutes at 1M conversations).
    'analysis.runReport': async (args) => runReportAsync(getDb(), args.run, lastReference(getDb(), args.run), { summary: args.summary }),
    // Both sides go through the same pure function review mode uses on bundled reports.
    'analysis.compare': async (args) => offProject(getDb(), { kind: 'compare', a: args.a, b: args.b }),
    // The stored report of the run's last finished reconstruction (job "reconstruct.run"), or null.
    'analysis.reconstruction': async (args) => loadReport(getDb(), args.run),
    // A bundle reports every finished run: worker thread too, given this installation's signing key.
    'review.bundle': async () =>
      offProject(getDb(), {
        kind: 'bundle',
        options: { appVersion: pkg.version, paper: loadPaper(resourcesDir) ?? undefined, signingKey: installationSigningKey() },
      }),
  };
}
