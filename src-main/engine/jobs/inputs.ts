// What a job needs from the project, checked before its job row exists (by host.startJob and
// startOrResume, so the app, the browser and the CLI refuse the same starts the same way): a
// classification's datasets (complete ones: part of a file would classify as if it were the whole
// dataset) and hierarchy, an export's target folder (never a folder of the user's own files).
import type { JobStart } from '../../../src-shared/jobs';
import type { Db } from '../../db/open';
import { NotFoundError } from '../errors';
import { refuseForeignTarget } from '../export/staging';
import { requireCompleteDatasets } from '../ingest/conversations';
import { expandPath } from '../paths';
import { finishedRun } from '../reconstruct/config';

export function checkJobInputs(db: Db, start: JobStart): void {
  if (start.kind === 'export.run') refuseForeignTarget(expandPath(start.args.outDir));
  if (start.kind === 'reconstruct.run') finishedRun(db, start.args.run);
  if (start.kind !== 'classify.run') return;
  const hasDataset = db.prepare('SELECT 1 FROM conversation WHERE dataset = ? LIMIT 1').pluck();
  const missing = start.args.datasets.filter((d) => hasDataset.get(d) === undefined);
  if (missing.length > 0) {
    const names = missing.map((d) => `"${d}"`).join(', ');
    throw new NotFoundError(`no conversations in dataset${missing.length === 1 ? '' : 's'} ${names}: import them in the Conversations step first`);
  }
  requireCompleteDatasets(db, start.args.datasets);
  if (db.prepare('SELECT 1 FROM hierarchy WHERE id = ?').get(start.args.hierarchyId) === undefined) {
    throw new NotFoundError(`no hierarchy "${start.args.hierarchyId}" in this project: build or import one in the Hierarchy step first`);
  }
}
