// Which conversations a run covers: its datasets, limited to a date range of conversation
// timestamps when it has one (paper Appendix E compares time windows), and the time span that
// was actually covered, which every report and manifest states.
import type { Db } from '../../db/open';
import type { ClassifyConfig } from './config';
import type { TimeSpan } from '../../../src-shared/time-window';

/**
 * The SQL condition on `conversation` for a run, with its parameters. Dates are whole days: from
 * the start of `from` to the end of `to`. SQLite's julianday() reads ISO-8601 times with any
 * offset (and is NULL for anything else), so a window leaves out conversations without a readable
 * timestamp; they are counted in the time span.
 */
export function runScope(cfg: Pick<ClassifyConfig, 'datasets' | 'window'>, alias = ''): { sql: string; params: string[] } {
  const col = (c: string) => (alias ? `${alias}.${c}` : c);
  const parts = [`${col('dataset')} IN (${cfg.datasets.map(() => '?').join(', ')})`];
  const params = [...cfg.datasets];
  if (cfg.window?.from !== undefined) {
    parts.push(`julianday(${col('created_at')}) >= julianday(?)`);
    params.push(cfg.window.from);
  }
  if (cfg.window?.to !== undefined) {
    parts.push(`julianday(${col('created_at')}) < julianday(?) + 1`);
    params.push(cfg.window.to);
  }
  return { sql: parts.join(' AND '), params };
}

/** First and last readable timestamp of the conversations a run covers (its scope, its first `limit` by id). */
export function timeSpan(db: Db, cfg: Pick<ClassifyConfig, 'datasets' | 'window' | 'limit'>): TimeSpan {
  const { sql, params } = runScope(cfg);
  const covered = `SELECT created_at FROM conversation WHERE ${sql}${cfg.limit !== undefined ? ' ORDER BY id LIMIT ?' : ''}`;
  const row = db
    .prepare(
      `SELECT strftime('%Y-%m-%dT%H:%M:%SZ', min(j)), strftime('%Y-%m-%dT%H:%M:%SZ', max(j)), count(j), count(*)
       FROM (SELECT julianday(created_at) AS j FROM (${covered}))`,
    )
    .raw()
    .get(...params, ...(cfg.limit !== undefined ? [cfg.limit] : [])) as [string | null, string | null, number, number];
  return { window: cfg.window ?? null, first: row[0], last: row[1], dated: row[2], undated: row[3] - row[2] };
}
