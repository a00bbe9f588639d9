// `export --replication`: the scripts recompute the headline tables from the exported inputs and
// match the exported results (bundled release and a run), and fail naming the table when one
// exported number is altered. R and Python are run for real; the Stata .do file, which cannot run
// here, is checked to follow the same steps, tables, columns and tolerance as the R script.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeProject, type Project } from '../../src-main/engine/project';
import { openBundledProject } from '../support/shared-projects';
import { exportResults, type ExportResult } from '../../src-main/engine/export';
import { COMPARED, STEPS, TOLERANCE, stepHeadersIn } from '../../src-main/engine/export/replication/steps';
import { runProject } from './run-fixture';

const RESOURCES = resolve(__dirname, '../../resources');
const PYTHON = '/usr/bin/python3';
const RSCRIPT = '/usr/bin/Rscript';
const SCRIPTS = ['replicate.R', 'replicate.py', 'replicate.do'];
let tmp: string;
let release: ExportResult;
let run: ExportResult;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-export-replication-'));
  const bundled: Project = openBundledProject(join(tmp, 'p.sqlite'));
  try {
    release = exportResults(bundled.db, { source: 'aei-2025-02-10', dir: join(tmp, 'release'), formats: ['csv'], resourcesDir: RESOURCES, replication: true });
  } finally {
    closeProject(bundled);
  }
  const mini = runProject();
  try {
    run = exportResults(mini.db, { run: 'r', dir: join(tmp, 'run'), formats: ['csv'], replication: true });
  } finally {
    closeProject(mini);
  }
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs a script in `dir`; a missing interpreter fails the test with what to install. */
function runScript(interpreter: string, script: string, dir: string): { code: number | null; out: string } {
  if (!existsSync(interpreter)) throw new Error(`${interpreter} is missing: install r-base-core (R) and python3-pandas (Python) to run the replication scripts`);
  const r = spawnSync(interpreter, [script], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const LANGUAGES = [
  { name: 'Python', interpreter: PYTHON, script: 'replicate.py' },
  { name: 'R', interpreter: RSCRIPT, script: 'replicate.R' },
];

describe('export --replication', () => {
  it('writes the three scripts and the input tables, all listed in the manifest', () => {
    for (const r of [release, run]) {
      const listed = r.manifest.files.map((f) => f.path);
      for (const s of SCRIPTS) expect(listed).toContain(s);
      expect(listed).toContain('csv/replication_task_statements.csv');
      expect(r.manifest.tables.map((t) => t.name)).toContain('replication_usage_tasks');
    }
  });

  it('keeps a run\'s privacy: the usage input lists only tasks passing the thresholds', () => {
    const usage = readFileSync(join(run.dir, 'csv/replication_usage_tasks.csv'), 'utf8');
    expect(usage.toLowerCase()).toContain('write code.');
    expect(usage.toLowerCase()).toContain('write reports.');
    expect(usage.toLowerCase()).not.toContain('direct budgets.');
    expect(usage.toLowerCase()).not.toContain('write stories.');
  });

  it('refuses --replication without the csv format', () => {
    const mini = runProject();
    try {
      expect(() => exportResults(mini.db, { run: 'r', dir: join(tmp, 'no-csv'), formats: ['r'], replication: true })).toThrow(/needs the csv format/);
    } finally {
      closeProject(mini);
    }
  });

  for (const lang of LANGUAGES) {
    it(`${lang.name} reproduces every compared table of the release and of a run`, () => {
      for (const r of [release, run]) {
        const { code, out } = runScript(lang.interpreter, lang.script, r.dir);
        expect(out).toContain(`all ${COMPARED.length} tables match`);
        expect(code).toBe(0);
      }
    }, 60_000);

    it(`${lang.name} fails naming the table when one exported number is altered`, () => {
      const copy = join(tmp, `altered-${lang.name}`);
      cpSync(run.dir, copy, { recursive: true }); // the run's export: small, so quick to copy and rerun
      const file = join(copy, 'csv/job_zones.csv');
      const lines = readFileSync(file, 'utf8').split('\r\n');
      const cells = lines[1]!.split(',');
      cells[2] = String(Number(cells[2]) + 0.001); // convPct of the first row
      lines[1] = cells.join(',');
      writeFileSync(file, lines.join('\r\n'));
      const { code, out } = runScript(lang.interpreter, lang.script, copy);
      expect(code).toBe(1);
      expect(out).toMatch(/job_zones: .*convPct exported/);
      expect(out).toContain('MISMATCH in 1 of 4 tables: job_zones');
    }, 60_000);
  }

  it('gives the .do file the same steps, tables, columns and tolerance as the R script', () => {
    const text = (s: string) => readFileSync(join(release.dir, s), 'utf8');
    const ids = STEPS.map((s) => s.id);
    for (const s of SCRIPTS) expect(stepHeadersIn(text(s))).toEqual(ids);
    const stata = text('replicate.do');
    expect(stata).toContain(`local tol = ${TOLERANCE}`);
    for (const c of COMPARED) {
      for (const s of SCRIPTS) expect(text(s)).toContain(c.table);
      for (const col of [...c.keys, ...c.values]) expect(stata).toContain(col);
    }
  });
});
