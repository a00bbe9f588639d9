// A run's 'ok' outcomes of one facet grouped by value, as integer conversation keys: what the
// report counts (run-facts.ts, Figure 5's skills). Each is one ordered scan of the covering index
// classification_value, about 0.2-0.3 s per facet at 1M conversations plus as long again to parse
// the keys out of group_concat's text; a finished run's outcomes do not change, so they are stored
// as typed arrays (migration 0017_outcome_columns) under the run's classification stamp and read
// back in milliseconds. Written when a run finishes (results.ts); any later write to the run's
// classifications moves the stamp and the next read rebuilds them.
import type { Db } from '../../db/open';
import { BYTE_ORDER, bytes, int32 } from '../base/typed-blob';
import { parseKeys } from './json-codes';

/**
 * Group g is values[g]; its conversation keys are keys[offsets[g]] .. keys[offsets[g + 1] - 1]. An
 * outcome whose conversation is not in the project has key 0 (keys start at 1): it counts towards
 * its value's rows, as Figure 5 counts them, and belongs to no dataset.
 */
export interface OutcomeGroups {
  /** In SQLite's BINARY order, as GROUP BY value ORDER BY value gives them. */
  values: string[];
  offsets: Int32Array;
  keys: Int32Array;
}

/**
 * The facets the run report reads; ANY_ROW is one group (value '*') of every conversation with any
 * classification row of the run, whatever its facet and status: the bootstrap's population.
 */
export const ANY_ROW = '*';
export const REPORT_FACETS = ['task', 'pattern', 'skills', ANY_ROW] as const;
export type ReportFacet = (typeof REPORT_FACETS)[number];

/** The run's facets as table f(facet), each found by one index seek past the previous (a NULL row ends it). */
const RUN_FACETS = `WITH RECURSIVE f(facet) AS (
  SELECT min(facet) FROM classification WHERE run_id = @run
  UNION ALL SELECT (SELECT min(facet) FROM classification WHERE run_id = @run AND facet > f.facet) FROM f WHERE f.facet IS NOT NULL)`;

/**
 * The run's latest classification write. Rows are only ever written with INSERT OR REPLACE (a
 * replaced row gets a new, larger rowid) and removed only with their run, so the largest rowid
 * moves with every write. Read per (facet, status) from the classification_facet index, each a
 * single index seek: a plain max(rowid) over the run would scan all its rows (0.4 s at 1M).
 */
export function classificationStamp(db: Db, runId: string): number | null {
  return db
    .prepare(
      `${RUN_FACETS}
       SELECT max((SELECT max(rowid) FROM classification WHERE run_id = @run AND facet = f.facet AND status = s.status))
       FROM f, (SELECT 'ok' AS status UNION ALL SELECT 'screened-out' UNION ALL SELECT 'unclassified') s
       WHERE f.facet IS NOT NULL`,
    )
    .pluck()
    .get({ run: runId }) as number | null;
}

interface StoredRow {
  stamp: string;
  values_json: string;
  offsets: Buffer;
  keys: Buffer;
}

/**
 * The facet's groups, from the store when the run's classifications are unchanged, else read and
 * stored. `written`: the run's classification stamp when the caller has read it; otherwise it is
 * read in the same snapshot as the groups (the run may be writing meanwhile), and the store is
 * written after that snapshot, as a write inside it fails when another connection wrote first.
 */
export function outcomeGroups(db: Db, runId: string, facet: ReportFacet, written?: number | null): OutcomeGroups {
  const got = db.transaction((): { groups: OutcomeGroups; fresh?: string } => {
    const stamp = JSON.stringify([written === undefined ? classificationStamp(db, runId) : written, BYTE_ORDER]);
    const row = db.prepare('SELECT stamp, values_json, offsets, keys FROM outcome_columns WHERE run_id = ? AND facet = ?').get(runId, facet) as StoredRow | undefined;
    if (row !== undefined && row.stamp === stamp) return { groups: { values: JSON.parse(row.values_json) as string[], offsets: int32(row.offsets), keys: int32(row.keys) } };
    return { groups: readGroups(db, runId, facet), fresh: stamp };
  })();
  if (got.fresh !== undefined) {
    const { values, offsets, keys } = got.groups;
    db.prepare('INSERT OR REPLACE INTO outcome_columns (run_id, facet, stamp, values_json, offsets, keys) VALUES (?, ?, ?, ?, ?, ?)').run(
      runId,
      facet,
      got.fresh,
      JSON.stringify(values),
      bytes(offsets),
      bytes(keys),
    );
  }
  return got.groups;
}

/** Every facet the report reads, stored now (a run that has just finished). */
export function storeOutcomeColumns(db: Db, runId: string): void {
  const written = classificationStamp(db, runId);
  for (const facet of REPORT_FACETS) outcomeGroups(db, runId, facet, written);
}

function readGroups(db: Db, runId: string, facet: ReportFacet): OutcomeGroups {
  if (facet === ANY_ROW) return anyRow(db, runId);
  const rows = db
    .prepare(
      `SELECT value, group_concat(ifnull(conversation_seq, 0)) FROM classification
       WHERE run_id = ? AND facet = ? AND status = 'ok' GROUP BY value ORDER BY value`,
    )
    .raw()
    .all(runId, facet) as [string, string | null][];
  const offsets = new Int32Array(rows.length + 1);
  let n = 0;
  rows.forEach(([, keys], g) => {
    parseKeys(keys, () => n++);
    offsets[g + 1] = n;
  });
  const keys = new Int32Array(n);
  n = 0;
  for (const [, list] of rows) parseKeys(list, (k) => (keys[n++] = k));
  return { values: rows.map((r) => r.at(0) as string), offsets, keys };
}

/**
 * The keys of every facet's rows, whatever their status, marked in one bitmap: one covering-index
 * scan per facet (a few per run), where SELECT DISTINCT over the run's rows sorted them all (4 s at 1M).
 */
function anyRow(db: Db, runId: string): OutcomeGroups {
  // SELECT DISTINCT facet would read every row (2 s at 1M).
  const facets = db
    .prepare(
      `${RUN_FACETS}
       SELECT facet FROM f WHERE facet IS NOT NULL`,
    )
    .pluck();
  const list = db.prepare('SELECT group_concat(ifnull(conversation_seq, 0)) FROM classification WHERE run_id = ? AND facet = ?').pluck();
  let seen = new Uint8Array(1024);
  for (const facet of facets.all({ run: runId }) as string[]) {
    parseKeys(list.get(runId, facet) as string | null, (k) => {
      if (k >= seen.length) {
        const grown = new Uint8Array(Math.max(k + 1, seen.length * 2));
        grown.set(seen);
        seen = grown;
      }
      seen[k] = 1;
    });
  }
  let n = 0;
  for (let k = 0; k < seen.length; k++) n += seen[k]!;
  const keys = new Int32Array(n);
  n = 0;
  for (let k = 0; k < seen.length; k++) if (seen[k] === 1) keys[n++] = k;
  return { values: [ANY_ROW], offsets: Int32Array.of(0, n), keys };
}
