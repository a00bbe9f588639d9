// Comparing two usage sources in full (issue #14 item 5): the engine compares every task either
// source has (not the reports' top-50 lists) with recovered-set counts; review mode, which only has
// the reports, says its task level is the top lists; and `task-atlas compare` prints it as JSON
// with stable keys, or exits 2 naming a source the project lacks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { compareSources } from '../../src-main/engine/analyze/compare';
import { reproduce } from '../../src-main/engine/analyze/reproduce';
import { compareReports } from '../../src-shared/compare';

const ROOT = resolve(__dirname, '../..');
const MINI = resolve(__dirname, '../fixtures/mini-release');
let dir: string;
let project: Project;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-compare-'));
  // A second release over the same O*NET tasks: code and drafts only.
  const mini2 = join(dir, 'mini2');
  cpSync(MINI, mini2, { recursive: true });
  writeFileSync(join(mini2, 'onet_task_mappings.csv'), 'task_name,pct\nwrite code.,50\nedit drafts.,50\n');
  project = openProject(join(dir, 'p.sqlite'), { resourcesDir: resolve(ROOT, 'resources') });
  importRelease(project.db, { dir: MINI, id: 'mini' });
  importRelease(project.db, { dir: mini2, id: 'mini2' });
});
afterAll(() => closeProject(project));

describe('compareSources', () => {
  it('compares every task with usage, with the items both / only A / only B have', () => {
    const cmp = compareSources(project.db, 'mini', 'mini2');
    // mini: budgets 10, reports 30 (two task texts, one per occupation), code 40, stories 15 of 95.
    expect(cmp.tasks.map((t) => t.task).sort()).toEqual(['Direct budgets.', 'Edit drafts.', 'WRITE reports.', 'Write code.', 'Write reports.', 'Write stories.']);
    const code = cmp.tasks.find((t) => t.task === 'Write code.')!;
    expect(code.a).toBeCloseTo((100 * 40) / 95, 9);
    expect(code.b).toBeCloseTo(50, 9);
    expect(cmp.recovered).toEqual({ occupation: { both: 2, onlyA: 1, onlyB: 0 }, task: { both: 1, onlyA: 4, onlyB: 1 } });
    expect(cmp.scope).toEqual({ occupation: 'all', task: 'all' });
    expect(cmp.notes).toEqual([]);
    expect(cmp.metrics.find((m) => m.level === 'task')!.metrics.n).toBe(6);
  });

  it('says so when only the reports\' top task lists are at hand (review mode)', () => {
    const a = reproduce(project.db, 'mini');
    const b = reproduce(project.db, 'mini2');
    const cut = { ...a, topTasks: a.topTasks.slice(0, 2) };
    const cmp = compareReports(cut, b);
    expect(cmp.scope.task).toBe('top');
    expect(cmp.notes[0]).toMatch(/only their top tasks \(2 and 2\)/);
    expect(cmp.tasks).toHaveLength(3); // Write code. (both), Write reports. or the other top one, Edit drafts.
    // With every task given, the same reports compare in full.
    const full = compareReports(cut, b, { a: compareSources(project.db, 'mini', 'mini2').tasks.filter((t) => t.a > 0).map((t) => ({ task: t.task, usagePct: t.a, occupations: 1 })), b: b.topTasks });
    expect(full.scope.task).toBe('all');
    expect(full.recovered.task).toEqual({ both: 1, onlyA: 4, onlyB: 1 });
  });
});

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/task-atlas.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TASK_ATLAS_HOME: dir },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('task-atlas compare', () => {
  it('--json prints the comparison with stable keys', () => {
    const r = cli(['compare', '--project', join(dir, 'p.sqlite'), '--a', 'mini', '--b', 'mini2', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['a', 'b', 'metrics', 'recovered', 'scope', 'notes', 'shares']);
    expect(out).toMatchObject({ a: 'mini', b: 'mini2', recovered: { task: { both: 1, onlyA: 4, onlyB: 1 } } });
    expect(Object.keys(out.metrics)).toEqual(['category', 'occupation', 'task']);
    expect(Object.keys(out.metrics.task)).toEqual(['n', 'pearson', 'spearman', 'kendallTauB', 'mse']);
    expect(out.shares.task).toHaveLength(6);
  }, 120_000);

  it('prints a readable table', () => {
    const r = cli(['compare', '--project', join(dir, 'p.sqlite'), '--a', 'mini', '--b', 'mini2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/tasks with usage: 1 in both, 4 only in A, 1 only in B/);
    expect(r.stdout).toMatch(/^task +n = 6 · Pearson r = /m);
  }, 120_000);

  it('exits 2 naming a source the project does not have', () => {
    const r = cli(['compare', '--project', join(dir, 'p.sqlite'), '--a', 'mini', '--b', 'run:nope', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no usage source "run:nope"/);
  }, 120_000);
});
