// Row-major float32 matrices and the distance kernels k-means spends its time in. Matrices of one
// k-means run live in a Space: a single WebAssembly memory, so the SIMD kernel in simd.ts can
// address every row by byte offset. Where SIMD is unavailable (or for comparison) the Space uses
// a plain JS kernel, unrolled by four so V8 keeps independent accumulators in registers.
import { SIMD_WIDTH, type SimdKernel, simdKernel } from './simd';

export interface Matrix {
  /** rows × d values, row-major. */
  data: Float32Array;
  rows: number;
  d: number;
  /** Squared L2 norm per row, from the Space's own kernel, so ||x||² + ||x||² - 2x·x is exactly 0. */
  sq: Float64Array;
}

export class Space {
  private readonly kernel: SimdKernel | null;
  private readonly capacity: number;
  private used = 0;

  /** Room for `floats` float32 values in total; `simd: false` forces the JS kernel. */
  constructor(floats: number, opts: { simd?: boolean } = {}) {
    // Slack for rounding each matrix start up to 16 bytes (up to 16 matrices).
    this.capacity = floats + 64;
    this.kernel = opts.simd === false ? null : simdKernel(this.capacity * 4);
  }

  get simd(): boolean {
    return this.kernel !== null;
  }

  /** A zeroed rows × d matrix (its sq must be filled by the caller or via setSq). */
  matrix(rows: number, d: number): Matrix {
    const length = rows * d;
    // 16-byte aligned starts keep every SIMD load within one cache line more often.
    const start = Math.ceil(this.used / 4) * 4;
    if (start + length > this.capacity) throw new Error(`Space out of room: ${start + length} > ${this.capacity} floats`);
    this.used = start + length;
    const data = this.kernel ? new Float32Array(this.kernel.buffer, start * 4, length) : new Float32Array(length);
    return { data, rows, d, sq: new Float64Array(rows) };
  }

  fromVectors(vectors: readonly Float32Array[]): Matrix {
    const d = vectors[0]?.length ?? 0;
    const m = this.matrix(vectors.length, d);
    vectors.forEach((v, i) => {
      if (v.length !== d) throw new Error(`vector ${i} has ${v.length} dimensions, expected ${d}`);
      m.data.set(v, i * d);
      this.setSq(m, i);
    });
    return m;
  }

  setSq(m: Matrix, i: number): void {
    m.sq[i] = this.dot(m, i, m, i);
  }

  /** Row i of a · row j of b; both matrices must come from this Space. */
  dot(a: Matrix, i: number, b: Matrix, j: number): number {
    const d = a.d;
    if (!this.kernel) return dot(a.data, i * d, b.data, j * d, d);
    const head = d - (d % SIMD_WIDTH);
    let s = head > 0 ? this.kernel.dot(a.data.byteOffset + i * d * 4, b.data.byteOffset + j * d * 4, head) : 0;
    for (let t = head; t < d; t++) s += a.data[i * d + t]! * b.data[j * d + t]!;
    return s;
  }

  /** Squared Euclidean distance (2 - 2·cos for unit vectors), clamped: rounding can dip below 0. */
  sqDist(a: Matrix, i: number, b: Matrix, j: number): number {
    const v = a.sq[i]! + b.sq[j]! - 2 * this.dot(a, i, b, j);
    return v > 0 ? v : 0;
  }
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
export function meanVariance(p: Matrix): number {
  const { data, rows: n, d } = p;
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

// Float32 storage rounds by up to 6e-8 relative; the SIMD kernel's float32 sums err by ~1e-7.
const SHRINK = 1 - 1e-5;

/**
 * Rounds a distance for float32 bound storage without ever rounding up: a lower bound that
 * exceeded the true distance would let k-means skip a centre that is in fact nearer.
 */
export function lowerBound32(v: number): number {
  return v > 0 ? v * SHRINK : 0;
}
