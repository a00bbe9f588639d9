// Demo mode: `task-atlas demo` runs the whole pipeline with no key (fake Claude, bundled tiny model)
// and labels everything it makes as a demo; demo.start / demo.stop switch between the demo project
// and the real one, and demo results never reach the real project.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DEMO_DATASET, DEMO_EMBEDDING_MODEL, DEMO_PROVENANCE } from '../../src-shared/demo';
import { runDemo, type DemoSummary } from '../../src-main/cli/demo';
import { AppHost } from '../../src-main/engine/host';
import { createAppService, type ApiHandlers } from '../../src-main/engine/service';
import { closeProject, openProject } from '../../src-main/engine/project';
import { runReport } from '../../src-main/engine/classify/report';
import { exportAll } from '../../src-main/engine/jobs/export-run';
import { DEMO_PROJECT_CLOSED_MESSAGE, NO_DEMO_SERVER_MESSAGE } from '../../src-main/engine/demo/mode';
import { startFakeAnthropic } from '../../src-main/fake-anthropic/server';
import { claudeLine, resultLine } from '../../src-renderer/features/jobs/format';
import { copyBundledProject, RESOURCES } from '../support/shared-projects';

const KEY_VARS = ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_BASE_URL'];
const savedEnv = Object.fromEntries(['TASK_ATLAS_HOME', ...KEY_VARS].map((k) => [k, process.env[k]]));

function restoreEnv(): void {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

describe('task-atlas demo', () => {
  let dir: string;
  let project: string;
  let summary: DemoSummary;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-demo-cli-'));
    process.env.TASK_ATLAS_HOME = dir;
    for (const k of KEY_VARS) delete process.env[k];
    // A copy of the bundled project skips the XLSX import (seconds); demo.start still checks it is current.
    project = copyBundledProject(join(dir, 'my-demo.sqlite'));
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runDemo({ project, json: true })).toBe(0);
    } finally {
      write.mockRestore();
      stderr.mockRestore();
    }
    summary = JSON.parse(out.join('')) as DemoSummary;
  }, 240_000);

  afterAll(restoreEnv);

  it('classifies the sample corpus with no key and prints the JSON summary', () => {
    expect(Object.keys(summary).sort()).toEqual(['classified', 'conversations', 'hierarchyId', 'keptTasks', 'project', 'run'].sort());
    expect(summary.project).toBe(project);
    expect(summary.run).toBe('demo-run');
    expect(summary.conversations).toBe(450);
    expect(summary.classified).toBeGreaterThan(0);
    expect(summary.keptTasks).toBeGreaterThan(0);
    // The default project was never created: the demo lives in its own file.
    expect(existsSync(join(dir, 'default.sqlite'))).toBe(false);
  });

  it('names the hierarchy as a demo and records demo: true in the run configuration', () => {
    const db = new Database(project, { readonly: true });
    try {
      const name = db.prepare('SELECT name FROM hierarchy WHERE id = ?').pluck().get(summary.hierarchyId) as string;
      expect(name).toMatch(/^demo-/);
      const cfg = JSON.parse(db.prepare('SELECT config_json FROM classify_run WHERE id = ?').pluck().get(summary.run) as string);
      expect(cfg).toMatchObject({ demo: true, embeddingModel: DEMO_EMBEDDING_MODEL, datasets: [DEMO_DATASET] });
      const results = db.prepare("SELECT kind, result_json FROM job WHERE kind IN ('hierarchy.build', 'classify.run')").all() as { kind: string; result_json: string }[];
      expect(results.map((r) => r.kind).sort()).toEqual(['classify.run', 'hierarchy.build']);
      for (const r of results) expect(JSON.parse(r.result_json).claude.simulated).toBe(true);
    } finally {
      db.close();
    }
  });

  it("says demo in the run report, the export manifest and the HTML report", async () => {
    const p = openProject(project, { resourcesDir: RESOURCES });
    try {
      expect(runReport(p.db, summary.run).provenance).toBe(DEMO_PROVENANCE);
      const outDir = join(dir, 'export');
      await exportAll(p, { run: summary.run, outDir, formats: ['csv'], html: true });
      const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
      expect(manifest.run.provenance).toBe(DEMO_PROVENANCE);
      const html = readFileSync(join(outDir, 'report.html'), 'utf8');
      expect(html).toContain(`<title>Task Atlas — run:demo-run — ${DEMO_PROVENANCE}</title>`);
      expect(html).toContain(`This run is a ${DEMO_PROVENANCE}`);
    } finally {
      closeProject(p);
    }
  }, 60_000);
});

