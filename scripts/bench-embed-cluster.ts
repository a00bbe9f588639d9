// Benchmark of the neighbourhood pipeline (paper, Appendix B.1): embed all unique O*NET task
// statements, then k-means at ~40 tasks per cluster; plus our k-means against scikit-learn (and
// ml-kmeans for reference) on a synthetic 19,530×384 unit-vector matrix. Prints figures only.
//
//   npx tsx scripts/bench-embed-cluster.ts [--model-dir DIR] [--max-iter 300] [--ml-kmeans-iter 5]
//                                          [--skip-sklearn] [--skip-ml-kmeans] [--skip-js]
// --model-dir: a real transformers.js model folder (e.g. a download of Xenova/all-MiniLM-L6-v2);
// without it the tiny random-weight test model is used, whose speed says little about a real one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { kmeansWithKernel } from '../src-main/engine/cluster/kmeans';
import { Space } from '../src-main/engine/cluster/matrix';
import { chooseK } from '../src-main/engine/cluster/neighbourhoods';
import { mulberry32, seedCenters } from '../src-main/engine/cluster/seeding';
import { createEmbedder } from '../src-main/engine/embed/embedder';
import { readTableFile } from '../src-main/engine/ingest/read';
import { ensureTinyModel, PYTHON, TINY_MODEL_ID } from '../test/embed/tiny-model';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const TASKS_CSV = join(ROOT, 'resources/data/aei-release-2025-02-10/onet_task_statements.csv');
const SYNTH = { n: 19530, d: 384, topics: 600, noise: 1.0, seed: 7 };
const SEED = 1;

const { values: args } = parseArgs({
  options: {
    'model-dir': { type: 'string' },
    'max-iter': { type: 'string', default: '300' },
    'ml-kmeans-iter': { type: 'string', default: '5' },
    'skip-sklearn': { type: 'boolean', default: false },
    'skip-ml-kmeans': { type: 'boolean', default: false },
    'skip-js': { type: 'boolean', default: false },
  },
});
const maxIter = Number(args['max-iter']);

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

function uniqueTasks(): string[] {
  const { table } = readTableFile(TASKS_CSV);
  const col = table.header.indexOf('Task');
  if (col < 0) throw new Error(`no Task column in ${TASKS_CSV}`);
  return [...new Set(table.rows.map((r) => r.cells[col]?.trim() ?? '').filter((t) => t.length > 0))];
}

async function embedTasks(tasks: string[]): Promise<Float32Array[]> {
  const dir = args['model-dir'] ? resolve(args['model-dir']) : join(ensureTinyModel(), TINY_MODEL_ID);
  const cacheDir = mkdtempSync(join(tmpdir(), 'bench-embed-'));
  try {
    let start = performance.now();
    const embedder = await createEmbedder({ model: basename(dir), cacheDir, localModelPath: dirname(dir) });
    console.log(`model ${embedder.modelId} (dim ${embedder.dim}) loaded in ${seconds(start).toFixed(2)} s`);
    start = performance.now();
    const vectors = await embedder.embed(tasks);
    const s = seconds(start);
    console.log(`embed: ${tasks.length} unique tasks in ${s.toFixed(2)} s = ${(tasks.length / s).toFixed(0)} tasks/s`);
    await embedder.close();
    return vectors;
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

function runOurs(label: string, vectors: Float32Array[], k: number, kernel: 'simd' | 'js' = 'simd') {
  const seedStart = performance.now();
  const space = new Space((vectors.length + k) * vectors[0]!.length, { simd: kernel === 'simd' });
  seedCenters(space, space.fromVectors(vectors), k, 'kmeans++', mulberry32(SEED), true);
  const seedS = seconds(seedStart);
  const start = performance.now();
  const r = kmeansWithKernel(vectors, k, { seed: SEED, maxIterations: maxIter }, kernel);
  const s = seconds(start);
  console.log(
    `ours (${kernel} kernel) ${label}: n=${vectors.length} k=${k} total ${s.toFixed(2)} s ` +
      `(k-means++ seeding ${seedS.toFixed(2)} s, ${r.iterations} iterations ${(s - seedS).toFixed(2)} s), ` +
      `inertia ${r.inertia.toFixed(2)}`,
  );
  return { seconds: s, inertia: r.inertia };
}

/** Unit vectors around `topics` random directions: cluster structure like sentence embeddings. */
function syntheticMatrix(): Float32Array[] {
  const { n, d, topics, noise, seed } = SYNTH;
  const rng = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rng() || Number.MIN_VALUE)) * Math.cos(2 * Math.PI * rng());
  const unit = (v: Float32Array) => {
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  };
  const centres = Array.from({ length: topics }, () => unit(Float32Array.from({ length: d }, gauss)));
  return Array.from({ length: n }, () => {
    const c = centres[Math.floor(rng() * topics)]!;
    return unit(c.map((x) => x + (noise * gauss()) / Math.sqrt(d)));
  });
}

