// npm run bench:ingest [-- --n 1000000] [--seed 1]
// Figures for the streaming conversation importer (no pass/fail): generates N synthetic
// conversations as JSONL, imports them into a fresh temp project DB, and prints throughput and
// memory. Peak RSS is sampled during the import; maxRSS covers the whole process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase } from '../src-main/db/open';
import { importConversations } from '../src-main/engine/ingest/conversations';
import { generateSynthetic } from '../src-main/engine/ingest/conversations/synthetic';
import { benchAggregate } from './bench-aggregate';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

async function main(): Promise<void> {
  const n = Math.floor(arg('n', 1_000_000));
  const seed = arg('seed', 1);
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-ingest-'));
  try {
    const file = join(dir, 'synthetic.jsonl');
    let t = performance.now();
    const bytes = await generateSynthetic(file, n, seed);
    console.log(`generated ${n.toLocaleString('en')} conversations, ${mb(bytes)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const db = openDatabase(join(dir, 'bench.sqlite'));
    const heap0 = process.memoryUsage().heapUsed;
    let peakRss = process.memoryUsage().rss;
    let peakHeap = heap0;
    t = performance.now();
    const r = await importConversations(db, file, {
      onProgress: () => {
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
      },
    });
    const s = (performance.now() - t) / 1000;
    console.log(`imported ${r.added.toLocaleString('en')} conversations (${r.badRows} bad rows) in ${s.toFixed(1)} s`);
    console.log(`  ${Math.round(r.added / s).toLocaleString('en')} conversations/s, ${(bytes / 2 ** 20 / s).toFixed(1)} MB/s`);
    console.log(`  peak RSS during import ${mb(peakRss)} MB; heapUsed growth ${mb(peakHeap - heap0)} MB`);
    console.log(`  process maxRSS ${mb(process.resourceUsage().maxRSS * 1024)} MB (includes generation)`);
    benchAggregate(db, ROOT, r.dataset);
    closeDatabase(db);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
