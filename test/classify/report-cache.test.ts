// A run's report is computed once and then read from the store (issue #15: Explore draws a 1M run
// without aggregating it again), until anything it is computed from changes: its classifications,
// thresholds, the reference release, the hierarchy or the conversations. A run whose recorded
// inputs changed is still refused, never answered from the store. runReport is wrapped in a spy
// to count the aggregations.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeProject, type Project } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { cachedRunReport, reportFingerprint, storedSummary } from '../../src-main/engine/classify/report-cache';
import { summariseReport } from '../../src-main/engine/classify/report-summary';
import { runReportAsync } from '../../src-main/engine/classify/report-async';
import { runReport } from '../../src-main/engine/classify/report';
import { reportRun } from '../../src-main/engine/review/runs';
import { ConflictError } from '../../src-main/engine/errors';
import { runProject } from '../export/run-fixture';

vi.mock('../../src-main/engine/classify/report', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src-main/engine/classify/report')>();
  return { ...original, runReport: vi.fn(original.runReport) };
});

const aggregations = vi.mocked(runReport);
let project: Project;

beforeEach(() => {
  project = runProject();
  aggregations.mockClear();
});
afterEach(() => closeProject(project));

/** The report the slow path computes now (its own count is taken off the spy's). */
function fresh(reference = 'mini') {
  const report = aggregations.getMockImplementation()!(project.db, 'r', reference);
  return JSON.parse(JSON.stringify(report)) as unknown;
}

describe('stored run reports', () => {
  it('aggregates once; later requests read the stored report, identical to a fresh one', async () => {
    const first = cachedRunReport(project.db, 'r', 'mini');
    const second = cachedRunReport(project.db, 'r', 'mini');
    const third = await runReportAsync(project.db, 'r', 'mini');
    expect(aggregations).toHaveBeenCalledTimes(1);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(second).toEqual(fresh());
    expect(first.tasks.kept).toBe(2);
    expect(project.db.prepare("SELECT count(*) FROM run_report WHERE run_id = 'r'").pluck().get()).toBe(1);
  });

  it('Explore\'s summary is stored with the report and read back alone, computed or not', async () => {
    const computed = await runReportAsync(project.db, 'r', 'mini', { summary: true });
    const key = reportFingerprint(project.db, 'r', 'mini');
    const full = cachedRunReport(project.db, 'r', 'mini');
    expect(aggregations).toHaveBeenCalledTimes(1);
    expect(computed).toEqual(summariseReport(full));
    expect(storedSummary(project.db, 'r', key)).toEqual(computed);
    expect(await runReportAsync(project.db, 'r', 'mini', { summary: true })).toEqual(computed);
    expect(storedSummary(project.db, 'r', 'another key')).toBeNull();
    // One JSON document, opening with the summary's length in bytes.
    const row = JSON.parse(project.db.prepare("SELECT report_json FROM run_report WHERE run_id = 'r'").pluck().get() as string) as Record<string, unknown>;
    expect(Object.keys(row)).toEqual(['summaryBytes', 'summary', 'report']);
    expect(row.report).toEqual(full);
    expect(aggregations).toHaveBeenCalledTimes(1);
  });

  it('reportRun (review bundles, Explore via analysis.runReport) goes through the store too', () => {
    reportRun(project.db, 'r');
    reportRun(project.db, 'r');
    expect(aggregations).toHaveBeenCalledTimes(1);
  });

  it('a changed classification is aggregated again', () => {
    const before = cachedRunReport(project.db, 'r', 'mini');
    // As RunWriter writes: INSERT OR REPLACE of an existing row (a retried conversation).
    project.db.prepare("INSERT OR REPLACE INTO classification (run_id, conversation_id, facet, status, value) VALUES ('r', 'c0', 'pattern', 'ok', 'validation')").run();
    const after = cachedRunReport(project.db, 'r', 'mini');
    expect(aggregations).toHaveBeenCalledTimes(2);
    expect(after).not.toEqual(before);
    expect(after).toEqual(fresh());
  });

  it('changed thresholds are aggregated again', () => {
    expect(cachedRunReport(project.db, 'r', 'mini').tasks.kept).toBe(2);
    const cfg = JSON.parse(project.db.prepare("SELECT config_json FROM classify_run WHERE id = 'r'").pluck().get() as string) as Record<string, unknown>;
    project.db.prepare("UPDATE classify_run SET config_json = ? WHERE id = 'r'").run(JSON.stringify({ ...cfg, thresholds: { minConversations: 1, minAccounts: 1 } }));
    const after = cachedRunReport(project.db, 'r', 'mini');
    expect(aggregations).toHaveBeenCalledTimes(2);
    expect(after.tasks.kept).toBe(4);
    expect(after).toEqual(fresh());
  });

  it('another reference release, or its files re-imported, is aggregated again', () => {
    importRelease(project.db, { dir: resolve(__dirname, '../fixtures/mini-release'), id: 'mini-2' });
    const mini = reportFingerprint(project.db, 'r', 'mini');
    expect(reportFingerprint(project.db, 'r', 'mini-2')).not.toBe(mini);
    cachedRunReport(project.db, 'r', 'mini');
    cachedRunReport(project.db, 'r', 'mini-2');
    expect(aggregations).toHaveBeenCalledTimes(2);
    // Any reference file's content is part of the fingerprint.
    project.db.prepare("UPDATE dataset_import SET sha256 = 'other' WHERE dataset = 'mini-2' AND rowid = (SELECT min(rowid) FROM dataset_import WHERE dataset = 'mini-2')").run();
    expect(reportFingerprint(project.db, 'r', 'mini')).not.toBe(mini);
  });

  it('a run whose conversations changed is refused, not served from the store', () => {
    cachedRunReport(project.db, 'r', 'mini');
    project.db.prepare("INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at) VALUES ('i2', 'd', 'g.jsonl', 'jsonl', 'x', 'complete', '')").run();
    project.db.prepare("INSERT INTO conversation (id, dataset, messages_json, turns, chars, import_id) VALUES ('extra', 'd', '[]', 0, 0, 'i2')").run();
    expect(() => cachedRunReport(project.db, 'r', 'mini')).toThrow(ConflictError);
    expect(() => cachedRunReport(project.db, 'r', 'mini')).toThrow(/conversation dataset "d" has changed/);
  });

  it('a run whose hierarchy changed is refused, not served from the store', async () => {
    await runReportAsync(project.db, 'r', 'mini');
    project.db.prepare("UPDATE hierarchy SET content_hash = NULL WHERE id = 'h'").run();
    project.db.prepare("UPDATE hierarchy_node SET name = 'Write memos.' WHERE node_id = 'n-code'").run();
    await expect(runReportAsync(project.db, 'r', 'mini')).rejects.toThrow(/hierarchy "h" has different content/);
  });

  it('a removed usage source is written again rather than the stored report served without it', () => {
    cachedRunReport(project.db, 'r', 'mini');
    project.db.prepare("DELETE FROM usage_source WHERE id = 'run:r'").run();
    cachedRunReport(project.db, 'r', 'mini');
    expect(aggregations).toHaveBeenCalledTimes(2);
    expect(project.db.prepare("SELECT count(*) FROM usage_source WHERE id = 'run:r'").pluck().get()).toBe(1);
  });
});
