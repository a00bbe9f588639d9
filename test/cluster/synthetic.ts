// Synthetic point sets for the clustering tests: seeded, so every run sees the same data.
import { mulberry32, type Rng } from '../../src-main/engine/cluster/seeding';

export function gaussian(rng: Rng): number {
  const u = rng() || Number.MIN_VALUE;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** `perBlob` points around each of `blobs` centres spaced `spacing` apart on the axes of d-space. */
export function blobs(
  blobs: number,
  perBlob: number,
  d: number,
  opts: { spacing?: number; noise?: number; seed?: number } = {},
): { vectors: Float32Array[]; truth: number[] } {
  const { spacing = 50, noise = 1, seed = 3 } = opts;
  const rng = mulberry32(seed);
  const vectors: Float32Array[] = [];
  const truth: number[] = [];
  // Interleave blobs so no blob occupies a contiguous index range (catches index-order bugs).
  for (let j = 0; j < perBlob; j++) {
    for (let b = 0; b < blobs; b++) {
      vectors.push(Float32Array.from({ length: d }, (_, t) => (t === b % d ? spacing * (1 + Math.floor(b / d)) : 0) + noise * gaussian(rng)));
      truth.push(b);
    }
  }
  return { vectors, truth };
}

/** n points uniform in the unit cube: no cluster structure, so seeds matter. */
export function uniform(n: number, d: number, seed = 5): Float32Array[] {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, () => Float32Array.from({ length: d }, () => rng()));
}

/** Sum of squared distances of points to the mean of their label group. */
export function inertiaOf(vectors: Float32Array[], labels: ArrayLike<number>): number {
  const d = vectors[0]!.length;
  const sums = new Map<number, { sum: Float64Array; count: number }>();
  vectors.forEach((v, i) => {
    const g = sums.get(labels[i]!) ?? { sum: new Float64Array(d), count: 0 };
    v.forEach((x, t) => (g.sum[t] = g.sum[t]! + x));
    g.count++;
    sums.set(labels[i]!, g);
  });
  let total = 0;
  vectors.forEach((v, i) => {
    const g = sums.get(labels[i]!)!;
    v.forEach((x, t) => (total += (x - g.sum[t]! / g.count) ** 2));
  });
  return total;
}

/** True when two labelings define the same partition (equal up to renaming clusters). */
export function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const ab = new Map<number, number>();
  const ba = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if ((ab.get(x) ?? y) !== y || (ba.get(y) ?? x) !== x) return false;
    ab.set(x, y);
    ba.set(y, x);
  }
  return true;
}
