// `export --replication`: the analyses' input tables plus replicate.R, replicate.py and replicate.do,
// which recompute the headline tables from those inputs and compare them with the exported results.
import type { Db } from '../../../db/open';
import { InvalidInputError } from '../../errors';
import { loadInputs } from '../../analyze/inputs';
import type { Table } from '../table';
import type { ExportFormat } from '../write';
import { replicationTables } from './tables';
import { REPLICATE_PY } from './replicate-py';
import { REPLICATE_R } from './replicate-r';
import { REPLICATE_DO } from './replicate-do';

export { replicationTables } from './tables';

/** The input tables of `sourceId` (a release, or a run's thresholded source run:<id>). */
export function replicationInputs(db: Db, sourceId: string, formats: readonly ExportFormat[]): Table[] {
  // The scripts read csv/: without it they would have nothing to read.
  if (!formats.includes('csv')) throw new InvalidInputError('--replication needs the csv format (the replication scripts read csv/*.csv)');
  return replicationTables(loadInputs(db, sourceId));
}

/** The scripts as files at the export's top level, next to csv/. */
export function replicationScripts(): Map<string, Buffer> {
  return new Map([
    ['replicate.R', Buffer.from(REPLICATE_R, 'utf8')],
    ['replicate.py', Buffer.from(REPLICATE_PY, 'utf8')],
    ['replicate.do', Buffer.from(REPLICATE_DO, 'utf8')],
  ]);
}
