// A run's report (its aggregation over every classified conversation: ~78 s at 1M conversations)
// computed in a task worker with its own connection to the project file, so the thread serving
// HTTP or IPC keeps answering. SQLite in WAL mode lets the worker read while the main connection
// writes; the worker's one short write (the run's usage source) waits on the busy timeout like any
// other writer. An in-memory project cannot be shared between connections and stays in-thread.
import { openDatabase, type Db } from '../../db/open';
import type { RunReport } from '../../../src-shared/report';
import { runTask } from '../workers/pool';
import type { TaskOutput } from '../workers/registry';
import { runReport } from './report';

export interface RunReportArgs {
  /** The project's .sqlite file. */
  path: string;
  run: string;
  /** Omitted: runReport's default release. */
  referenceDataset?: string;
}

/** runReport(db, runId, referenceDataset) off the calling thread when the project is a file. */
export async function runReportAsync(db: Db, runId: string, referenceDataset?: string, opts: { signal?: AbortSignal } = {}): Promise<RunReport> {
  if (db.memory || db.name === '') return referenceDataset ? runReport(db, runId, referenceDataset) : runReport(db, runId);
  const args: RunReportArgs = { path: db.name, run: runId, ...(referenceDataset ? { referenceDataset } : {}) };
  return runTask<RunReport>('classify.runReport', args, opts.signal ? { signal: opts.signal } : {});
}

/** Worker side: its own connection, closed without a WAL checkpoint (the main connection owns that). */
export function runReportTask(args: RunReportArgs): TaskOutput {
  const db = openDatabase(args.path);
  try {
    const value = args.referenceDataset ? runReport(db, args.run, args.referenceDataset) : runReport(db, args.run);
    return { value };
  } finally {
    db.close();
  }
}
