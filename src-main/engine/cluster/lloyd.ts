// Lloyd iterations, accelerated with Elkan's (2003) triangle-inequality bounds: each point keeps an
// upper bound on the distance to its centre and a lower bound per centre, so after the first few
// iterations most point-centre distances need not be computed. The result is the same as plain
// Lloyd (up to exact ties). When the n×k bounds would not fit in memory, plain Lloyd is used.
import { type Matrix, type Space, lowerBound32, sqDiff } from './matrix';
import type { Seeded } from './seeding';

export interface LloydState extends Seeded {
  space: Space;
  p: Matrix;
  k: number;
}

/** E-step: reassign points to their nearest centre; returns how many labels changed. */
export function assignStep(s: LloydState): number {
  return s.lower ? elkanAssign(s, s.lower) : plainAssign(s);
}

function plainAssign(s: LloydState): number {
  const { space, p, k, centers, labels, upper } = s;
  let changed = 0;
  for (let i = 0; i < p.rows; i++) {
    let best = labels[i]!;
    let bestSq = space.sqDist(p, i, centers, best);
    for (let c = 0; c < k; c++) {
      const dd = space.sqDist(p, i, centers, c);
      if (dd < bestSq || (dd === bestSq && c < best)) {
        best = c;
        bestSq = dd;
      }
    }
    if (best !== labels[i]) changed++;
    labels[i] = best;
    upper[i] = Math.sqrt(bestSq);
  }
  return changed;
}

/** Half the distance between every pair of centres, and to each centre's nearest other centre. */
function centreGaps(s: LloydState): { half: Float32Array; nearestHalf: Float64Array } {
  const { space, k, centers } = s;
  const half = new Float32Array(k * k);
  const nearestHalf = new Float64Array(k).fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const h = lowerBound32(0.5 * Math.sqrt(space.sqDist(centers, a, centers, b)));
      half[a * k + b] = h;
      half[b * k + a] = h;
      if (h < nearestHalf[a]!) nearestHalf[a] = h;
      if (h < nearestHalf[b]!) nearestHalf[b] = h;
    }
  }
  return { half, nearestHalf };
}

function elkanAssign(s: LloydState, lower: Float32Array): number {
  const { space, p, k, centers, labels, upper } = s;
  const { half, nearestHalf } = centreGaps(s);
  let changed = 0;
  for (let i = 0; i < p.rows; i++) {
    let a = labels[i]!;
    let u = upper[i]!;
    // Nearest other centre is at least 2u away from c_a: no centre can beat c_a.
    if (u <= nearestHalf[a]!) continue;
    let tight = false;
    const row = i * k;
    for (let c = 0; c < k; c++) {
      if (c === a || u <= lower[row + c]! || u <= half[a * k + c]!) continue;
      if (!tight) {
        u = Math.sqrt(space.sqDist(p, i, centers, a));
        lower[row + a] = lowerBound32(u);
        tight = true;
        if (u <= lower[row + c]! || u <= half[a * k + c]!) continue;
      }
      const dc = Math.sqrt(space.sqDist(p, i, centers, c));
      lower[row + c] = lowerBound32(dc);
      if (dc < u) {
        a = c;
        u = dc;
      }
    }
    if (a !== labels[i]) changed++;
    labels[i] = a;
    upper[i] = u;
  }
  return changed;
}

/**
 * M-step: move centres to their cluster means, refilling empty clusters; returns Σ shift² (the
 * quantity sklearn compares with tol). Bounds are loosened by each centre's shift so they stay valid.
 */
export function updateStep(s: LloydState): number {
  const { p, k, centers } = s;
  const { sums, counts } = clusterSums(s);
  const moved = relocateEmpty(s, sums, counts);
  const old = centers.data.slice();
  const { d } = p;
  const shift = new Float64Array(k);
  let total = 0;
  for (let c = 0; c < k; c++) {
    const count = counts[c]!;
    if (count === 0) continue; // no distinct point left to take: centre stays put
    for (let t = 0; t < d; t++) centers.data[c * d + t] = sums[c * d + t]! / count;
    const sq = sqDiff(old, c * d, centers.data, c * d, d);
    shift[c] = Math.sqrt(sq);
    total += sq;
    s.space.setSq(centers, c);
  }
  loosenBounds(s, shift, moved);
  return total;
}

function clusterSums(s: LloydState): { sums: Float64Array; counts: Int32Array } {
  const { p, k, labels } = s;
  const sums = new Float64Array(k * p.d);
  const counts = new Int32Array(k);
  for (let i = 0; i < p.rows; i++) {
    const c = labels[i]!;
    counts[c]!++;
    for (let t = 0, o = c * p.d, x = i * p.d; t < p.d; t++) sums[o + t] = sums[o + t]! + p.data[x + t]!;
  }
  return { sums, counts };
}

/**
 * Deterministic empty-cluster repair (as sklearn): each empty cluster takes the point farthest
 * from its current centre (ties: lowest index), never emptying another cluster.
 */
function relocateEmpty(s: LloydState, sums: Float64Array, counts: Int32Array): number[] {
  const { space, p, k, labels, centers } = s;
  const n = p.rows;
  const empty = [...Array(k).keys()].filter((c) => counts[c] === 0);
  if (empty.length === 0) return [];
  const dist = Float64Array.from({ length: n }, (_, i) => space.sqDist(p, i, centers, labels[i]!));
  const byDistance = [...Array(n).keys()].sort((a, b) => dist[b]! - dist[a]! || a - b);
  const moved: number[] = [];
  let next = 0;
  for (const c of empty) {
    while (next < n && counts[labels[byDistance[next]!]!]! <= 1) next++;
    const i = byDistance[next++];
    if (i === undefined || !(dist[i]! > 0)) break; // only duplicates left: nothing to split off
    const from = labels[i]!;
    for (let t = 0; t < p.d; t++) {
      sums[from * p.d + t] = sums[from * p.d + t]! - p.data[i * p.d + t]!;
      sums[c * p.d + t] = p.data[i * p.d + t]!;
    }
    counts[from]!--;
    counts[c] = 1;
    labels[i] = c;
    moved.push(i);
  }
  return moved;
}

function loosenBounds(s: LloydState, shift: Float64Array, moved: number[]): void {
  const { p, k, labels, upper, lower } = s;
  for (let i = 0; i < p.rows; i++) upper[i] = upper[i]! + shift[labels[i]!]!;
  if (lower) {
    for (let i = 0, row = 0; i < p.rows; i++, row += k) {
      for (let c = 0; c < k; c++) {
        const v = lower[row + c]! - shift[c]!;
        lower[row + c] = v > 0 ? lowerBound32(v) : 0;
      }
    }
  }
  // A relocated point is its cluster's new centre; its old upper bound was for another centre.
  for (const i of moved) upper[i] = 0;
}
