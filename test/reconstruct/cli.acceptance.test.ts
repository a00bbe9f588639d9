// `task-atlas demo` followed by `task-atlas reconstruct --run demo-run --fake --json` on a fresh
// home folder (the acceptance): the demo run is found in the demo project with no --project,
// reconstructed in demo mode, and printed in the stable --json shape. Then the command's strict
// flags, its estimate, and a second run that pays for nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../support/cli-capture';
import { copyBundledProject } from '../support/shared-projects';

const KEY_VARS = ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_BASE_URL'];
const saved = Object.fromEntries(['TASK_ATLAS_HOME', ...KEY_VARS].map((k) => [k, process.env[k]]));
let home: string;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'atlas-reconstruct-cli-'));
  process.env.TASK_ATLAS_HOME = home;
  for (const k of KEY_VARS) delete process.env[k];
  // The bundled data already imported (the XLSX import takes seconds); the demo checks it is current.
  copyBundledProject(join(home, 'demo.sqlite'));
  const demo = await cli(['demo', '--json']);
  expect(demo.code, demo.err).toBe(0);
  expect(JSON.parse(demo.out)).toMatchObject({ run: 'demo-run', project: join(home, 'demo.sqlite') });
}, 120_000);

afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const METRIC_KEYS = ['n', 'pearson', 'spearman', 'kendallTauB', 'mse'];
const RECOVERED_KEYS = ['both', 'directOnly', 'clusterOnly'];

describe('task-atlas reconstruct', () => {
  it('reconstructs the demo run and prints {run, levels[{meanClusterSize, clusters, metrics, recovered}]}', async () => {
    const r = await cli(['reconstruct', '--run', 'demo-run', '--fake', '--json']);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { run: string; levels: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['run', 'levels']);
    expect(json.run).toBe('demo-run');
    // ~400 classified conversations: clusters of ~1,000 would be a single cluster, so that level is skipped.
    expect(json.levels.map((l) => l.meanClusterSize)).toEqual([10, 100]);
    for (const level of json.levels) {
      expect(Object.keys(level)).toEqual(['meanClusterSize', 'clusters', 'metrics', 'recovered']);
      expect(level.clusters).toBeGreaterThanOrEqual(2);
      const metrics = level.metrics as Record<string, Record<string, unknown>>;
      expect(Object.keys(metrics)).toEqual(['category', 'occupation', 'task']);
      for (const m of Object.values(metrics)) {
        expect(Object.keys(m)).toEqual(METRIC_KEYS);
        expect(m.n as number).toBeGreaterThan(0);
      }
      const recovered = level.recovered as Record<string, Record<string, number>>;
      expect(Object.keys(recovered)).toEqual(['occupation', 'task']);
      for (const x of Object.values(recovered)) expect(Object.keys(x)).toEqual(RECOVERED_KEYS);
    }
    expect(r.err).toMatch(/^Estimate: \d+ conversations → \d+ clusters of ~10, \d+ clusters of ~100; up to \d+ Claude calls/m);
    // The demo lives in its own project: the default one was never created.
    expect(existsSync(join(home, 'default.sqlite'))).toBe(false);
  }, 60_000);

  it('a second run pays for nothing and says the report is a demo', async () => {
    const r = await cli(['reconstruct', '--run', 'demo-run', '--fake']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Reconstruction of run demo-run \(claude, demo \(simulated answers\)\): \d+ conversations, 0 Claude requests sent$/m);
    expect(r.out).toMatch(/~1000 per cluster: skipped/);
  }, 60_000);

  it('prints the estimate and stops with --estimate', async () => {
    const r = await cli(['reconstruct', '--run', 'demo-run', '--levels', '20', '--estimate', '--json']);
    expect(r.code, r.err).toBe(0);
    const e = JSON.parse(r.out) as { calls: number; levels: { meanClusterSize: number; clusters: number }[]; costUsdWithBatches: number; costUsd: number };
    expect(e.levels).toHaveLength(1);
    expect(e.levels[0]!.meanClusterSize).toBe(20);
    expect(e.calls).toBeGreaterThan(e.levels[0]!.clusters * 4);
    expect(e.costUsdWithBatches).toBeCloseTo(e.costUsd / 2, 10);
  }, 60_000);

  it('refuses bad levels and unknown runs with one line and exit 2', async () => {
    const bad = await cli(['reconstruct', '--run', 'demo-run', '--levels', '10,abc']);
    expect(bad).toMatchObject({ code: 2, out: '' });
    expect(bad.err).toBe('error: --levels: "abc" is not a mean cluster size (a whole number ≥ 2)\n');
    const one = await cli(['reconstruct', '--run', 'demo-run', '--levels', '1']);
    expect(one.code).toBe(2);
    const missing = await cli(['reconstruct', '--run', 'demo-nope', '--project', join(home, 'demo.sqlite')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^error: no classification run "demo-nope" in this project \(it has: demo-run\)\n$/);
  }, 60_000);
});
