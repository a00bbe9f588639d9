// npm run bench:ingest [-- --n 1000000] [--seed 1] [--import-only]
// Figures for the streaming conversation importer (no pass/fail): generates N synthetic
// conversations as JSONL, imports them into a fresh project database in a child process (so its
// peak RSS, VmHWM, is the import's alone, its reader and checkpointer threads included), loads the
// same rows with Python's sqlite3 as a reference (scripts/bench-ingest-reference.py) and prints the
// ratio, then aggregates a synthetic classification run over the imported conversations
// (bench-aggregate.ts). The machine's load average is printed with the import: on a shared 2-core
// machine another busy process halves what two threads can do.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase } from '../src-main/db/open';
import { importConversations } from '../src-main/engine/ingest/conversations';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATASET = 'synthetic';

interface ChildResult {
  seconds: number;
  cpuSeconds: number;
  added: number;
  badRows: number;
  peakRssKb: number;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

/** Peak resident set of this process so far (Linux). */
function vmHwmKb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) : process.resourceUsage().maxRSS;
}

/** The child: one import into a fresh project, its figures as JSON on stdout. */
async function child(file: string, dbPath: string): Promise<void> {
  const db = openDatabase(dbPath);
  const cpu = process.cpuUsage();
  const t = performance.now();
  const r = await importConversations(db, file, { dataset: DATASET });
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  closeDatabase(db);
  const out: ChildResult = { seconds, cpuSeconds: (used.user + used.system) / 1e6, added: r.added, badRows: r.badRows, peakRssKb: vmHwmKb() };
  process.stdout.write(JSON.stringify(out) + '\n');
}

function runJson<T>(cmd: string, args: string[]): T {
  const out = execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}

async function main(): Promise<void> {
  const n = Math.floor(arg('n', 1_000_000));
  const seed = arg('seed', 1);
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-ingest-'));
  try {
    const file = join(dir, 'synthetic.jsonl');
    const { generateSynthetic } = await import('../src-main/engine/ingest/conversations/synthetic');
    const t = performance.now();
    const bytes = await generateSynthetic(file, n, seed);
    console.log(`generated ${n.toLocaleString('en')} conversations, ${mb(bytes)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const dbPath = join(dir, 'bench.sqlite');
    const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');
    console.log(`load average before the import: ${load()}`);
    const r = runJson<ChildResult>(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file, dbPath]);
    const rate = r.added / r.seconds;
    console.log(`task-atlas import: ${r.added.toLocaleString('en')} conversations (${r.badRows} bad rows) in ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds.toFixed(1)} s)`);
    console.log(`  ${Math.round(rate).toLocaleString('en')} conversations/s, ${(bytes / 2 ** 20 / r.seconds).toFixed(1)} MB/s, peak RSS of the import process ${mb(r.peakRssKb * 1024)} MB`);
    console.log(`  load average after the import: ${load()}`);

    const ref = runJson<{ seconds: number; added: number; maxRssKb: number }>('/usr/bin/python3', [
      join(ROOT, 'scripts/bench-ingest-reference.py'), file, dbPath, join(dir, 'reference.sqlite'), DATASET,
    ]);
    const refRate = ref.added / ref.seconds;
    console.log(`python3 sqlite3 reference (json.loads + executemany, one transaction, same table and indexes): ${ref.seconds.toFixed(1)} s`);
    console.log(`  ${Math.round(refRate).toLocaleString('en')} conversations/s, ${(bytes / 2 ** 20 / ref.seconds).toFixed(1)} MB/s, peak RSS ${mb(ref.maxRssKb * 1024)} MB`);
    console.log(`  ratio (task-atlas / python conversations per second): ${(rate / refRate).toFixed(2)}`);
    rmSync(join(dir, 'reference.sqlite'), { force: true });
    if (process.argv.includes('--import-only')) return;

    // Loaded here, not at the top: the import child should hold nothing but the importer.
    const { benchAggregate } = await import('./bench-aggregate');
    const db = openDatabase(dbPath);
    benchAggregate(db, ROOT, DATASET);
    closeDatabase(db);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(process.argv[at + 1]!, process.argv[at + 2]!);
else await main();
