// A run's report (its aggregation over every classified conversation: tens of seconds at 1M
// conversations) served from the store when current (report-cache.ts), else computed in a task
// worker with its own connection to the project file, so the thread serving HTTP or IPC keeps
// answering. SQLite in WAL mode lets the worker read while the main connection writes; the
// worker's short writes (the run's usage source, the stored report) wait on the busy timeout like
// any other writer. An in-memory project cannot be shared between connections and stays in-thread.
import { openDatabase, type Db } from '../../db/open';
import type { RunReport } from '../../../src-shared/report';
import { DEFAULT_SOURCE_ID } from '../analyze/inputs';
import { runTask } from '../workers/pool';
import type { TaskOutput } from '../workers/registry';
import { reportAndStore, reportFingerprint, storedReport, storedSummary } from './report-cache';
import { summariseReport } from './report-summary';

export interface RunReportArgs {
  /** The project's .sqlite file. */
  path: string;
  run: string;
  referenceDataset: string;
  /** The fingerprint of the run's inputs, taken before the worker starts. */
  key: string;
}

/** Computations under way, by project, run and fingerprint: a second request waits for the first. */
const inFlight = new Map<string, Promise<RunReport>>();

/**
 * runReport(db, runId, referenceDataset) from the store when current, else computed off the
 * calling thread when the project is a file (and stored). Omitted release: runReport's default.
 * `summary`: Explore's summary of it (report-summary.ts), read from the store without the rest.
 */
export async function runReportAsync(
  db: Db,
  runId: string,
  referenceDataset?: string,
  opts: { signal?: AbortSignal; summary?: boolean } = {},
): Promise<RunReport> {
  const reference = referenceDataset ?? DEFAULT_SOURCE_ID;
  const key = reportFingerprint(db, runId, reference);
  if (opts.summary) return storedSummary(db, runId, key) ?? summariseReport(await computed(db, runId, reference, key, opts.signal));
  return storedReport(db, runId, key) ?? computed(db, runId, reference, key, opts.signal);
}

/** The report computed and stored: in a task worker for a project file, here for one in memory. */
async function computed(db: Db, runId: string, reference: string, key: string, signal: AbortSignal | undefined): Promise<RunReport> {
  if (db.memory || db.name === '') return reportAndStore(db, runId, reference, key);
  const args: RunReportArgs = { path: db.name, run: runId, referenceDataset: reference, key };
  // A caller that may cancel gets its own worker, so cancelling never fails someone else's request.
  if (signal) return runTask<RunReport>('classify.runReport', args, { signal });
  const id = `${db.name}\0${runId}\0${key}`;
  const running = inFlight.get(id) ?? runTask<RunReport>('classify.runReport', args).finally(() => inFlight.delete(id));
  inFlight.set(id, running);
  return running;
}

/** Worker side: its own connection, closed without a WAL checkpoint (the main connection owns that). */
export function runReportTask(args: RunReportArgs): TaskOutput {
  const db = openDatabase(args.path);
  try {
    return { value: reportAndStore(db, args.run, args.referenceDataset, args.key) };
  } finally {
    db.close();
  }
}
