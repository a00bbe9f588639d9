// `task-atlas bench reproduce` (npm run bench:reproduce): times the full reproduction against an
// independent pandas script (scripts/reproduce_pandas.py) reading the same bundled files, checks
// that both give the same headline numbers, and prints `ratio (task-atlas / pandas)`. Figures
// only, no pass/fail. Every sample is a fresh process, as a user's run is: the engine's own time is
// measured inside a child process (so CLI start-up does not count), and the whole CLI end to end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeProject, findResourcesDir, importBundledDefaults, openProject } from '../engine/project';
import { reproduce } from '../engine/analyze/reproduce';
import { DEFAULT_SOURCE_ID } from '../engine/analyze/inputs';
import { headlineMismatches, headlineNumbers, type Headline } from '../engine/analyze/headline';
import { prepareSource } from './reproduce';
import { pandasScript, pandasUnavailable, runPandas, type PandasRun } from './bench-pandas';

/** Set in the child processes: "cold", or "warm:FILE" (a project that already holds the data). */
const PHASE_ENV = 'TASK_ATLAS_BENCH_PHASE';
const RUNS = 3;

interface EngineRun {
  totalMs: number;
  /** cold: importing the bundled files; warm: reopening the project and checking file hashes. */
  prepareMs: number;
  analyseMs: number;
  headline: Headline;
}

export async function runBench(): Promise<number> {
  const phase = process.env[PHASE_ENV];
  if (phase !== undefined) {
    process.stdout.write(JSON.stringify(measurePhase(phase)) + '\n');
    return 0;
  }
  const resources = findResourcesDir();
  const script = pandasScript(resources);
  const missing = pandasUnavailable(script);
  const dir = mkdtempSync(join(tmpdir(), 'task-atlas-bench-'));
  try {
    const file = join(dir, 'bench.sqlite');
    const p = openProject(file, { resourcesDir: resources });
    importBundledDefaults(p); // as `reproduce --project DIR` leaves it
    closeProject(p);
    const cold: EngineRun[] = [];
    const warm: EngineRun[] = [];
    const cli: number[] = [];
    const pandas: PandasRun[] = [];
    // Interleaved, so that load from other work on the machine falls on every side alike.
    for (let i = 0; i < RUNS; i++) {
      if (missing === null) pandas.push(runPandas(script, join(resources, 'data')));
      cold.push(child(['bench', 'reproduce'], 'cold'));
      warm.push(child(['bench', 'reproduce'], `warm:${file}`));
      cli.push(timedCli(['reproduce', '--json']));
    }
    process.stdout.write(report(cold, warm, median(cli), pandas, missing).join('\n') + '\n');
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measurePhase(phase: string): EngineRun {
  const start = performance.now();
  const warmFile = phase.startsWith('warm:') ? phase.slice('warm:'.length) : null;
  const project = openProject(warmFile ?? ':memory:');
  try {
    // cold: exactly what `task-atlas reproduce` does; warm: what `reproduce --project DIR` does.
    const source = warmFile === null ? prepareSource(project) : (importBundledDefaults(project), DEFAULT_SOURCE_ID);
    const prepared = performance.now();
    const result = reproduce(project.db, source);
    const done = performance.now();
    return { totalMs: done - start, prepareMs: prepared - start, analyseMs: done - prepared, headline: headlineNumbers(result) };
  } finally {
    closeProject(project);
  }
}

/** Runs this same CLI (whatever entry started it) again with `args`. */
function spawnCli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string, ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`task-atlas ${args.join(' ')} failed (exit ${r.status}): ${r.stderr}`);
  return r;
}

function child(args: string[], phase: string): EngineRun {
  const out = spawnCli(args, { ...process.env, [PHASE_ENV]: phase }).stdout.trim().split('\n');
  return JSON.parse(out[out.length - 1] as string) as EngineRun;
}

function timedCli(args: string[]): number {
  const start = performance.now();
  spawnCli(args);
  return performance.now() - start;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function medianRun(runs: EngineRun[]): { total: number; prepare: number; analyse: number } {
  return {
    total: median(runs.map((r) => r.totalMs)),
    prepare: median(runs.map((r) => r.prepareMs)),
    analyse: median(runs.map((r) => r.analyseMs)),
  };
}

function report(cold: EngineRun[], warm: EngineRun[], cliMs: number, pandas: PandasRun[], missing: string | null): string[] {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const c = medianRun(cold);
  const w = medianRun(warm);
  const lines = [
    `task-atlas reproduce vs pandas: median of ${RUNS} runs, each in a fresh process`,
    `cold (in-memory project: import bundled data + all analyses, engine in-process): ${ms(c.total)} (import ${ms(c.prepare)}, analyse ${ms(c.analyse)})`,
    `warm (project already holds the data: analyses only, engine in-process): ${ms(w.analyse)} (+ reopen and hash check ${ms(w.prepare)})`,
    `end to end \`task-atlas reproduce --json\` (CLI start-up included): ${ms(cliMs)}`,
  ];
  if (missing !== null) return [...lines, `pandas: not measured: ${missing}`];
  const pMs = median(pandas.map((p) => p.processMs));
  const pCompute = median(pandas.map((p) => p.computeMs));
  const ratio = (v: number) => `${(v / pMs).toFixed(2)} (against pandas' compute alone: ${(v / pCompute).toFixed(2)})`;
  lines.push(
    `pandas (/usr/bin/python3 scripts/reproduce_pandas.py): ${ms(pMs)} per process (compute after imports ${ms(pCompute)})`,
    `ratio (task-atlas / pandas) cold: ${ratio(c.total)}; target <= 1.0`,
    `ratio (task-atlas / pandas) warm: ${ratio(w.analyse)}; target <= 0.3`,
    `ratio (task-atlas / pandas) end to end CLI: ${(cliMs / pMs).toFixed(2)}`,
  );
  return [...lines, ...agreement([...cold, ...warm], pandas)];
}

function agreement(ours: EngineRun[], pandas: PandasRun[]): string[] {
  const mismatches = new Set(ours.flatMap((o) => pandas.flatMap((p) => headlineMismatches(o.headline, p.headline))));
  const n = Object.keys(pandas[0]?.headline ?? {}).length;
  if (mismatches.size === 0) return [`agreement: all ${n} headline numbers equal pandas' to 1e-6`];
  return [`agreement: ${mismatches.size} of ${n} headline numbers differ from pandas':`, ...[...mismatches].map((m) => `  ${m}`)];
}
