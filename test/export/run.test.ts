// Exporting a classification run: privacy thresholds (only tasks with >= 15 conversations from
// >= 5 accounts appear anywhere) and no conversation text or account id unless opted in. Every
// exported file of every format is grepped as bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeProject, type Project } from '../../src-main/engine/project';
import { exportResults, type ExportResult } from '../../src-main/engine/export';
import { ACCOUNT_MARKER, DROPPED, KEPT, TEXT_MARKER, runProject } from './run-fixture';
import { readDta, readParquet } from './readers';

let project: Project;
let tmp: string;
let plain: ExportResult;
let optedIn: ExportResult;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-export-run-'));
  project = runProject();
  plain = exportResults(project.db, { run: 'r', dir: join(tmp, 'plain'), referenceDataset: 'mini' });
  optedIn = exportResults(project.db, { run: 'r', dir: join(tmp, 'opted'), includeConversationText: true, includeAccountIds: true });
});
afterAll(() => {
  closeProject(project);
  rmSync(tmp, { recursive: true, force: true });
});

/** Files (relative path) whose bytes contain `needle`, case-insensitively. */
function filesContaining(result: ExportResult, needle: string): string[] {
  return result.files
    .filter((f) => readFileSync(f).toString('latin1').toLowerCase().includes(needle.toLowerCase()))
    .map((f) => f.slice(result.dir.length + 1));
}

describe('run export: privacy thresholds', () => {
  it('writes every format of every table, the codebook and the manifest', () => {
    const names = plain.manifest.tables.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['categories', 'top_tasks', 'job_zones', 'task_counts', 'patterns_by_task', 'skills', 'by_model', 'conversation_vs_account']));
    expect(names).not.toContain('conversations');
    for (const ext of ['csv/', 'r/', 'dta/', 'parquet/']) expect(plain.files.filter((f) => f.includes(`/${ext}`)).length).toBeGreaterThanOrEqual(names.length);
    expect(plain.files.map((f) => f.slice(plain.dir.length + 1))).toEqual(expect.arrayContaining(['manifest.json', 'codebook.md', 'r/codebook.md']));
  });

  it('lists exactly the tasks at or over both thresholds', () => {
    const csv = readFileSync(join(plain.dir, 'csv/task_counts.csv'), 'utf8');
    expect(csv).toBe('nodeId,task,conversations,accounts\r\nn-code,Write code.,15,5\r\nn-reports,Write reports.,30,10\r\n');
    for (const name of KEPT) expect(filesContaining(plain, name).length).toBeGreaterThan(0);
  });

  it('never names a task under the thresholds in any file', () => {
    for (const name of DROPPED) {
      expect(filesContaining(plain, name)).toEqual([]);
      expect(filesContaining(optedIn, name)).toEqual([]);
    }
    for (const node of ['n-budgets', 'n-stories']) expect(filesContaining(optedIn, node)).toEqual([]);
  });

  it('records hierarchy, models, prompt versions, method and thresholds in the manifest', () => {
    const m = plain.manifest;
    expect(m.source.id).toBe('run:r');
    expect(m.hierarchyId).toBe('h');
    expect(m.thresholds).toEqual({ minConversations: 15, minAccounts: 5, accountsApplied: true });
    expect(m.run).toMatchObject({ id: 'r', method: 'claude', datasets: ['d'], tasksKept: 2 });
    expect(Object.keys(m.run!.models)).toContain('task');
    expect(Object.keys(m.run!.promptVersions)).toContain('task');
    expect(m.dataFiles.map((d) => d.dataset)).toContain('mini');
    expect(m.conversationFiles).toEqual([{ dataset: 'd', file: 'f.jsonl', sha256: 'abc', rows: 0 }]);
    expect(m.app.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('hands back the run report the HTML report needs for Figures 5, 8 and 10', () => {
    expect(plain.runReport).toMatchObject({ run: 'r', sourceId: 'run:r', tasks: { kept: 2, dropped: 2 } });
    expect(plain.runReport!.skills).toEqual([{ skill: 'writing', pct: 100 }]);
  });
});

describe('run export: conversation text and account ids', () => {
  it('leak into no file by default, and the manifest says so', () => {
    expect(filesContaining(plain, TEXT_MARKER)).toEqual([]);
    expect(filesContaining(plain, ACCOUNT_MARKER)).toEqual([]);
    expect(plain.manifest.privacy).toEqual({ includeConversationText: false, includeAccountIds: false, tasksBelowThresholds: 'excluded' });
  });

  it('appear in a conversations table of every format when opted in, for kept tasks only', () => {
    expect(optedIn.manifest.privacy).toMatchObject({ includeConversationText: true, includeAccountIds: true });
    const withText = filesContaining(optedIn, TEXT_MARKER).sort();
    expect(withText).toEqual(['csv/conversations.csv', 'dta/conversations.dta', 'parquet/conversations.parquet', 'r/conversations.csv']);
    expect(filesContaining(optedIn, ACCOUNT_MARKER).sort()).toEqual(withText);
    for (const node of ['n-code', 'n-reports']) expect(filesContaining(optedIn, `${TEXT_MARKER}-${node}`)).toHaveLength(4);
    expect(optedIn.manifest.tables.find((t) => t.name === 'conversations')!.rows).toBe(45);
  });

  it('honours each opt-in separately', () => {
    const ids = exportResults(project.db, { run: 'r', dir: join(tmp, 'ids'), includeAccountIds: true, formats: ['csv'] });
    expect(filesContaining(ids, ACCOUNT_MARKER)).toEqual(['csv/conversations.csv']);
    expect(filesContaining(ids, TEXT_MARKER)).toEqual([]);
    const text = exportResults(project.db, { run: 'r', dir: join(tmp, 'text'), includeConversationText: true, formats: ['parquet'] });
    expect(filesContaining(text, TEXT_MARKER)).toEqual(['parquet/conversations.parquet']);
    expect(filesContaining(text, ACCOUNT_MARKER)).toEqual([]);
  });

  it('reads back the same conversations from .dta and .parquet', () => {
    const dta = readDta(join(optedIn.dir, 'dta/conversations.dta'));
    const pq = readParquet(join(optedIn.dir, 'parquet/conversations.parquet'));
    expect(dta.names).toEqual(['id', 'account_id', 'text', 'task']);
    expect(pq.names).toEqual(dta.names);
    expect(dta.n).toBe(45);
    expect(pq.columns[2]).toEqual(dta.rows.map((r) => r[2]));
    expect(new Set(dta.rows.map((r) => r[3]))).toEqual(new Set(KEPT));
  });
});

describe('run export: aggregates', () => {
  it('counts conversations per model over kept tasks only', () => {
    const csv = readFileSync(join(plain.dir, 'r/by_model.csv'), 'utf8').trim().split('\r\n').slice(1);
    const perModel = new Map(csv.map((l) => l.split(',')).map(([model, n]) => [model, Number(n)]));
    // Kept: 15 + 30 conversations, alternating models (odd index -> model-a).
    expect(Object.fromEntries(perModel)).toEqual({ 'model-a': 7 + 15, 'model-b': 8 + 15 });
  });
});
