// A run's report and project-wide reports built in a task worker over the project file: the same
// RunReport and usage source as in-thread, a missing run stays not-found, and the main connection
// reads what the worker wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { importHierarchy } from '../../src-main/engine/hierarchy/store';
import { resolveConfig } from '../../src-main/engine/classify/run';
import { runReport } from '../../src-main/engine/classify/report';
import { runReportAsync } from '../../src-main/engine/classify/report-async';
import { reproduce } from '../../src-main/engine/analyze/reproduce';
import { NotFoundError } from '../../src-main/engine/errors';
import { offProject } from '../../src-main/engine/workers/project-tasks';

const dir = mkdtempSync(join(tmpdir(), 'atlas-report-worker-'));
let file: Project;
let memory: Project;

/** A release, a one-parent hierarchy over its three tasks, and a complete run of 60 conversations. */
function seed(db: Project['db']): void {
  importRelease(db, { dir: resolve(__dirname, '../fixtures/mini-release'), id: 'mini' });
  const tasks = { code: 'Write code.', stories: 'Write stories.', budgets: 'Direct budgets.' };
  importHierarchy(db, 'h.json', {
    format: 'task-atlas.hierarchy', version: 1, id: 'h', name: 'h', config: { taskDataset: 'mini' }, createdAt: '',
    nodes: [
      { id: 'top', level: 1, name: 'Everything', description: '', parent: null },
      ...Object.entries(tasks).map(([id, name]) => ({ id, level: 0, name, description: '', parent: 'top' })),
    ],
  });
  db.prepare("INSERT INTO classify_run (id, config_json, status, created_at, updated_at) VALUES ('r', ?, 'complete', '', '')").run(
    JSON.stringify(resolveConfig({ name: 'r', datasets: ['d'], hierarchyId: 'h' })),
  );
  db.prepare("INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at) VALUES ('i', 'd', 'f', 'jsonl', '', 'complete', '')").run();
  const conv = db.prepare("INSERT INTO conversation (id, dataset, account_id, model, messages_json, turns, chars, import_id) VALUES (?, 'd', ?, 'm', '[]', 1, 1, 'i')");
  const put = db.prepare("INSERT INTO classification (run_id, conversation_id, facet, status, value) VALUES ('r', ?, ?, 'ok', ?)");
  for (let i = 0; i < 60; i++) {
    conv.run(`c${i}`, `a${i % 30}`);
    put.run(`c${i}`, 'task', ['code', 'stories', 'budgets'][i % 3]!);
    put.run(`c${i}`, 'pattern', i % 2 ? 'directive' : 'learning');
    put.run(`c${i}`, 'skills', '["writing"]');
  }
}

beforeAll(() => {
  file = openProject(join(dir, 'p.sqlite'), { resourcesDir: resolve(__dirname, '../../resources') });
  memory = openProject(':memory:', { resourcesDir: resolve(__dirname, '../../resources') });
  seed(file.db);
  seed(memory.db);
});
afterAll(() => {
  closeProject(file);
  closeProject(memory);
  rmSync(dir, { recursive: true, force: true });
});

describe('runReportAsync', () => {
  it('reports a run from a worker exactly as runReport does in-thread', async () => {
    const viaWorker = await runReportAsync(file.db, 'r', 'mini');
    expect(viaWorker).toEqual(runReport(memory.db, 'r', 'mini'));
    expect(viaWorker.tasks.kept).toBeGreaterThan(0);
    // The worker's write of the run's usage source is visible to the main connection.
    expect(reproduce(file.db, 'run:r')).toEqual(reproduce(memory.db, 'run:r'));
  });

  it('keeps a missing run a not-found error', async () => {
    await expect(runReportAsync(file.db, 'nope')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('offProject', () => {
  it('reproduces and compares sources in a worker like in-thread', async () => {
    expect(await offProject(file.db, { kind: 'reproduce', sourceId: 'mini' })).toEqual(reproduce(memory.db, 'mini'));
    const compared = await offProject(file.db, { kind: 'compare', a: 'mini', b: 'mini' });
    expect(compared).toEqual(await offProject(memory.db, { kind: 'compare', a: 'mini', b: 'mini' }));
  });
});
