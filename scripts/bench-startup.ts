// npm run bench:startup [-- --runs N]
// Start-up figures (issue #15, goals 1 and 7): `task-atlas --help` and `task-atlas reproduce --help`
// from the prebuilt bundle (out/cli) against the same commands transpiled by tsx (the path before
// the bundle), Node's own start (`node -e 0`) as the floor, the cost of the bundle's staleness
// check (one stat per source file, paid by every start), and `npm run serve` on a second start:
// from the command to the first successful API call, the web bundle current and the project's
// bundled data already imported by a first start. Wall times, median of --runs (default 7).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCliBundle, bundleState } from './cli-bundle.mjs';
import { webState } from './web-bundle.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const RUNS = Math.max(1, Number(values.runs));
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/task-atlas.mjs');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median wall seconds of `node args…`, each run checked to succeed. */
function timeNode(args: string[], runs: number, env: NodeJS.ProcessEnv = {}): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
    times.push((performance.now() - t0) / 1000);
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  }
  return median(times);
}

/** Seconds from `npm run serve` to the first answered API call; stops the server afterwards. */
async function serveToUsable(configDir: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn('npm', ['run', 'serve', '--silent', '--', '--port', '0', '--config', configDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: the stop below reaches npm, node and the engine alike
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    for (;;) {
      const launch = /Open (http:\/\/127\.0\.0\.1:\d+\/)#token=([\w-]+)/.exec(out);
      if (launch && (await apiAnswers(launch[1]!, launch[2]!))) return (performance.now() - t0) / 1000;
      if (child.exitCode !== null) throw new Error(`serve exited early:\n${err}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    process.kill(-child.pid!, 'SIGINT');
    await exited;
  }
}

async function apiAnswers(base: string, token: string): Promise<boolean> {
  const res = await fetch(`${base}api/sources.list`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-task-atlas-token': token },
    body: '{}',
  });
  return res.ok && ((await res.json()) as { ok: boolean }).ok;
}

async function main(): Promise<void> {
  if (bundleState() !== 'current') await buildCliBundle();
  if (webState() !== 'current') spawnSync(process.execPath, [join(ROOT, 'scripts/web-bundle.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const floor = timeNode(['-e', '0'], RUNS);
  const help = timeNode([BIN, '--help'], RUNS);
  const helpTsx = timeNode([BIN, '--help'], Math.min(RUNS, 3), { TASK_ATLAS_FROM_SOURCE: '1' });
  const reproduceHelp = timeNode([BIN, 'reproduce', '--help'], RUNS);
  const reproduceHelpTsx = timeNode([BIN, 'reproduce', '--help'], Math.min(RUNS, 3), { TASK_ATLAS_FROM_SOURCE: '1' });

  const configDir = mkdtempSync(join(tmpdir(), 'atlas-bench-startup-'));
  let first: number;
  const second: number[] = [];
  try {
    first = await serveToUsable(configDir);
    for (let i = 0; i < Math.min(RUNS, 3); i++) second.push(await serveToUsable(configDir));
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }

  const checks: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    bundleState();
    checks.push((performance.now() - t0) / 1000);
  }

  const row = (label: string, s: number, note = '') => console.log(`${label.padEnd(48)}${s.toFixed(3).padStart(8)} s${note}`);
  console.log(`task-atlas start-up, median of ${RUNS} runs (tsx and serve: ${Math.min(RUNS, 3)})`);
  row('node -e 0 (Node start, the floor)', floor);
  // Beyond Node's own start: what the CLI adds, the part a loaded machine inflates least.
  const own = (s: number) => `   (${(s - floor).toFixed(3)} s above the floor)`;
  row('task-atlas --help (bundle)', help, `${own(help)}   goal ≤ 0.3 s: ${help <= 0.3 ? 'met' : 'NOT met'}`);
  row('  of which the staleness check', median(checks));
  row('task-atlas --help (tsx, from source)', helpTsx, `${own(helpTsx)}   ratio bundle / tsx ${(help / helpTsx).toFixed(2)}`);
  row('task-atlas reproduce --help (bundle)', reproduceHelp, own(reproduceHelp));
  row('task-atlas reproduce --help (tsx, from source)', reproduceHelpTsx, `${own(reproduceHelpTsx)}   ratio bundle / tsx ${(reproduceHelp / reproduceHelpTsx).toFixed(2)}`);
  row('npm run serve, first start to first API call', first);
  const s = median(second);
  row('npm run serve, second start to first API call', s, `   goal ≤ 3 s: ${s <= 3 ? 'met' : 'NOT met'}`);
}

await main();
