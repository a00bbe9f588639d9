// k-means for the paper's neighbourhoods (Appendix B.1: k-means over task embeddings, ~40 tasks
// per cluster). Own implementation rather than ml-kmeans because we need: a fixed seed giving the
// same clusters on every machine, k-means++ seeding that is fast at n≈20K, k≈500, d=384-768, and
// Elkan-accelerated iterations on a WebAssembly SIMD kernel (ml-kmeans recomputes all n·k
// distances every iteration on number[][]: ~4 s per iteration at that size, ours ~0.4 s average).
//
// Semantics follow scikit-learn's KMeans(init='k-means++', n_init=1) so results can be compared:
// tolerance is relative to the data's mean per-dimension variance and is compared with the sum of
// squared centroid shifts; iteration stops early when no label changes.
import { assignStep, type LloydState, updateStep } from './lloyd';
import { type Matrix, meanVariance, Space, sqDiff } from './matrix';
import { mulberry32, seedCenters } from './seeding';

export interface KMeansOptions {
  seed: number;
  /** Default 300 (sklearn's max_iter). */
  maxIterations?: number;
  /** Default 1e-4 (sklearn's tol), relative to the data's mean variance. */
  tolerance?: number;
  /** Default 'kmeans++' (single trial per centre, not sklearn's greedy 2+ln k trials). */
  init?: 'kmeans++' | 'random';
  /** Checked between iterations. kmeans is synchronous: abort from onProgress or run it in a worker. */
  signal?: AbortSignal;
  /** After each iteration: its number (1-based) and the sum of squared centroid shifts. */
  onProgress?: (iter: number, shift: number) => void;
}

export interface KMeansResult {
  /** Cluster index of each input vector. */
  labels: Int32Array;
  /** min(k, n) centroids; with k ≥ n every point is its own cluster. */
  centroids: Float32Array[];
  iterations: number;
  /** Sum of squared distances from each point to its centroid. */
  inertia: number;
}

// Elkan keeps n·k float32 lower bounds (n=20K, k=500: 40 MB). Past 256 MB we fall back to plain
// Lloyd, which needs no bounds but computes every distance every iteration.
const MAX_BOUND_ENTRIES = 2 ** 26;
const MAX_ELKAN_K = 4096; // k² centre gaps per iteration stay cheap below this

export function kmeans(vectors: Float32Array[], k: number, opts: KMeansOptions): KMeansResult {
  return kmeansWithKernel(vectors, k, opts, 'simd');
}

/** kmeans with the distance kernel chosen: 'js' is the fallback where WebAssembly SIMD is missing. */
export function kmeansWithKernel(
  vectors: Float32Array[],
  k: number,
  opts: KMeansOptions,
  kernel: 'simd' | 'js',
): KMeansResult {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, got ${k}`);
  const n = vectors.length;
  const d = vectors[0]?.length ?? 0;
  const space = new Space((n + Math.min(k, n)) * d, { simd: kernel === 'simd' });
  const p = space.fromVectors(vectors);
  if (k >= n) return singletons(p);
  throwIfAborted(opts.signal);
  const withBounds = n * k <= MAX_BOUND_ENTRIES && k <= MAX_ELKAN_K;
  const seeded = seedCenters(space, p, k, opts.init ?? 'kmeans++', mulberry32(opts.seed), withBounds);
  const s: LloydState = { ...seeded, space, p, k };
  const iterations = iterate(s, opts);
  return { labels: s.labels, centroids: rowsOf(s.centers), iterations, inertia: inertia(s) };
}

/** Copies out of the Space's memory, so results do not pin the whole wasm buffer. */
function rowsOf(m: Matrix): Float32Array[] {
  return Array.from({ length: m.rows }, (_, i) => m.data.slice(i * m.d, (i + 1) * m.d));
}

/** Alternates M- and E-steps; returns the number of M-steps. Leaves labels matching the centres. */
function iterate(s: LloydState, opts: KMeansOptions): number {
  const maxIterations = opts.maxIterations ?? 300;
  const tol = (opts.tolerance ?? 1e-4) * meanVariance(s.p);
  let iter = 0;
  let aligned = true; // seeding already assigned every point to its nearest seed
  while (iter < maxIterations) {
    throwIfAborted(opts.signal);
    iter++;
    const shift = updateStep(s);
    aligned = false;
    opts.onProgress?.(iter, shift);
    if (shift <= tol) break;
    const changed = assignStep(s);
    aligned = true;
    if (changed === 0) break; // strict convergence: the next means would equal these
  }
  if (!aligned) assignStep(s);
  return iter;
}

/** Summed directly as Σ(x - c)²: the norm trick in float32 loses digits on data far from 0. */
function inertia(s: LloydState): number {
  const { p, centers, labels } = s;
  let total = 0;
  for (let i = 0; i < p.rows; i++) total += sqDiff(p.data, i * p.d, centers.data, labels[i]! * p.d, p.d);
  return total;
}

function singletons(p: Matrix): KMeansResult {
  return { labels: Int32Array.from({ length: p.rows }, (_, i) => i), centroids: rowsOf(p), iterations: 0, inertia: 0 };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  const err = new Error('k-means was cancelled');
  err.name = 'AbortError';
  throw err;
}
