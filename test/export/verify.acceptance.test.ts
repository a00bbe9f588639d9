// `task-atlas verify DIR` against a fresh full export (tables, report.html, charts, review bundle):
// clean at first, then one failure per kind of tampering (a changed byte, an added file, a deleted
// file), and exit 2 for a folder it cannot check. The manifest lists every exported file, carries
// the software and method parameters, and its input files are exactly the review bundle's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Manifest } from '../../src-main/engine/export';
import { exportAll } from '../../src-main/engine/jobs/export-run';
import { closeProject, type Project } from '../../src-main/engine/project';
import { runReport } from '../../src-main/engine/classify/report';
import { DEPTH_CURVE_STEPS } from '../../src-main/engine/analyze/depth';
import { MIN_ANNUAL_WAGE } from '../../src-shared/taxonomy';
import type { ReviewBundle } from '../../src-main/engine/review/schema';
import { cli } from '../support/cli-capture';
import { copyBundledProject } from '../support/shared-projects';
import { runProject } from './run-fixture';

const BUNDLE = 'aei-2025-02-10.taskatlas-review.json';
let tmp: string;
let out: string;

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
/** A copy of the fresh export to tamper with, so each case starts clean. */
function copy(name: string): string {
  const dir = join(tmp, name);
  cpSync(out, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-verify-'));
  const project = copyBundledProject(join(tmp, 'p.sqlite'));
  out = join(tmp, 'out');
  const r = await cli(['export', '--out', out, '--html', '--charts', '--review', '--project', project]);
  expect(r.code, r.err).toBe(0);
}, 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a fresh release export', () => {
  it('verifies clean', async () => {
    const r = await cli(['verify', out]);
    expect(r.code, r.err + r.out).toBe(0);
    expect(r.out).toMatch(/: all \d+ files match manifest\.json/);
    expect(r.err).toBe('');
  });

  it('lists report.html, the charts and the review bundle, and says manifest.json is not listed', () => {
    const m = readJson<Manifest>(join(out, 'manifest.json'));
    const paths = m.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['report.html', BUNDLE, 'charts/fig3.svg', 'charts/fig3.png', 'codebook.md', 'csv/categories.csv']));
    expect(paths).not.toContain('manifest.json');
    expect(m.filesNote).toMatch(/except manifest\.json/);
  });

  it('lists the same input files as the review bundle', () => {
    const m = readJson<Manifest>(join(out, 'manifest.json'));
    const bundle = readJson<ReviewBundle>(join(out, BUNDLE));
    expect(m.dataFiles.length).toBeGreaterThan(0);
    expect(m.dataFiles).toEqual(bundle.provenance.dataFiles);
  });

  it('records the software and the method parameters the code uses', () => {
    const m = readJson<Manifest>(join(out, 'manifest.json'));
    expect(m.software.app.version).toBe(m.app.version);
    expect(m.software.app.commit).toMatch(/^([0-9a-f]{40}|unknown)$/);
    expect(m.software.node).toBe(process.versions.node);
    expect(m.software.electron).toBe('not running in Electron');
    expect(m.software.sqlite).toMatch(/^3\.\d+\.\d+$/);
    expect(Object.values(m.software.packages)).toEqual([expect.stringMatching(/^\d/), expect.stringMatching(/^\d/), expect.stringMatching(/^\d/)]);
    expect(m.method.depthCurve.steps).toBe(DEPTH_CURVE_STEPS);
    expect(m.method.wages.hourlyCutoff).toBe(MIN_ANNUAL_WAGE);
    expect(m.method.taskMatching).toMatch(/lower-casing/);
    expect(m.method.run).toBeNull();
  });
});

describe('verify fails with exit 1', () => {
  it('when one byte of a data file changed, naming it', async () => {
    const dir = copy('changed');
    const file = join(dir, 'csv/categories.csv');
    const bytes = readFileSync(file);
    const at = bytes.length - 3;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 1, at);
    writeFileSync(file, bytes);
    const r = await cli(['verify', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^changed: csv\/categories\.csv \(sha256 [0-9a-f]{64}, listed [0-9a-f]{64} \(same size\)\)$/m);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/does not match its manifest\.json: 0 missing, 1 changed, 0 added/);
  });

  it('when a file grew', async () => {
    const dir = copy('grown');
    appendFileSync(join(dir, 'report.html'), '\n');
    const r = await cli(['verify', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^changed: report\.html \(size \d+ bytes, listed \d+\)$/m);
  });

  it('when a file was added', async () => {
    const dir = copy('added');
    writeFileSync(join(dir, 'csv', 'extra.csv'), 'a\n1\n');
    const r = await cli(['verify', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('added: csv/extra.csv (not listed in manifest.json)\n');
    expect(r.err).toMatch(/0 missing, 0 changed, 1 added/);
  });

  it('when a file was deleted', async () => {
    const dir = copy('deleted');
    unlinkSync(join(dir, BUNDLE));
    const r = await cli(['verify', dir, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { ok: boolean; problems: { kind: string; path: string }[] };
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'missing', path: BUNDLE })]);
  });
});

describe('verify refuses with exit 2 and one line naming the file', () => {
  it.each<[string, (dir: string) => void, RegExp]>([
    ['no such folder', (dir) => rmSync(dir, { recursive: true }), /no such folder/],
    ['no manifest', (dir) => unlinkSync(join(dir, 'manifest.json')), /manifest\.json: no manifest\.json in this folder/],
    ['a manifest that is not JSON', (dir) => writeFileSync(join(dir, 'manifest.json'), '{ nope'), /manifest\.json: not valid JSON/],
    ['a manifest listing a path outside the folder', (dir) => {
      const m = readJson<Manifest>(join(dir, 'manifest.json'));
      m.files[0]!.path = '../escape.csv';
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
    }, /manifest\.json: not a Task Atlas export manifest: files\.0\.path/],
  ])('%s', async (name, spoil, message) => {
    const dir = copy(`bad-${name.replace(/\W+/g, '-')}`);
    spoil(dir);
    const r = await cli(['verify', dir]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.err).toMatch(message);
  });
});

describe('a run export', () => {
  let project: Project;
  beforeAll(() => {
    project = runProject();
    runReport(project.db, 'r', 'mini'); // the run's reference release: the mini one
  });
  afterAll(() => closeProject(project));

  it('records the run settings and models, lists the bundle\'s input files and verifies clean', async () => {
    const dir = join(tmp, 'run');
    await exportAll(project, { run: 'r', outDir: dir, formats: ['csv'], html: true, review: true });
    const m = readJson<Manifest>(join(dir, 'manifest.json'));
    expect(m.method.run).toEqual({
      seed: 1,
      thresholds: { minConversations: 15, minAccounts: 5 },
      bootstrap: { replicates: 1000, seed: 1 },
      window: null,
      tasksPerConversation: 1,
      maxConversationChars: 60_000,
      privacySummary: false,
      limit: null,
    });
    expect(m.run?.embeddingModel).toBeTruthy();
    const bundle = readJson<ReviewBundle>(join(dir, 'run_r.taskatlas-review.json'));
    expect(m.dataFiles.map((f) => f.dataset)).toContain('mini');
    expect(m.dataFiles).toEqual(bundle.provenance.dataFiles);
    expect((await cli(['verify', dir])).code).toBe(0);
  }, 60_000);
});
