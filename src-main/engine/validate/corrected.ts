// Pattern shares corrected for misclassification. With M[t][p] = P(predicted p | true t) estimated from
// the validated confusion matrix (rows normalised), the observed shares satisfy o = Mᵀ·t, so the true
// shares are t = (Mᵀ)⁻¹·o. Small validation samples can make that solution negative (clipped to 0 and
// renormalised) or the matrix singular; then we use iterative Bayesian unfolding (D'Agostini 1995, an
// EM for the mixture weights), which always stays a distribution.
//
// A true class never seen in validation has no row to estimate: we assume the classifier gets it right
// (identity row), i.e. no correction for it, rather than guessing an error profile.
import type { Db } from '../../db/open';
import { validationReport } from './report';
import type { ConfusionMatrix, CorrectedShares } from './types';

const SINGULAR = 1e-12;
const EM_ITERATIONS = 10_000;
const EM_TOLERANCE = 1e-13;

export function correctShares(raw: Record<string, number>, confusion: ConfusionMatrix): CorrectedShares {
  const labels = [...confusion.labels, ...Object.keys(raw).filter((k) => !confusion.labels.includes(k)).sort()];
  const observed = normalise(labels.map((l) => raw[l] ?? 0));
  const m = rowNormalised(confusion, labels);
  const transposed = labels.map((_, p) => labels.map((__, t) => m[t]![p]!));
  const solved = solve(transposed, observed);
  let method: CorrectedShares['method'];
  let t: number[];
  if (solved === null) {
    method = 'iterative-bayesian';
    t = iterativeBayesian(m, observed);
  } else if (solved.some((x) => x < 0)) {
    method = 'matrix-inversion-clipped';
    t = normalise(solved.map((x) => Math.max(0, x)));
  } else {
    method = 'matrix-inversion';
    t = normalise(solved);
  }
  const validatedItems = confusion.matrix.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  return { method, labels, raw: record(labels, observed), corrected: record(labels, t), validatedItems };
}

/** Raw pattern shares of the run side by side with the shares corrected by its validation. */
export function correctedPatternShares(db: Db, runId: string): CorrectedShares {
  const rows = db
    .prepare(
      `SELECT value, COUNT(*) AS n FROM classification WHERE run_id = ? AND facet = 'pattern' AND status = 'ok'
       GROUP BY value ORDER BY value`,
    )
    .all(runId) as { value: string; n: number }[];
  const raw = Object.fromEntries(rows.map((r) => [r.value, r.n]));
  return correctShares(raw, validationReport(db, runId).patternConfusion);
}

function rowNormalised(c: ConfusionMatrix, labels: string[]): number[][] {
  const at = (t: string, p: string) => {
    const i = c.labels.indexOf(t);
    const j = c.labels.indexOf(p);
    return i < 0 || j < 0 ? 0 : c.matrix[i]![j]!;
  };
  return labels.map((t, i) => {
    const row = labels.map((p) => at(t, p));
    const total = row.reduce((a, b) => a + b, 0);
    return total === 0 ? labels.map((_, j) => (i === j ? 1 : 0)) : row.map((x) => x / total);
  });
}

/** Gaussian elimination with partial pivoting; null when the matrix is (numerically) singular. */
export function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < SINGULAR) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      for (let k = col; k <= n; k++) m[r]![k]! -= f * m[col]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** EM for t given o = Mᵀt: t_i ← t_i · Σ_p M[i][p]·o_p / (Σ_j M[j][p]·t_j). Starts from uniform. */
export function iterativeBayesian(m: number[][], observed: number[]): number[] {
  let t = observed.map(() => 1 / observed.length);
  for (let it = 0; it < EM_ITERATIONS; it++) {
    const predicted = observed.map((_, p) => t.reduce((s, tj, j) => s + m[j]![p]! * tj, 0));
    const next = normalise(t.map((ti, i) => ti * observed.reduce((s, op, p) => (predicted[p]! > 0 ? s + (m[i]![p]! * op) / predicted[p]! : s), 0)));
    const change = next.reduce((s, x, i) => s + Math.abs(x - t[i]!), 0);
    t = next;
    if (change < EM_TOLERANCE) break;
  }
  return t;
}

function normalise(xs: number[]): number[] {
  const total = xs.reduce((a, b) => a + b, 0);
  return total > 0 ? xs.map((x) => x / total) : xs.map(() => 0);
}

function record(labels: string[], xs: number[]): Record<string, number> {
  return Object.fromEntries(labels.map((l, i) => [l, xs[i]!]));
}
