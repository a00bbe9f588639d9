// Vectors as one contiguous Float32Array: what crosses to a worker thread in a single transfer
// (18K × 384 floats would otherwise be 18K separately cloned arrays).
export interface Packed {
  data: Float32Array;
  rows: number;
  d: number;
}

export function pack(vectors: readonly Float32Array[]): Packed {
  const d = vectors[0]?.length ?? 0;
  const data = new Float32Array(vectors.length * d);
  vectors.forEach((v, i) => {
    if (v.length !== d) throw new Error(`vector ${i} has ${v.length} dimensions, expected ${d}`);
    data.set(v, i * d);
  });
  return { data, rows: vectors.length, d };
}

/** Row views into the packed buffer (no copy). */
export function unpack(p: Packed): Float32Array[] {
  return Array.from({ length: p.rows }, (_, i) => p.data.subarray(i * p.d, (i + 1) * p.d));
}
