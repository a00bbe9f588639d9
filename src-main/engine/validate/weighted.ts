// Pattern shares corrected for misclassification under the validation sample's design.
//
// Every conversation the shares count carries the classifier's pattern, so the population splits
// into strata by predicted pattern p with known sizes N_p. Validated items are drawn within those
// strata (stratified sample) or land in them at random (simple sample; several packets together
// alike), so the n_p items validated in stratum p are a uniform random subset of its N_p
// conversations, and each stands for w = N_p / n_p of them: the inverse of its inclusion
// probability, counted over the items actually validated, so unlabelled or skipped items and
// items outside the counted conversations do not shift the weights. Weighted, the validated pairs
// estimate the population's confusion counts Ĉ[t][p] = N_p · n_tp / n_p, and
// M[t][p] = Ĉ[t][p] / Σ_p Ĉ[t][p] is the design-weighted P(predicted p | true t).
//
// The corrected shares solve o = Mᵀ·x with o_p = N_p / N. Because the column sums of Ĉ are N_p,
// x_t = Σ_p Ĉ[t][p] / N solves it exactly, so whenever M can be inverted (Mᵀ)⁻¹·o is
//   x_t = Σ_p o_p · n_tp / n_p,
// a mix of per-stratum proportions: always in [0, 1] and summing to 1, no clipping, and still
// defined when M is singular (two true patterns never told apart). Counting every validated item
// once instead (the unweighted matrix) is biased whenever strata are sampled at different rates —
// which the allocation's per-stratum floors (sample.ts) make the rule for small strata — and one
// item of a rare stratum can make its row degenerate or the matrix singular.
//
// A stratum with no validated item has no evidence: its conversations are taken as correctly
// classified (weight null in `design.strata`), as the unweighted correction did for an
// unvalidated true pattern.
import { mulberry32 } from '../cluster/seeding';
import { quantile } from '../classify/uncertainty/bootstrap';
import type { CorrectedShareInterval, CorrectedShares, CorrectionStratum } from './types';

export const DEFAULT_CORRECTION_REPLICATES = 1000;
export const DEFAULT_CORRECTION_SEED = 1;
export const CORRECTION_LEVEL = 0.95;

export interface ValidatedPattern {
  /** The classifier's pattern (the stratum). */
  predicted: string;
  /** The validators' verdict on the true pattern. */
  truth: string;
}

export interface CorrectionInput {
  /** N_p: conversations per predicted pattern among those the shares count. */
  population: Readonly<Record<string, number>>;
  /** Validated items among those conversations. */
  items: readonly ValidatedPattern[];
  /** Labels listed first, in this order (the rest follow sorted). */
  labels?: readonly string[];
}

export interface BootstrapSettings {
  replicates: number;
  seed: number;
}

/** One stratum: its size and the label index of each validated item's truth. */
interface Stratum {
  label: number;
  size: number;
  truths: Int32Array;
}

type Result = Pick<CorrectedShares, 'method' | 'labels' | 'raw' | 'corrected' | 'validatedItems' | 'intervals'> & {
  strata: CorrectionStratum[];
  population: number;
};

export function designWeightedShares(input: CorrectionInput, boot: BootstrapSettings): Result {
  const labels = labelsOf(input);
  const index = new Map(labels.map((l, i) => [l, i]));
  const strata = strataOf(input, index);
  const total = strata.reduce((s, h) => s + h.size, 0);
  if (total === 0) throw new Error('misclassification correction: no conversation has a pattern to correct');
  const point = estimate(strata, labels.length, total);
  // No replicates, no intervals (never an interval of zero width pretending to be one).
  const intervals = boot.replicates > 0 ? bootstrapIntervals(strata, labels, total, boot) : undefined;
  return {
    method: 'design-weighted',
    labels,
    raw: record(labels, labels.map((_, i) => strata.filter((h) => h.label === i).reduce((s, h) => s + h.size, 0) / total)),
    corrected: record(labels, point),
    validatedItems: strata.reduce((s, h) => s + h.truths.length, 0),
    ...(intervals ? { intervals } : {}),
    strata: strata.map((h) => ({
      stratum: labels[h.label]!,
      population: h.size,
      validated: h.truths.length,
      weight: h.truths.length ? h.size / h.truths.length : null,
    })),
    population: total,
  };
}