describe('demo costs in the job tray', () => {
  it('shows a simulated cost, never dollars owed', () => {
    const usage = { sent: 3, cacheHits: 0, inputTokens: 1200, outputTokens: 300, costUsd: 0.5, failures: 0 };
    expect(claudeLine(usage)).toContain('· $0.50');
    expect(claudeLine({ ...usage, simulated: true })).toContain('· simulated (≈ $0.50 at Claude prices, nothing paid)');
    const result = { run: 'demo-r', conversations: 2, classified: 2, screenedOut: 0, unclassified: 0, missing: 0, unclassifiedReasons: {}, sourceId: 'run:demo-r', costUsd: 0.5 };
    const line = resultLine({ kind: 'classify.run', result: { ...result, claude: { ...usage, retries: {}, invalidAnswers: 0, simulated: true } } });
    expect(line).toMatch(/; simulated \(≈ \$0\.50 at Claude prices, nothing paid\)\.$/);
  });
});

describe('demo.start and demo.stop (service)', () => {
  let dir: string;
  let real: string;
  let host: AppHost;
  let service: ApiHandlers;
  const ctx = { transport: 'ipc' as const };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-demo-service-'));
    for (const k of KEY_VARS) delete process.env[k];
    real = copyBundledProject(join(dir, 'real.sqlite'));
    copyBundledProject(join(dir, 'demo.sqlite'));
    host = new AppHost({ configDir: dir, resourcesDir: RESOURCES, demoServer: () => startFakeAnthropic() });
    host.openProject(real);
    service = createAppService(host);
  });

  afterAll(async () => {
    await host.close();
    restoreEnv();
  });

  it('starts demo mode in its own project file, with the sample corpus and the demo server', async () => {
    const r = await service['demo.start']({}, ctx);
    expect(r.project.path).toBe(join(dir, 'demo.sqlite'));
    expect(r.previous).toBe(real);
    expect(r).toMatchObject({ dataset: DEMO_DATASET, conversations: 450 });
    expect(await service['demo.status']({}, ctx)).toEqual({ active: true, project: join(dir, 'demo.sqlite'), previous: real });
    const s = host.jobSettings();
    expect(s).toMatchObject({ demoMode: true, embeddingModel: DEMO_EMBEDDING_MODEL, allowModelDownload: false });
    expect(s.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The saved settings are untouched, and the demo file is never a recent project.
    expect(host.settings.get()).toMatchObject({ demoMode: false, baseURL: '' });
    expect(host.recent.list().map((e) => e.path)).not.toContain(join(dir, 'demo.sqlite'));
    // A second start (already in demo) imports nothing twice and keeps the way back.
    const again = await service['demo.start']({}, ctx);
    expect(again).toMatchObject({ previous: real, conversations: 450 });
  }, 60_000);

  it('stops back to the real project, which holds no demo data', async () => {
    const status = await service['demo.stop']({}, ctx);
    expect(status.active).toBe(false);
    expect(host.info().path).toBe(real);
    expect(host.jobSettings()).toMatchObject({ demoMode: false, baseURL: '' });
    const db = new Database(real, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM conversation WHERE dataset = ?').pluck().get(DEMO_DATASET)).toBe(0);
    } finally {
      db.close();
    }
  });

  it('refuses jobs in the demo project while demo mode is off', async () => {
    host.openProject(join(dir, 'demo.sqlite'));
    try {
      expect(() => host.startJob({ kind: 'hierarchy.build', args: { sampleSize: 50 } })).toThrow(DEMO_PROJECT_CLOSED_MESSAGE);
      expect((await service['demo.status']({}, ctx)).active).toBe(false);
    } finally {
      host.openProject(real);
    }
  });

  it('says demo mode is unavailable when the host has no demo server, and stays on the project', async () => {
    const bare = new AppHost({ configDir: null, resourcesDir: RESOURCES });
    bare.openProject(real);
    try {
      await expect(createAppService(bare)['demo.start']({}, ctx)).rejects.toThrow(NO_DEMO_SERVER_MESSAGE);
      expect(bare.info().path).toBe(real);
    } finally {
      await bare.close();
    }
  });
});
