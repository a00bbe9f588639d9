// Analyses beyond the release reproduction: a classification run's report (Figures 5, 8, 10), two
// usage sources compared (Appendix G metrics per level), and the whole project as a review bundle.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PaperReference } from '../../../src-shared/report';
import { compareReports } from '../../../src-shared/compare';
import pkg from '../../../package.json';
import type { Db } from '../../db/open';
import { reproduce } from '../analyze/reproduce';
import { buildProjectReviewBundle } from '../review/bundle';
import { reportRun } from '../review/runs';
import type { ApiHandlers } from './index';

/** The paper's published numbers, when the resources ship them (they do in the app and tests). */
function loadPaper(resourcesDir: string): PaperReference | undefined {
  const file = join(resourcesDir, 'reference', 'paper-figures.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PaperReference) : undefined;
}

export function analysisHandlers(
  getDb: () => Db,
  resourcesDir: string,
): Pick<ApiHandlers, 'analysis.runReport' | 'analysis.compare' | 'review.bundle'> {
  return {
    // Reporting also refreshes the run's thresholded usage source, so Explore can show "run:<name>".
    'analysis.runReport': async (args) => reportRun(getDb(), args.run),
    // Both sides go through the same pure function review mode uses on bundled reports.
    'analysis.compare': async (args) => compareReports(reproduce(getDb(), args.a), reproduce(getDb(), args.b)),
    'review.bundle': async () => buildProjectReviewBundle(getDb(), { appVersion: pkg.version, paper: loadPaper(resourcesDir) }),
  };
}