/** Estimated population confusion counts Ĉ[t][p] (rows truth, columns prediction). */
export function weightedConfusion(input: CorrectionInput): { labels: string[]; matrix: number[][] } {
  const labels = labelsOf(input);
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const h of strataOf(input, index)) {
    if (h.truths.length === 0) matrix[h.label]![h.label]! += h.size;
    for (const t of h.truths) matrix[t]![h.label]! += h.size / h.truths.length;
  }
  return { labels, matrix };
}

function labelsOf(input: CorrectionInput): string[] {
  const first = input.labels ?? [];
  const seen = new Set(first);
  const rest = new Set<string>();
  for (const k of Object.keys(input.population)) if (!seen.has(k)) rest.add(k);
  for (const it of input.items) for (const l of [it.predicted, it.truth]) if (!seen.has(l)) rest.add(l);
  return [...first, ...[...rest].sort()];
}

function strataOf(input: CorrectionInput, index: Map<string, number>): Stratum[] {
  const byLabel = new Map<string, number[]>();
  for (const it of input.items) {
    const size = input.population[it.predicted] ?? 0;
    // An item stands for conversations of its stratum; one from an empty stratum is a caller's bug.
    if (size <= 0) throw new Error(`misclassification correction: validated item predicted "${it.predicted}", a pattern no counted conversation has`);
    const truths = byLabel.get(it.predicted) ?? [];
    truths.push(index.get(it.truth)!);
    byLabel.set(it.predicted, truths);
  }
  return Object.entries(input.population)
    .filter(([, size]) => size > 0)
    .map(([p, size]) => {
      const truths = Int32Array.from(byLabel.get(p) ?? []);
      if (truths.length > size) throw new Error(`misclassification correction: ${truths.length} validated items predicted "${p}", more than its ${size} conversations`);
      return { label: index.get(p)!, size, truths };
    })
    .sort((a, b) => a.label - b.label); // label order, so the bootstrap's stream is drawn in a fixed order
}

/** x_t = Σ_p (N_p / N) · share of stratum p's validated items whose truth is t. */
function estimate(strata: readonly Stratum[], k: number, total: number): number[] {
  const x = new Array<number>(k).fill(0);
  for (const h of strata) {
    const truths = h.truths;
    if (truths.length === 0) {
      x[h.label]! += h.size / total;
      continue;
    }
    const each = h.size / total / truths.length;
    for (let j = 0; j < truths.length; j++) x[truths[j]!]! += each;
  }
  return x;
}

/**
 * Stratified bootstrap (Rao & Wu 1988, with n_h − 1 draws): each replicate redraws every stratum's
 * validated items with replacement, n_h − 1 of them. A replicate proportion then varies by
 * p̂(1 − p̂)/(n_h − 1), whose expectation is p(1 − p)/n_h, the sampling variance of the stratum's
 * proportion (n_h draws understate it by (n_h − 1)/n_h); the rescaling of weights Rao–Wu pair with
 * it cancels here, N_p being known. No finite population correction: slightly wide when much of a
 * stratum is validated. A stratum validated in full has no sampling spread and stays fixed; one
 * with a single item shows none to resample and stays fixed too (correctionNotes says so).
 * 95% percentile intervals.
 */
function bootstrapIntervals(strata: readonly Stratum[], labels: readonly string[], total: number, boot: BootstrapSettings): Record<string, CorrectedShareInterval> {
  const rand = mulberry32(boot.seed);
  const resampled = strata.filter((h) => h.truths.length >= 2 && h.truths.length < h.size);
  // What the fixed strata add is the same in every replicate.
  const fixed = estimate(strata.filter((h) => !resampled.includes(h)), labels.length, total);
  const values = labels.map(() => new Float64Array(boot.replicates));
  const x = new Float64Array(labels.length);
  for (let b = 0; b < boot.replicates; b++) {
    x.set(fixed);
    for (const h of resampled) {
      const n = h.truths.length;
      const each = h.size / total / (n - 1);
      for (let j = 0; j < n - 1; j++) x[h.truths[Math.floor(rand() * n)]!]! += each;
    }
    for (let t = 0; t < labels.length; t++) values[t]![b] = x[t]!;
  }
  return Object.fromEntries(
    labels.map((l, t) => {
      const sorted = values[t]!.sort();
      return [l, { ciLow: quantile(sorted, (1 - CORRECTION_LEVEL) / 2), ciHigh: quantile(sorted, (1 + CORRECTION_LEVEL) / 2) }];
    }),
  );
}

function record(labels: readonly string[], xs: readonly number[]): Record<string, number> {
  return Object.fromEntries(labels.map((l, i) => [l, xs[i]!]));
}
