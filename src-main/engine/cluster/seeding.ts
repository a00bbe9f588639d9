// Initial centres for k-means, chosen one at a time (k-means++ or uniformly at random) while every
// point's nearest centre is kept up to date. That running assignment is exactly the first E-step,
// so seeding hands Lloyd/Elkan ready labels and bounds instead of a separate n·k·d pass.
//
// Cost: standard (single-trial) k-means++ needs each point's distance to each new centre,
// O(n·k·d). We prune with the triangle inequality (as in Elkan 2003 and Raff 2021, "Exact
// Acceleration of K-Means++"): if d(c_a, c_new) ≥ 2·d(x, c_a) for x's current centre c_a, then
// c_new cannot be nearer, and d(c_a, c_new) - d(x, c_a) is a valid Elkan lower bound for free.
// The sampled centres are identical to unpruned k-means++ for the same random stream.
import { type Matrix, type Space, lowerBound32 } from './matrix';

export type Rng = () => number;

/** mulberry32: tiny, fast, and good enough for sampling; same seed → same stream everywhere. */
export function mulberry32(seed: number): Rng {
  let a = Math.floor(seed) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Seeded {
  centers: Matrix;
  labels: Int32Array;
  /** Exact distance from each point to its labelled centre. */
  upper: Float64Array;
  /** n×k lower bounds on point-centre distances (Elkan), or null when too large to keep. */
  lower: Float32Array | null;
}

/** Picks k of the rows of p as centres (k < p.rows); centres are allocated in `space`. */
export function seedCenters(
  space: Space,
  p: Matrix,
  k: number,
  init: 'kmeans++' | 'random',
  rng: Rng,
  withBounds: boolean,
): Seeded {
  const n = p.rows;
  const s: Seeded = {
    centers: space.matrix(k, p.d),
    labels: new Int32Array(n),
    upper: new Float64Array(n),
    lower: withBounds ? new Float32Array(n * k) : null,
  };
  const minSq = new Float64Array(n).fill(Infinity);
  const order = init === 'random' ? sampleDistinct(n, k, rng) : null;
  const ccSq = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const idx = order ? order[j]! : j === 0 ? Math.floor(rng() * n) : sampleBySquaredDistance(minSq, rng);
    s.centers.data.set(p.data.subarray(idx * p.d, (idx + 1) * p.d), j * p.d);
    s.centers.sq[j] = p.sq[idx]!;
    addCenter(space, p, s, j, minSq, ccSq);
  }
  for (let i = 0; i < n; i++) s.upper[i] = Math.sqrt(minSq[i]!);
  return s;
}

/** Updates each point's nearest centre for the new centre j, skipping provably farther ones. */
function addCenter(space: Space, p: Matrix, s: Seeded, j: number, minSq: Float64Array, ccSq: Float64Array): void {
  const { centers, labels, lower } = s;
  const k = centers.rows;
  for (let m = 0; m < j; m++) ccSq[m] = space.sqDist(centers, m, centers, j);
  for (let i = 0; i < p.rows; i++) {
    const cur = minSq[i]!;
    const between = j > 0 ? ccSq[labels[i]!]! : 0;
    if (between >= 4 * cur) {
      if (lower) lower[i * k + j] = lowerBound32(Math.sqrt(between) - Math.sqrt(cur));
      continue;
    }
    const dd = space.sqDist(p, i, centers, j);
    if (lower) lower[i * k + j] = lowerBound32(Math.sqrt(dd));
    if (dd < cur) {
      minSq[i] = dd;
      labels[i] = j;
    }
  }
}

/** D² sampling: index i with probability minSq[i] / Σ minSq. */
function sampleBySquaredDistance(minSq: Float64Array, rng: Rng): number {
  let total = 0;
  for (let i = 0; i < minSq.length; i++) total += minSq[i]!;
  // Every point already coincides with a centre (duplicates, k > distinct points): any will do.
  if (!(total > 0)) return Math.floor(rng() * minSq.length);
  const target = rng() * total;
  let acc = 0;
  let last = 0;
  for (let i = 0; i < minSq.length; i++) {
    const w = minSq[i]!;
    if (w <= 0) continue;
    acc += w;
    last = i;
    if (acc > target) return i;
  }
  return last; // rounding left target just above the running sum
}

/** k distinct indices of 0..n-1 by a partial Fisher–Yates shuffle. */
function sampleDistinct(n: number, k: number, rng: Rng): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let j = 0; j < k; j++) {
    const r = j + Math.floor(rng() * (n - j));
    const tmp = idx[j]!;
    idx[j] = idx[r]!;
    idx[r] = tmp;
  }
  return idx.subarray(0, k);
}
