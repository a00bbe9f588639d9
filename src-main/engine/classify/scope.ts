// Which conversations a run covers: its datasets, limited to a date range of conversation
// timestamps when it has one (paper Appendix E compares time windows), and the time span that
// was actually covered, which every report and manifest states.
import type { Db } from '../../db/open';
import type { ClassifyConfig } from './config';
import type { TimeSpan } from '../../../src-shared/time-window';
import type { ColumnsSpan, ConversationColumns } from './conversation-columns';

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

/**
 * First and last readable timestamp of the conversations a run covers (its scope, its first `limit`
 * by id). From the run's conversation columns when given: the same comparisons on the same Julian
 * days SQLite computes, without reading every conversation row again (1.1 s at 1M conversations).
 */
export function timeSpan(db: Db, cfg: Pick<ClassifyConfig, 'datasets' | 'window' | 'limit'>, columns?: ConversationColumns): TimeSpan {
  // A limit covers the first conversations by id, an order the columns do not keep.
  if (columns !== undefined && cfg.limit === undefined) return spanOfColumns(db, cfg, columns);
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

/** timeSpan over the columns: a window's bounds and the formatting are SQLite's own, as above. */
function spanOfColumns(db: Db, cfg: Pick<ClassifyConfig, 'window'>, c: ConversationColumns): TimeSpan {
  const format = db.prepare("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', ?)").pluck();
  const at = (j: number | null) => (j === null ? null : (format.get(j) as string | null));
  const s = cfg.window === undefined ? c.span : windowSpan(db, cfg.window, c);
  return { window: cfg.window ?? null, first: at(s.first), last: at(s.last), dated: s.dated, undated: s.covered - s.dated };
}

/** The span of the conversations inside a window, from their times. */
function windowSpan(db: Db, window: NonNullable<ClassifyConfig['window']>, c: ConversationColumns): ColumnsSpan {
  const day = db.prepare('SELECT julianday(?)').pluck();
  const from = window.from !== undefined ? (day.get(window.from) as number | null) : null;
  const to = window.to !== undefined ? (day.get(window.to) as number | null) : null;
  const span: ColumnsSpan = { first: null, last: null, dated: 0, covered: 0 };
  for (let i = 0; i < c.model.length; i++) {
    const j = c.time[i]!;
    // As in SQL: a window's comparisons are false for an unreadable time (NaN here, NULL there).
    if (c.model[i]! < 0 || !inWindow(j, from, to, window)) continue;
    span.covered++;
    if (Number.isNaN(j)) continue;
    span.dated++;
    if (span.first === null || j < span.first) span.first = j;
    if (span.last === null || j > span.last) span.last = j;
  }
  return span;
}

function inWindow(j: number, from: number | null, to: number | null, window: ClassifyConfig['window']): boolean {
  // A bound SQLite could not read (NULL) makes every comparison false, as in runScope's SQL.
  if (window?.from !== undefined && (from === null || !(j >= from))) return false;
  if (window?.to !== undefined && (to === null || !(j < to + 1))) return false;
  return true;
}
