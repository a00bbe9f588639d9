// A reconstruction's rows: the run's record (configuration, status, the finished report), each
// level's k-means labels keyed by a hash of what they were computed from (so a resumed job reuses
// them instead of clustering again), and each cluster's size, name and placement.
import type { Db } from '../../db/open';
import type { ReconstructionReport } from '../../../src-shared/reconstruct';
import { NotFoundError } from '../errors';
import type { ReconstructConfig } from './config';

export interface StoredLevel {
  k: number;
  labels: Int32Array;
  iterations: number;
  inertia: number;
}

export interface ClusterRow {
  cluster: number;
  size: number;
  accounts: number;
  name: string | null;
  description: string | null;
  nodeId: string | null;
  status: 'placed' | 'unplaced';
  reason: string | null;
}

export function recordStart(db: Db, cfg: ReconstructConfig): void {
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO reconstruct_run (run_id, config_json, status, created_at, updated_at) VALUES (?, ?, 'running', ?, ?)
     ON CONFLICT (run_id) DO UPDATE SET config_json = excluded.config_json, status = 'running', updated_at = excluded.updated_at`,
  ).run(cfg.run, JSON.stringify(cfg), now, now);
}

export function recordReport(db: Db, report: ReconstructionReport): void {
  db.prepare("UPDATE reconstruct_run SET status = 'complete', report_json = ?, updated_at = ? WHERE run_id = ?").run(
    JSON.stringify(report),
    new Date().toISOString(),
    report.run,
  );
}

/** The run's last finished reconstruction; null before one has finished. */
export function loadReport(db: Db, run: string): ReconstructionReport | null {
  if (db.prepare('SELECT 1 FROM classify_run WHERE id = ?').get(run) === undefined) throw new NotFoundError(`no classification run "${run}"`);
  const json = db.prepare("SELECT report_json FROM reconstruct_run WHERE run_id = ? AND report_json IS NOT NULL").pluck().get(run) as string | undefined;
  return json ? (JSON.parse(json) as ReconstructionReport) : null;
}

export function loadLevel(db: Db, run: string, meanSize: number, inputHash: string): StoredLevel | null {
  const row = db
    .prepare('SELECT k, labels, iterations, inertia FROM reconstruct_level WHERE run_id = ? AND mean_size = ? AND input_hash = ?')
    .get(run, meanSize, inputHash) as { k: number; labels: Buffer; iterations: number; inertia: number } | undefined;
  if (!row) return null;
  // Copied out of the row's buffer, which may not be 4-byte aligned.
  const labels = new Int32Array(row.labels.length / 4);
  for (let i = 0; i < labels.length; i++) labels[i] = row.labels.readInt32LE(i * 4);
  return { k: row.k, labels, iterations: row.iterations, inertia: row.inertia };
}

export function saveLevel(db: Db, run: string, meanSize: number, inputHash: string, level: StoredLevel): void {
  const blob = Buffer.alloc(level.labels.length * 4);
  level.labels.forEach((l, i) => blob.writeInt32LE(l, i * 4));
  db.prepare(
    `INSERT OR REPLACE INTO reconstruct_level (run_id, mean_size, input_hash, k, labels, iterations, inertia, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(run, meanSize, inputHash, level.k, blob, level.iterations, level.inertia, new Date().toISOString());
}

/** Replaces a level's clusters (a rerun with other settings must not leave stale ones behind). */
export function saveClusters(db: Db, run: string, meanSize: number, rows: readonly ClusterRow[]): void {
  const insert = db.prepare(
    `INSERT INTO reconstruct_cluster (run_id, mean_size, cluster, size, accounts, name, description, node_id, status, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    db.prepare('DELETE FROM reconstruct_cluster WHERE run_id = ? AND mean_size = ?').run(run, meanSize);
    for (const r of rows) insert.run(run, meanSize, r.cluster, r.size, r.accounts, r.name, r.description, r.nodeId, r.status, r.reason);
  })();
}

/** Levels of an earlier reconstruction that this one no longer has: their rows go. */
export function dropOtherLevels(db: Db, run: string, keep: readonly number[]): void {
  const placeholders = keep.map(() => '?').join(', ') || 'NULL';
  for (const table of ['reconstruct_level', 'reconstruct_cluster']) {
    db.prepare(`DELETE FROM ${table} WHERE run_id = ? AND mean_size NOT IN (${placeholders})`).run(run, ...keep);
  }
}