interface SklearnResult {
  seconds: number;
  inertia: number;
  iterations: number;
}

function runSklearn(vectors: Float32Array[], k: number, trials: string): SklearnResult | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cluster-'));
  try {
    const file = join(dir, 'matrix.f32');
    const flat = new Space(vectors.length * vectors[0]!.length, { simd: false }).fromVectors(vectors).data;
    writeFileSync(file, new Uint8Array(flat.buffer, flat.byteOffset, flat.byteLength)); // little-endian on x86/arm64
    const d = String(vectors[0]!.length);
    const argv = [join(ROOT, 'scripts/bench-cluster.py'), file, String(vectors.length), d, String(k), String(maxIter), String(SEED), trials];
    const run = spawnSync(PYTHON, argv, { encoding: 'utf8' });
    if (run.status !== 0) {
      console.log(`sklearn: skipped (${run.error?.message ?? run.stderr.trim().split('\n').pop()})`);
      return undefined;
    }
    return JSON.parse(run.stdout) as SklearnResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function compareSklearn(vectors: Float32Array[], k: number, ours: { seconds: number; inertia: number }): void {
  for (const [trials, name] of [['greedy', "default greedy k-means++ (2+ln k trials)"], ['1', 'single-trial k-means++ (as ours)']] as const) {
    const sk = runSklearn(vectors, k, trials);
    if (!sk) return;
    console.log(
      `sklearn ${name}: ${sk.seconds.toFixed(2)} s, ${sk.iterations} iterations, inertia ${sk.inertia.toFixed(2)}; ` +
        `ours/sklearn time ${(ours.seconds / sk.seconds).toFixed(2)}x, inertia ${(ours.inertia / sk.inertia).toFixed(4)}x`,
    );
  }
}

function runMlKmeans(vectors: Float32Array[], k: number): void {
  const iters = Number(args['ml-kmeans-iter']);
  const data = vectors.map((v) => Array.from(v));
  const start = performance.now();
  const r = mlKmeans(data, k, { initialization: 'random', maxIterations: iters, seed: SEED });
  const s = seconds(start);
  console.log(
    `ml-kmeans (init random, capped at ${iters} iterations): ${s.toFixed(2)} s for ${r.iterations} iterations ` +
      `= ${(s / Math.max(1, r.iterations)).toFixed(2)} s/iteration (not converged; reference only)`,
  );
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, max-iter ${maxIter}`);
  const tasks = uniqueTasks();
  const embeddings = await embedTasks(tasks);
  runOurs('task embeddings', embeddings, chooseK(embeddings.length));

  const start = performance.now();
  const synthetic = syntheticMatrix();
  const k = chooseK(synthetic.length);
  console.log(`synthetic ${SYNTH.n}x${SYNTH.d} unit vectors (${SYNTH.topics} topics) built in ${seconds(start).toFixed(2)} s`);
  const ours = runOurs('synthetic', synthetic, k);
  if (!args['skip-sklearn']) compareSklearn(synthetic, k, ours);
  if (!args['skip-js']) runOurs('synthetic', synthetic, k, 'js');
  if (!args['skip-ml-kmeans']) runMlKmeans(synthetic, k);
}

await main();
