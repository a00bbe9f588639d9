// Agreement between two runs over the same conversations (e.g. the offline classifier against the
// Claude path): the share of conversations both classified that land on the same node, per level.
import type { Db } from '../../db/open';

export interface Agreement {
  runA: string;
  runB: string;
  compared: number;
  /** Fraction agreeing at each level of the path, top level first; the last is the O*NET task. */
  byLevel: { level: string; agree: number }[];
}

export function runAgreement(db: Db, runA: string, runB: string): Agreement {
  const rows = db
    .prepare(
      `SELECT a.reason AS pathA, b.reason AS pathB FROM classification a
       JOIN classification b ON a.conversation_id = b.conversation_id AND b.run_id = ? AND b.facet = 'task' AND b.status = 'ok'
       WHERE a.run_id = ? AND a.facet = 'task' AND a.status = 'ok'`,
    )
    .all(runB, runA) as { pathA: string; pathB: string }[];
  const depth = rows.reduce((d, r) => Math.max(d, r.pathA.split('>').length), 0);
  const byLevel = Array.from({ length: depth }, (_, l) => {
    const agree = rows.filter((r) => r.pathA.split('>')[l] === r.pathB.split('>')[l]).length;
    return { level: l === depth - 1 ? 'task' : `level ${depth - 1 - l}`, agree: rows.length ? agree / rows.length : 0 };
  });
  return { runA, runB, compared: rows.length, byLevel };
}
