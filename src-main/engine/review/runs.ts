// Classification runs as they enter a review bundle or answer analysis.runReport: the RunReport
// (which also refreshes the run's thresholded usage source "run:<name>") and the run-list entry.
import type { Db } from '../../db/open';
import type { RunInfo } from '../../../src-shared/api';
import type { RunReport } from '../../../src-shared/report';
import { NotFoundError } from '../errors';
import { lastReference } from '../classify/report';
import { cachedRunReport } from '../classify/report-cache';
import { DEFAULT_SOURCE_ID } from '../analyze/inputs';
import { summariseRun } from '../classify/results';
import { ClassifyConfigSchema } from '../classify/config';

interface RunRow {
  id: string;
  config_json: string;
  status: string;
  created_at: string;
}

function runRow(db: Db, runId: string): RunRow {
  const row = db.prepare('SELECT id, config_json, status, created_at FROM classify_run WHERE id = ?').get(runId) as RunRow | undefined;
  if (!row) throw new NotFoundError(`no classification run "${runId}"`);
  return row;
}

/**
 * The run's report against the reference release it was last reported with (its source's wage
 * dataset), so re-reporting never silently switches releases; a first report uses the default.
 * Served from the stored report when nothing it depends on has changed.
 */
export function reportRun(db: Db, runId: string): RunReport {
  runRow(db, runId);
  return cachedRunReport(db, runId, lastReference(db, runId) ?? DEFAULT_SOURCE_ID);
}

export function runInfoOf(db: Db, runId: string): RunInfo {
  const row = runRow(db, runId);
  const cfg = ClassifyConfigSchema.parse(JSON.parse(row.config_json));
  const summary = summariseRun(db, runId);
  const reported = db.prepare('SELECT 1 FROM usage_source WHERE id = ?').get(`run:${runId}`) !== undefined;
  return {
    run: row.id,
    method: cfg.method,
    datasets: cfg.datasets,
    hierarchyId: cfg.hierarchyId,
    status: row.status,
    createdAt: row.created_at,
    conversations: summary.conversations,
    classified: summary.classified,
    screenedOut: summary.screenedOut,
    unclassified: summary.unclassified,
    sourceId: reported ? `run:${runId}` : null,
  };
}

/** Runs worth sharing: finished ones (a running or paused run's numbers are still moving). */
export function completeRuns(db: Db): string[] {
  return db.prepare("SELECT id FROM classify_run WHERE status = 'complete' ORDER BY created_at, id").pluck().all() as string[];
}
