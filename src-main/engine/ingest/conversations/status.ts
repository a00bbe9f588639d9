// Whether a conversation dataset is whole. Rows are committed batch by batch, so a killed import
// leaves a dataset that looks usable but holds only part of its file. A dataset is complete when,
// for every file imported into it, the latest import of that file finished 'complete'. An import
// row still 'running' is a live import only if this process is running it: the project is worked
// on by one process at a time, so after a crash (kill -9, power loss) nothing is running it and the
// row, which no code will ever finish, means "interrupted". Cancelled (paused) and failed imports
// keep what they wrote and are interrupted too; rerunning the same import completes them.
import type { Db } from '../../../db/open';
import { InvalidInputError } from '../../errors';

export type DatasetStatus = 'complete' | 'interrupted' | 'importing';

export interface DatasetCompleteness {
  status: DatasetStatus;
  /** Files whose latest import did not finish (empty when complete). */
  incompleteFiles: string[];
}

/** Import rows an ImportWriter of this process is writing now. */
const live = new Set<string>();

export function markImportLive(importId: string): void {
  live.add(importId);
}

export function markImportEnded(importId: string): void {
  live.delete(importId);
}

export function isImportLive(importId: string): boolean {
  return live.has(importId);
}

/** Every dataset with conversations or an import row (an interrupted import is listed, as such). */
export function conversationDatasetNames(db: Db): string[] {
  return db.prepare('SELECT dataset FROM conversation UNION SELECT dataset FROM conversation_import ORDER BY 1').pluck().all() as string[];
}

interface LatestImport {
  id: string;
  dataset: string;
  file: string;
  status: string;
}

/**
 * The status of every dataset with at least one import row; a dataset absent from the map has none.
 * "Latest" is by insertion order (rowid), which a clock set back cannot reorder.
 */
export function datasetCompleteness(db: Db): Map<string, DatasetCompleteness> {
  const latest = db
    .prepare(
      `SELECT id, dataset, file, status FROM conversation_import i
       WHERE rowid = (SELECT max(rowid) FROM conversation_import j WHERE j.dataset = i.dataset AND j.file = i.file)
       ORDER BY dataset, file`,
    )
    .all() as LatestImport[];
  const out = new Map<string, DatasetCompleteness>();
  for (const row of latest) {
    const entry = out.get(row.dataset) ?? { status: 'complete', incompleteFiles: [] };
    const running = row.status === 'running' && live.has(row.id);
    if (running) entry.status = 'importing';
    if (row.status !== 'complete') {
      entry.incompleteFiles.push(row.file);
      if (entry.status === 'complete') entry.status = 'interrupted';
    }
    out.set(row.dataset, entry);
  }
  return out;
}

/** Import rows left 'running' by a process that is gone: marked 'interrupted' when a rerun starts. */
export function closeDeadImports(db: Db, dataset: string, file: string): void {
  const rows = db
    .prepare("SELECT id FROM conversation_import WHERE dataset = ? AND file = ? AND status = 'running'")
    .pluck()
    .all(dataset, file) as string[];
  const mark = db.prepare("UPDATE conversation_import SET status = 'interrupted' WHERE id = ?");
  for (const id of rows) if (!live.has(id)) mark.run(id);
}

/**
 * Refuses to work from a dataset that is not whole: a classification of part of a file would pass
 * for one of all of it. The message names the dataset, what is missing and the fix.
 */
export function requireCompleteDatasets(db: Db, datasets: readonly string[]): void {
  const all = datasetCompleteness(db);
  for (const dataset of datasets) {
    const c = all.get(dataset);
    if (c === undefined || c.status === 'complete') continue;
    const files = c.incompleteFiles.join(', ');
    const conversations = db.prepare('SELECT count(*) FROM conversation WHERE dataset = ?').pluck().get(dataset) as number;
    throw new InvalidInputError(
      c.status === 'importing'
        ? `conversation dataset "${dataset}" is still being imported (${files}): wait for the import to finish`
        : `conversation dataset "${dataset}" is incomplete: the import of ${files} was interrupted after ${conversations} conversations; ` +
          'rerun the same import to complete it',
    );
  }
}
