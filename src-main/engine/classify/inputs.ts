// What a classification run was computed from, by content: its hierarchy's content hash, a hash of
// each conversation dataset (which imports, how many conversations from each) and of the reference
// release its report used. Recorded with the run; a report whose inputs changed since is refused
// with the differences named, rather than showing new numbers under the old run's name.
import type { Db } from '../../db/open';
import { sha256 } from '../base/hash';
import { ConflictError } from '../errors';
import { hierarchyHash, short } from '../hierarchy/store';
import type { ClassifyConfig } from './config';

export interface RunInputs {
  hierarchy: { id: string; hash: string };
  /** Recorded when the run completes (a paused run's datasets may still grow). */
  datasets?: { name: string; hash: string; conversations: number }[];
  /** Recorded at the first report: the release whose wages, SOC and BLS files the analyses read. */
  reference?: { dataset: string; hash: string };
  /**
   * Per dataset name: its conversationStamp when its hash was last found equal to the recorded one.
   * While the stamp is the same so is the content, and the hash (a count over every row) is not
   * computed again; older records without stamps get them at their next report.
   */
  stamps?: Record<string, string>;
}

/** Conversations are only ever added (INSERT OR IGNORE), so which imports hold how many rows fixes the content. */
export function datasetHash(db: Db, dataset: string): { hash: string; conversations: number } {
  const rows = db
    .prepare('SELECT import_id AS id, count(*) AS n FROM conversation WHERE dataset = ? GROUP BY import_id ORDER BY import_id')
    .all(dataset) as { id: string; n: number }[];
  return { hash: sha256(rows.map((r) => `${r.id}\t${r.n}`).join('\n')), conversations: rows.reduce((s, r) => s + r.n, 0) };
}

/**
 * A dataset's imports and its latest conversation key, read with two index seeks. Conversations are
 * only ever added (INSERT OR IGNORE, new keys: AUTOINCREMENT never reuses one) or discarded with an
 * unfinished import (whose row goes too), so this moves whenever datasetHash's content would.
 */
export function conversationStamp(db: Db, dataset: string): { dataset: string; latest: number | null; imports: unknown[] } {
  const latest = db.prepare('SELECT max(rowid) FROM conversation WHERE dataset = ?').pluck().get(dataset) as number | null;
  const imports = db.prepare('SELECT id, status, added FROM conversation_import WHERE dataset = ? ORDER BY id').all(dataset);
  return { dataset, latest, imports };
}

/** The stamp and, unless it equals `known`, the content hash, read in one snapshot. */
function datasetNow(db: Db, dataset: string, known: string | undefined): { stamp: string; content?: { hash: string; conversations: number } } {
  return db.transaction(() => {
    const stamp = sha256(JSON.stringify(conversationStamp(db, dataset)));
    return stamp === known ? { stamp } : { stamp, content: datasetHash(db, dataset) };
  })();
}

/** The reference release's files as imported (kind and file sha256 each). */
export function referenceHash(db: Db, dataset: string): string {
  const rows = db.prepare('SELECT kind, sha256 FROM dataset_import WHERE dataset = ? ORDER BY kind').all(dataset) as { kind: string; sha256: string }[];
  return sha256(rows.map((r) => `${r.kind}\t${r.sha256}`).join('\n'));
}

export function recordedInputs(db: Db, runId: string): RunInputs | null {
  const json = db.prepare('SELECT inputs_json FROM classify_run WHERE id = ?').pluck().get(runId) as string | null | undefined;
  return json ? (JSON.parse(json) as RunInputs) : null;
}

function store(db: Db, runId: string, inputs: RunInputs): void {
  db.prepare('UPDATE classify_run SET inputs_json = ? WHERE id = ?').run(JSON.stringify(inputs), runId);
}

/** At a run's start: a resumed run must still see the hierarchy its earlier answers were given against. */
export function recordRunStart(db: Db, cfg: ClassifyConfig): void {
  const hierarchy = { id: cfg.hierarchyId, hash: hierarchyHash(db, cfg.hierarchyId) };
  const before = recordedInputs(db, cfg.name);
  if (before !== null) {
    const changed = hierarchyChange(before, hierarchy.hash);
    if (changed !== null) throw new ConflictError(`run "${cfg.name}" cannot resume: ${changed}; classify under a new run name`);
  }
  store(db, cfg.name, { ...(before ?? {}), hierarchy });
}

/** Each dataset's content hash now, with the stamps that vouch for it. */
function hashDatasets(db: Db, names: readonly string[]): Pick<RunInputs, 'datasets' | 'stamps'> {
  const stamps: Record<string, string> = {};
  const datasets = names.map((name) => {
    const now = datasetNow(db, name, undefined);
    stamps[name] = now.stamp;
    return { name, ...now.content! };
  });
  return { datasets, stamps };
}

/** At a run's end: the datasets as classified (a re-finished run records them afresh). */
export function recordRunFinish(db: Db, cfg: ClassifyConfig): void {
  const before = recordedInputs(db, cfg.name);
  const hierarchy = before?.hierarchy ?? { id: cfg.hierarchyId, hash: hierarchyHash(db, cfg.hierarchyId) };
  store(db, cfg.name, { ...(before ?? {}), hierarchy, ...hashDatasets(db, cfg.datasets) });
}

/**
 * Before a report: refuses when a recorded input has different content now. Runs recorded before
 * hashes existed are recorded now (their first report is the baseline), as is a newly chosen release.
 */
export function verifyRunInputs(db: Db, cfg: ClassifyConfig, status: string, referenceDataset: string): void {
  const before = recordedInputs(db, cfg.name);
  const changes: string[] = [];
  const hierarchy = hierarchyHash(db, cfg.hierarchyId);
  const h = before === null ? null : hierarchyChange(before, hierarchy);
  if (h !== null) changes.push(h);
  const stamps: Record<string, string> = {};
  for (const d of before?.datasets ?? []) {
    if (!cfg.datasets.includes(d.name)) continue;
    const now = datasetNow(db, d.name, before?.stamps?.[d.name]);
    if (now.content !== undefined && now.content.hash !== d.hash) {
      changes.push(`conversation dataset "${d.name}" has changed (${d.conversations} conversations when the run finished, ${now.content.conversations} now)`);
    } else stamps[d.name] = now.stamp;
  }
  const reference = referenceHash(db, referenceDataset);
  if (before?.reference?.dataset === referenceDataset && before.reference.hash !== reference) {
    changes.push(`reference release "${referenceDataset}" was re-imported with different files`);
  }
  if (changes.length > 0) {
    throw new ConflictError(
      `run "${cfg.name}" was computed from inputs that have changed since: ${changes.join('; ')}. ` +
        'Its report would show new numbers under the old run, so it is not shown: restore the inputs, or classify under a new run name',
    );
  }
  store(db, cfg.name, {
    hierarchy: before?.hierarchy ?? { id: cfg.hierarchyId, hash: hierarchy },
    ...(before?.datasets !== undefined ? { datasets: before.datasets, stamps } : status === 'complete' ? hashDatasets(db, cfg.datasets) : {}),
    reference: { dataset: referenceDataset, hash: reference },
  });
}

function hierarchyChange(before: RunInputs, hash: string): string | null {
  if (before.hierarchy.hash === hash) return null;
  return `hierarchy "${before.hierarchy.id}" has different content (${short(before.hierarchy.hash)} when recorded, ${short(hash)} now)`;
}
