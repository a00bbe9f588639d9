// Flat row-major float32 storage and the distance kernels k-means spends its time in.
// Plain JS has no SIMD, so the kernels unroll by four with independent accumulators, which lets
// V8 keep them in registers and overlap the multiply-adds (~1.5x faster than a naive loop).

export interface Points {
  /** n rows of d values, row-major. */
  data: Float32Array;
  n: number;
  d: number;
  /** Squared L2 norm of each row, computed with `dot` so ||x||² + ||x||² - 2x·x is exactly 0. */
  sq: Float64Array;
}

export function toPoints(vectors: readonly Float32Array[]): Points {
  const n = vectors.length;
  const d = vectors[0]?.length ?? 0;
  const data = new Float32Array(n * d);
  vectors.forEach((v, i) => {
    if (v.length !== d) throw new Error(`vector ${i} has ${v.length} dimensions, expected ${d}`);
    data.set(v, i * d);
  });
  return { data, n, d, sq: rowSqNorms(data, n, d) };
}

export function rowSqNorms(data: Float32Array, n: number, d: number): Float64Array {
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) sq[i] = dot(data, i * d, data, i * d, d);
  return sq;
}

export function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const end = d - (d & 3);
  let t = 0;
  for (; t < end; t += 4) {
    s0 += a[ao + t]! * b[bo + t]!;
    s1 += a[ao + t + 1]! * b[bo + t + 1]!;
    s2 += a[ao + t + 2]! * b[bo + t + 2]!;
    s3 += a[ao + t + 3]! * b[bo + t + 3]!;
  }
  for (; t < d; t++) s0 += a[ao + t]! * b[bo + t]!;
  return s0 + s1 + s2 + s3;
}

/**
 * Squared Euclidean distance between row i of `a` and row j of `b` from the norms and one dot
 * product; for unit vectors this is 2 - 2·cos. Clamped because rounding can make it dip below 0.
 */
export function sqDist(
  a: Float32Array,
  aSq: Float64Array,
  i: number,
  b: Float32Array,
  bSq: Float64Array,
  j: number,
  d: number,
): number {
  const v = aSq[i]! + bSq[j]! - 2 * dot(a, i * d, b, j * d, d);
  return v > 0 ? v : 0;
}

/** Direct Σ(a-b)², for small distances (centroid shifts) where the norm trick loses precision. */
export function sqDiff(a: Float32Array, ao: number, b: Float32Array, bo: number, d: number): number {
  let s = 0;
  for (let t = 0; t < d; t++) {
    const diff = a[ao + t]! - b[bo + t]!;
    s += diff * diff;
  }
  return s;
}

/** Mean over dimensions of the per-dimension variance: sklearn scales `tol` by this. */
export function meanVariance(p: Points): number {
  const { data, n, d } = p;
  if (n === 0 || d === 0) return 0;
  const mean = new Float64Array(d);
  for (let i = 0; i < n * d; i++) mean[i % d] = mean[i % d]! + data[i]!;
  for (let t = 0; t < d; t++) mean[t] = mean[t]! / n;
  let total = 0;
  for (let i = 0; i < n * d; i++) {
    const diff = data[i]! - mean[i % d]!;
    total += diff * diff;
  }
  return total / n / d;
}

const SHRINK = 1 - 1e-6;

/**
 * Rounds a distance for float32 bound storage without ever rounding up: a lower bound that
 * exceeded the true distance would let k-means skip a centre that is in fact nearer.
 */
export function lowerBound32(v: number): number {
  return v > 0 ? v * SHRINK : 0;
}
