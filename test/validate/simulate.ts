// A synthetic validation study for the misclassification correction: a population of conversations
// with exact true pattern counts, a classifier with a known confusion matrix P(predicted | true)
// (each conversation's prediction drawn from its true pattern's row, seeded), and stratified samples
// by predicted pattern with an allocation chosen by hand. Validators are taken as always right, so
// an item's truth is the population's.
import { shuffled, subSeed, mulberry32 } from '../../src-main/engine/hierarchy/random';
import type { ValidatedPattern } from '../../src-main/engine/validate/weighted';

export interface Population {
  labels: readonly string[];
  truth: Int32Array;
  predicted: Int32Array;
}

export function makePopulation(labels: readonly string[], counts: readonly number[], confusion: readonly (readonly number[])[], seed: number): Population {
  confusion.forEach((row, t) => {
    const sum = row.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-9) throw new Error(`confusion row ${labels[t]} sums to ${sum}`);
  });
  const n = counts.reduce((a, b) => a + b, 0);
  const truth = new Int32Array(n);
  const predicted = new Int32Array(n);
  const rand = mulberry32(seed);
  let i = 0;
  counts.forEach((c, t) => {
    for (let k = 0; k < c; k++, i++) {
      truth[i] = t;
      predicted[i] = drawFrom(confusion[t]!, rand());
    }
  });
  return { labels, truth, predicted };
}

function drawFrom(row: readonly number[], u: number): number {
  let acc = 0;
  for (let p = 0; p < row.length; p++) {
    acc += row[p]!;
    if (u < acc) return p;
  }
  return row.length - 1;
}

/** True shares of the population: the figures a correction should recover. */
export function trueShares(pop: Population): Record<string, number> {
  const counts = pop.labels.map(() => 0);
  for (const t of pop.truth) counts[t]!++;
  return Object.fromEntries(pop.labels.map((l, t) => [l, counts[t]! / pop.truth.length]));
}

/** N_p: conversations per predicted pattern. */
export function strataSizes(pop: Population): Record<string, number> {
  const sizes: Record<string, number> = Object.fromEntries(pop.labels.map((l) => [l, 0]));
  for (const p of pop.predicted) sizes[pop.labels[p]!]!++;
  return sizes;
}

/** Members of each predicted stratum, by conversation index. */
function strataMembers(pop: Population): number[][] {
  const members = pop.labels.map((): number[] => []);
  pop.predicted.forEach((p, i) => members[p]!.push(i));
  return members;
}

/** A stratified sample: `allocation[label]` items drawn without replacement from its stratum. */
export function drawSample(pop: Population, allocation: Readonly<Record<string, number>>, seed: number): ValidatedPattern[] {
  return strataMembers(pop).flatMap((members, p) => {
    const label = pop.labels[p]!;
    const n = allocation[label] ?? 0;
    if (n > members.length) throw new Error(`allocation ${n} for "${label}" exceeds its ${members.length} conversations`);
    return shuffled(members, subSeed(seed, label))
      .slice(0, n)
      .map((i) => ({ predicted: label, truth: pop.labels[pop.truth[i]!]! }));
  });
}

/** Every conversation validated: the census the estimator must reproduce exactly. */
export function census(pop: Population): ValidatedPattern[] {
  return [...pop.truth].map((t, i) => ({ predicted: pop.labels[pop.predicted[i]!]!, truth: pop.labels[t]! }));
}

/**
 * The correction as it was before the sampling design was used, for comparison: P(predicted | true)
 * from the validated items counted once each (a true pattern never seen: identity row), o = Mᵀt
 * solved, negative shares clipped to 0 and renormalised; null when M cannot be inverted.
 */
export function unweightedCorrection(population: Readonly<Record<string, number>>, items: readonly ValidatedPattern[], labels: readonly string[]): Record<string, number> | null {
  const at = new Map(labels.map((l, i) => [l, i]));
  const counts = labels.map(() => labels.map(() => 0));
  for (const it of items) counts[at.get(it.truth)!]![at.get(it.predicted)!]!++;
  const m = counts.map((row, t) => {
    const sum = row.reduce((a, b) => a + b, 0);
    return sum === 0 ? labels.map((_, p) => (p === t ? 1 : 0)) : row.map((x) => x / sum);
  });
  const total = labels.reduce((s, l) => s + (population[l] ?? 0), 0);
  const x = solve(labels.map((_, p) => labels.map((__, t) => m[t]![p]!)), labels.map((l) => (population[l] ?? 0) / total));
  if (x === null) return null;
  const clipped = x.map((v) => Math.max(0, v));
  const sum = clipped.reduce((a, b) => a + b, 0);
  return Object.fromEntries(labels.map((l, i) => [l, clipped[i]! / sum]));
}

/** Gaussian elimination with partial pivoting; null when the matrix is (numerically) singular. */
export function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      for (let k = col; k <= n; k++) m[r]![k]! -= f * m[col]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}
