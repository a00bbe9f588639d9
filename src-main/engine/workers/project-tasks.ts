// Report building over a whole project in a task worker, with the worker's own connection to the
// project file: the paper's reproduction of a source, two sources compared, and the review bundle
// (which reports every finished run: an aggregation per run). offProject() picks the worker for a
// project file and stays in-thread for an in-memory project, which no other connection can open.
import type { ReviewBundle } from '../../../src-shared/review-bundle';
import { openDatabase, type Db } from '../../db/open';
import { reproduce } from '../analyze/reproduce';
import { compareSources } from '../analyze/compare';
import { buildProjectReviewBundle } from '../review/bundle';
import { runSensitivity, type SweepGrid } from '../classify/sensitivity';
import { runTask } from './pool';
import type { TaskOutput } from './registry';

type BundleOptions = Parameters<typeof buildProjectReviewBundle>[1];

export type ProjectJob =
  | { kind: 'reproduce'; sourceId: string }
  | { kind: 'compare'; a: string; b: string }
  | { kind: 'bundle'; options: BundleOptions }
  | { kind: 'sensitivity'; run: string; grid: SweepGrid };

type Result<J extends ProjectJob> = J extends { kind: 'reproduce' }
  ? ReturnType<typeof reproduce>
  : J extends { kind: 'compare' }
    ? ReturnType<typeof compareSources>
    : J extends { kind: 'sensitivity' }
      ? ReturnType<typeof runSensitivity>
      : ReviewBundle;

function runJob(db: Db, job: ProjectJob): unknown {
  switch (job.kind) {
    case 'reproduce':
      return reproduce(db, job.sourceId);
    case 'compare':
      return compareSources(db, job.a, job.b);
    case 'bundle':
      return buildProjectReviewBundle(db, job.options);
    case 'sensitivity':
      return runSensitivity(db, job.run, job.grid);
  }
}

/** `job` over the project behind `db`: in a task worker for a project file, else here. */
export async function offProject<J extends ProjectJob>(db: Db, job: J, signal?: AbortSignal): Promise<Result<J>> {
  if (db.memory || db.name === '') return runJob(db, job) as Result<J>;
  return runTask<Result<J>>('project.run', { path: db.name, job }, signal ? { signal } : {});
}

/** Worker side: its own connection, closed without a WAL checkpoint (the main connection owns that). */
export function projectTask(args: { path: string; job: ProjectJob }): TaskOutput {
  const db = openDatabase(args.path);
  try {
    return { value: runJob(db, args.job) };
  } finally {
    db.close();
  }
}
