// The statistics of the validation report, pure so each can be checked against hand arithmetic.
// Undefined quantities (kappa or alpha when only one category is ever used) come back as NaN; the
// report turns NaN into null rather than inventing a value.
import type { ConfusionMatrix, Proportion } from './types';

/** 95% two-sided normal quantile. */
export const Z95 = 1.959964;

/**
 * Wilson score interval (Wilson 1927): better than the normal approximation for p near 0 or 1 and
 * small n, which is the regime of 150 hand-validated items at ~90% accuracy.
 */
export function wilson(successes: number, n: number, z = Z95): Proportion {
  if (n === 0) return { p: 0, low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Cohen's kappa for two coders over the same units: (po − pe) / (1 − pe). */
export function cohenKappa(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) throw new Error(`cohenKappa: ${a.length} vs ${b.length} judgements`);
  const n = a.length;
  if (n === 0) return NaN;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  let agree = 0;
  a.forEach((x, i) => {
    const y = b[i]!;
    if (x === y) agree++;
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
  });
  const po = agree / n;
  let pe = 0;
  for (const [k, ca] of countA) pe += (ca / n) * ((countB.get(k) ?? 0) / n);
  return pe === 1 ? NaN : (po - pe) / (1 - pe);
}

/**
 * Krippendorff's alpha for nominal data via the coincidence matrix (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"). units[u][c] is coder c's value for unit u, null if missing;
 * units with fewer than two values are not pairable and drop out.
 *   α = [(n−1)·Σc o_cc − Σc n_c(n_c−1)] / [n(n−1) − Σc n_c(n_c−1)]
 */
export function krippendorffAlpha(units: readonly (readonly (string | null)[])[]): number {
  const diag = new Map<string, number>(); // o_cc
  const marg = new Map<string, number>(); // n_c
  let n = 0;
  for (const unit of units) {
    const values = unit.filter((v): v is string => v !== null);
    const m = values.length;
    if (m < 2) continue;
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [v, k] of counts) {
      // Each of the k values pairs with the k − 1 others of the same value, weighted 1/(m − 1).
      diag.set(v, (diag.get(v) ?? 0) + (k * (k - 1)) / (m - 1));
      marg.set(v, (marg.get(v) ?? 0) + k);
    }
    n += m;
  }
  if (n === 0) return NaN;
  let sumDiag = 0;
  for (const o of diag.values()) sumDiag += o;
  let chance = 0;
  for (const nc of marg.values()) chance += nc * (nc - 1);
  const denom = n * (n - 1) - chance;
  return denom === 0 ? NaN : ((n - 1) * sumDiag - chance) / denom;
}

/** Rows are the truth, columns the prediction; pairs with a value outside `labels` are an error. */
export function confusionMatrix(truth: readonly string[], predicted: readonly string[], labels: readonly string[]): ConfusionMatrix {
  if (truth.length !== predicted.length) throw new Error(`confusionMatrix: ${truth.length} truths vs ${predicted.length} predictions`);
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  truth.forEach((t, k) => {
    const i = index.get(t);
    const j = index.get(predicted[k]!);
    if (i === undefined || j === undefined) throw new Error(`confusionMatrix: label "${i === undefined ? t : predicted[k]}" not in labels`);
    matrix[i]![j]!++;
  });
  return { labels: [...labels], matrix };
}
