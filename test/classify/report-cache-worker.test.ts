// The stored report on a project file: the first request aggregates in a task worker and stores
// the report under the fingerprint taken before it started; requests meanwhile share that worker;
// later ones read the stored row on the calling thread, with no worker at all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { runReportAsync } from '../../src-main/engine/classify/report-async';
import { reportFingerprint } from '../../src-main/engine/classify/report-cache';
import { runReport } from '../../src-main/engine/classify/report';
import { liveWorkers } from '../../src-main/engine/workers/pool';
import { seedRun } from '../export/run-fixture';

const dir = mkdtempSync(join(tmpdir(), 'atlas-report-cache-'));
let project: Project;

beforeAll(() => {
  project = openProject(join(dir, 'p.sqlite'), { resourcesDir: resolve(__dirname, '../../resources') });
  importRelease(project.db, { dir: resolve(__dirname, '../fixtures/mini-release'), id: 'mini' });
  seedRun(project.db);
});
afterAll(() => {
  closeProject(project);
  rmSync(dir, { recursive: true, force: true });
});

const stored = () => project.db.prepare("SELECT key, created_at AS createdAt FROM run_report WHERE run_id = 'r'").get() as { key: string; createdAt: string } | undefined;

describe('stored run reports on a project file', () => {
  it('aggregates once in one worker, then answers from the store on the calling thread', async () => {
    const key = reportFingerprint(project.db, 'r', 'mini');
    const first = runReportAsync(project.db, 'r', 'mini');
    const again = runReportAsync(project.db, 'r', 'mini');
    expect(liveWorkers()).toBe(1);
    const [a, b] = await Promise.all([first, again]);
    expect(b).toEqual(a);
    expect(stored()?.key).toBe(key);
    const row = stored();
    // (The first worker may still be exiting: count the ones started since.)
    const alive = liveWorkers();
    const later = runReportAsync(project.db, 'r', 'mini');
    expect(liveWorkers()).toBe(alive);
    expect(await later).toEqual(a);
    expect(stored()).toEqual(row);
    // The stored report is the slow path's, number for number.
    expect(a).toEqual(JSON.parse(JSON.stringify(runReport(project.db, 'r', 'mini'))));
  });
});
