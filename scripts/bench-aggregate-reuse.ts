// node --import tsx scripts/bench-aggregate-reuse.ts --db /tmp/agg.sqlite [--n 1000000] [--repeat 3] [--replicates R]
// --repeat: how many aggregations after the first (3 by default).
// The aggregation half of `npm run bench:ingest` on a project database kept between runs: the
// first call generates N synthetic conversations, imports them and writes the synthetic run
// (bench-aggregate.ts); later calls with the same --db only aggregate again, so the run report's
// cost can be profiled (--cpu-prof) without re-importing a million conversations each time.
// --replicates R also times the report with R bootstrap replicates (the timed reports have none).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase } from '../src-main/db/open';
import { importConversations } from '../src-main/engine/ingest/conversations';
import { generateSynthetic } from '../src-main/engine/ingest/conversations/synthetic';
import { measureAggregate, measureIntervals, prepareAggregate } from './bench-aggregate';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATASET = 'synthetic';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function positive(name: string, fallback: number): number {
  const v = Number(arg(name) ?? fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return Math.floor(v);
}

async function build(path: string, n: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-aggregate-'));
  try {
    const file = join(dir, 'synthetic.jsonl');
    await generateSynthetic(file, n, 1);
    const db = openDatabase(path);
    try {
      const t = performance.now();
      const r = await importConversations(db, file, { dataset: DATASET });
      console.log(`imported ${r.added.toLocaleString('en')} conversations in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      prepareAggregate(db, ROOT, DATASET);
    } finally {
      closeDatabase(db);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const path = arg('db');
  if (path === undefined) throw new Error('--db PATH is required (the project database to build once and reuse)');
  if (!existsSync(path)) await build(path, positive('n', 1_000_000));
  else console.log(`reusing ${path}`);
  const db = openDatabase(path);
  try {
    measureAggregate(db, arg('repeat') === undefined ? 3 : positive('repeat', 3));
    const replicates = arg('replicates');
    if (replicates !== undefined) measureIntervals(db, positive('replicates', 1000));
  } finally {
    closeDatabase(db);
  }
}

await main();
