// Job rows in the project file (migration 0009). The runner keeps live progress in memory and
// writes it here at most once a second; status changes are written at once.
import type { Db } from '../../db/open';
import { ACTIVE_JOB_STATUSES, type JobInfo, type JobKind, type JobProgress, type JobStatus } from '../../../src-shared/jobs';

interface JobRow {
  id: string;
  kind: string;
  label: string;
  args_json: string;
  status: string;
  progress_json: string | null;
  attempts: number;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
  error_json: string | null;
  result_json: string | null;
}

export const RECENT_FINISHED = 20;
const ACTIVE_SQL = ACTIVE_JOB_STATUSES.map((s) => `'${s}'`).join(', ');

function toInfo(r: JobRow): JobInfo {
  return {
    id: r.id,
    kind: r.kind as JobKind,
    label: r.label,
    args: JSON.parse(r.args_json) as JobInfo['args'],
    status: r.status as JobStatus,
    progress: r.progress_json ? (JSON.parse(r.progress_json) as JobProgress) : null,
    startedAt: r.started_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
    attempts: r.attempts,
    error: r.error_json ? (JSON.parse(r.error_json) as JobInfo['error']) : null,
    result: r.result_json ? (JSON.parse(r.result_json) as JobInfo['result']) : null,
  };
}

export class JobStore {
  constructor(readonly db: Db) {}

  insert(job: JobInfo): void {
    this.db
      .prepare(
        `INSERT INTO job (id, kind, label, args_json, status, progress_json, attempts, started_at, updated_at)
         VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
      )
      .run(job.id, job.kind, job.label, JSON.stringify(job.args), job.status, job.attempts, job.startedAt, job.updatedAt);
  }

  get(id: string): JobInfo | null {
    const row = this.db.prepare('SELECT * FROM job WHERE id = ?').get(id) as JobRow | undefined;
    return row ? toInfo(row) : null;
  }

  /** Writes every mutable field of `job` (status, progress, attempts, times, error, result). */
  save(job: JobInfo): void {
    this.db
      .prepare(
        `UPDATE job SET status = ?, progress_json = ?, attempts = ?, updated_at = ?, finished_at = ?, error_json = ?, result_json = ?
         WHERE id = ?`,
      )
      .run(
        job.status,
        job.progress ? JSON.stringify(job.progress) : null,
        job.attempts,
        job.updatedAt,
        job.finishedAt,
        job.error ? JSON.stringify(job.error) : null,
        job.result ? JSON.stringify(job.result) : null,
        job.id,
      );
  }

  saveProgress(id: string, progress: JobProgress, updatedAt: string): void {
    this.db.prepare('UPDATE job SET progress_json = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(progress), updatedAt, id);
  }

  dismiss(id: string): void {
    this.db.prepare('UPDATE job SET dismissed = 1 WHERE id = ?').run(id);
  }

  /** Active rows, then the most recent finished ones not dismissed. */
  list(): JobInfo[] {
    const active = this.db.prepare(`SELECT * FROM job WHERE status IN (${ACTIVE_SQL}) ORDER BY started_at`).all() as JobRow[];
    const finished = this.db
      .prepare(`SELECT * FROM job WHERE status NOT IN (${ACTIVE_SQL}) AND dismissed = 0 ORDER BY updated_at DESC, rowid DESC LIMIT ?`)
      .all(RECENT_FINISHED) as JobRow[];
    return [...active, ...finished].map(toInfo);
  }

  /** Rows a crash left active become 'interrupted' (offered for resume); returns how many. */
  markInterrupted(now: string): number {
    return this.db.prepare(`UPDATE job SET status = 'interrupted', updated_at = ? WHERE status IN (${ACTIVE_SQL})`).run(now).changes;
  }

  /** The last finished job of a kind (for the wizard's step summary). */
  lastDone(kind: JobKind): JobInfo | null {
    const row = this.db
      .prepare("SELECT * FROM job WHERE kind = ? AND status = 'done' ORDER BY finished_at DESC LIMIT 1")
      .get(kind) as JobRow | undefined;
    return row ? toInfo(row) : null;
  }
}
