// A run's report, stored when computed (at the end of its classify job, or at the first request
// for an older run) and served from the store while nothing it is computed from has changed:
// aggregating a 1M-conversation run takes tens of seconds, reading its stored report milliseconds.
//
// The stored row carries a fingerprint of every input of runReport, each read cheaply: the run's
// row (configuration and thresholds, status, finish stamp), its classifications, the hierarchy's
// content hash, its conversation datasets, every imported reference file and the release asked
// for. Any change gives a new fingerprint, so the report is computed afresh — and runReport's
// verifyRunInputs then refuses a run whose recorded inputs changed, exactly as without the store.
import pkg from '../../../package.json';
import type { Db } from '../../db/open';
import type { RunReport } from '../../../src-shared/report';
import { sha256 } from '../base/hash';
import { NotFoundError } from '../errors';
import { hierarchyHash } from '../hierarchy/store';
import { ClassifyConfigSchema } from './config';
import { conversationStamp } from './inputs';
import { classificationStamp } from './outcome-columns';
import { runReport } from './report';
import { summariseReport } from './report-summary';

/** Bump when runReport's output changes within one app version (the app version is in the key too). */
const REPORT_FORMAT = 2;

/** What runReport(db, runId, reference) is computed from, hashed; computed before the report, never after. */
export function reportFingerprint(db: Db, runId: string, reference: string): string {
  const run = db.prepare('SELECT config_json, status, created_at, updated_at FROM classify_run WHERE id = ?').get(runId) as
    | { config_json: string; status: string; created_at: string; updated_at: string }
    | undefined;
  if (!run) throw new NotFoundError(`no classification run "${runId}"`);
  const cfg = ClassifyConfigSchema.parse(JSON.parse(run.config_json));
  const hierarchyConfig = db.prepare('SELECT config_json FROM hierarchy WHERE id = ?').pluck().get(cfg.hierarchyId) as string | undefined;
  return sha256(
    JSON.stringify({
      format: REPORT_FORMAT,
      app: pkg.version,
      reference,
      run,
      classifications: classificationStamp(db, runId),
      hierarchy: [hierarchyHash(db, cfg.hierarchyId), hierarchyConfig],
      datasets: cfg.datasets.map((d) => conversationStamp(db, d)),
      referenceFiles: db.prepare('SELECT dataset, kind, sha256 FROM dataset_import ORDER BY dataset, kind, sha256').all(),
    }),
  );
}

/**
 * The stored row: Explore's summary first (report-summary.ts), then the full report, as one JSON
 * document that opens with the summary's length in bytes, so Explore's read stops after it.
 */
const HEAD = /^\{"summaryBytes":(\d+),"summary":/;

/** Both as JSON; null when the report holds a NaN or Infinity (JSON has neither: the store never changes a number). */
function storedJson(report: RunReport): string | null {
  let lossless = true;
  const finite = (_key: string, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value)) lossless = false;
    return value;
  };
  const summary = JSON.stringify(summariseReport(report), finite);
  const full = JSON.stringify(report, finite);
  return lossless ? `{"summaryBytes":${Buffer.byteLength(summary)},"summary":${summary},"report":${full}}` : null;
}

/** Explore reads the run's usage sources next to the report; ones removed since are rewritten by computing. */
function sourcesThere(db: Db, report: RunReport): boolean {
  return db.prepare('SELECT count(*) FROM usage_source WHERE id IN (?, ?)').pluck().get(report.sourceId, `${report.sourceId}:accounts`) === 2;
}

/** The stored report when it was computed from exactly these inputs and its usage sources are still there. */
export function storedReport(db: Db, runId: string, key: string): RunReport | null {
  const json = db.prepare('SELECT report_json FROM run_report WHERE run_id = ? AND key = ?').pluck().get(runId, key) as string | undefined;
  if (json === undefined) return null;
  const report = (JSON.parse(json) as { report: RunReport }).report;
  return sourcesThere(db, report) ? report : null;
}

/** The stored report's summary, read without the rest of the row (a few hundred KB of an 11 MB report at 1M conversations). */
export function storedSummary(db: Db, runId: string, key: string): RunReport | null {
  const part = db.prepare('SELECT substr(CAST(report_json AS BLOB), ?, ?) FROM run_report WHERE run_id = ? AND key = ?').pluck();
  const head = part.get(1, 64, runId, key) as Buffer | undefined;
  if (head === undefined) return null;
  const m = HEAD.exec(head.toString('latin1'));
  if (m === null) throw new Error(`the stored report of run "${runId}" does not open with its summary's length`);
  const bytes = part.get(m[0].length + 1, Number(m[1]), runId, key) as Buffer;
  const summary = JSON.parse(bytes.toString('utf8')) as RunReport;
  return sourcesThere(db, summary) ? summary : null;
}

/** Computes the report and stores it under `key` (taken before computing, so a write meanwhile makes it stale, not wrong). */
export function reportAndStore(db: Db, runId: string, reference: string, key: string = reportFingerprint(db, runId, reference)): RunReport {
  const report = runReport(db, runId, reference);
  const json = storedJson(report);
  if (json !== null) {
    db.prepare('INSERT OR REPLACE INTO run_report (run_id, key, report_json, created_at) VALUES (?, ?, ?, ?)').run(runId, key, json, new Date().toISOString());
  }
  return report;
}

/** The run's report from the store when current, else computed (on this thread) and stored. */
export function cachedRunReport(db: Db, runId: string, reference: string): RunReport {
  const key = reportFingerprint(db, runId, reference);
  return storedReport(db, runId, key) ?? reportAndStore(db, runId, reference, key);
}
