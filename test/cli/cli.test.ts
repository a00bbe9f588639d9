// The CLI end to end, as a user runs it: a child process on the bundled data.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/task-atlas.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // reproduce --json is over 1 MB since the report carries Figure 2's drill-down.
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('task-atlas reproduce', () => {
  it('--json prints the report with its documented top-level keys, and --out writes the CSVs', () => {
    const out = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
    const r = cli(['reproduce', '--json', '--out', out]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual([
      'source',
      'categories',
      'categoryCorrelation',
      'topOccupations',
      'topTasks',
      'depth',
      'wage',
      'jobZones',
      'automation',
      'matching',
      'drilldown',
    ]);
    const cs = report.categories.find((c: { code: string }) => c.code === '15');
    expect(cs.usagePct).toBeGreaterThan(30);
    expect(readdirSync(out).sort()).toEqual([
      'automation.csv',
      'categories.csv',
      'category_correlation.csv',
      'depth_curve.csv',
      'job_zones.csv',
      'top_occupations.csv',
      'top_tasks.csv',
      'wage.csv',
    ]);
    const zones = readFileSync(join(out, 'job_zones.csv'), 'utf8').trim().split('\n');
    expect(zones[0]).toBe('variant,zone,convPct,basePct,repRatio,occupationPct,occupations,paperConvPct,paperBasePct,paperRepRatio');
    // A header and five zones for each of the three Job Zone variants.
    expect(zones).toHaveLength(16);
  });

  it('prints a readable report with the paper beside it', () => {
    const r = cli(['reproduce']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Computer and Mathematical Occupations');
    expect(r.stdout).toContain('Table 2');
    expect(r.stdout).toMatch(/Augmentation 57\.\d% \/ automation 42\.\d%/);
  });

  it('reproduces a release given with --release', () => {
    const r = cli(['reproduce', '--json', '--release', join(ROOT, 'test/fixtures/mini-release')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).depth.occupations).toBe(3);
  });
});

describe('task-atlas import', () => {
  it('reports a bad file with file:line:column and exit code 2 (the input was wrong)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
    const bad = join(dir, 'wages.csv');
    writeFileSync(bad, 'SOCcode,JobName,JobZone,MedianSalary\n11-1011.00,CE,5,abc\n');
    const r = cli(['import', '--kind', 'wages', '--file', bad, '--project', join(dir, 'p.sqlite')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:2:MedianSalary`);
  });

  it('imports a good file into the named project', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
    const file = join(ROOT, 'test/fixtures/mini-onet/crosswalk.csv');
    const r = cli(['import', '--kind', 'soc-crosswalk', '--file', file, '--project', join(dir, 'p.sqlite')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('imported 4 rows');
  });
});
