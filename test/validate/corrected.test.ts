// Correction of pattern shares for misclassification, against 2×2 systems solved by hand.
import { describe, expect, it } from 'vitest';
import { correctShares, iterativeBayesian, solve } from '../../src-main/engine/validate/corrected';

const ab = (matrix: number[][]) => ({ labels: ['A', 'B'], matrix });

describe('correctShares', () => {
  it('inverts P(pred | true) when the solution is a distribution', () => {
    // truth A: 8 predicted A, 2 predicted B → P(·|A) = (0.8, 0.2); truth B: (0.1, 0.9)
    // observed (0.5, 0.5): 0.5 = 0.8 tA + 0.1 (1 − tA) = 0.1 + 0.7 tA → tA = 4/7, tB = 3/7
    // check B: 0.2·4/7 + 0.9·3/7 = (0.8 + 2.7)/7 = 0.5 ✓
    const r = correctShares({ A: 50, B: 50 }, ab([[8, 2], [1, 9]]));
    expect(r.method).toBe('matrix-inversion');
    expect(r.raw).toEqual({ A: 0.5, B: 0.5 });
    expect(r.corrected.A).toBeCloseTo(4 / 7, 12);
    expect(r.corrected.B).toBeCloseTo(3 / 7, 12);
    expect(r.validatedItems).toBe(20);
  });

  it('clips a negative solution to 0 and renormalises', () => {
    // observed (0.05, 0.95): det = 0.8·0.9 − 0.1·0.2 = 0.7
    // tA = (0.05·0.9 − 0.1·0.95)/0.7 = −0.0714, tB = (0.8·0.95 − 0.2·0.05)/0.7 = 1.0714 → (0, 1)
    const r = correctShares({ A: 5, B: 95 }, ab([[8, 2], [1, 9]]));
    expect(r.method).toBe('matrix-inversion-clipped');
    expect(r.corrected).toEqual({ A: 0, B: 1 });
  });

  it('falls back to iterative Bayesian unfolding when the matrix is singular', () => {
    // Both truths predicted 50/50: the data say nothing, and EM keeps its uniform start.
    const r = correctShares({ A: 30, B: 70 }, ab([[5, 5], [5, 5]]));
    expect(r.method).toBe('iterative-bayesian');
    expect(r.corrected.A).toBeCloseTo(0.5, 12);
    expect(r.raw.A).toBeCloseTo(0.3, 12);
  });

  it('assumes no error for a true class never validated (identity row)', () => {
    // M = [[0.8, 0.2], [0, 1]]; observed (0.4, 0.6): 0.4 = 0.8 tA → tA = 0.5; B: 0.2·0.5 + 0.5 = 0.6 ✓
    const r = correctShares({ A: 4, B: 6 }, ab([[8, 2], [0, 0]]));
    expect(r.corrected.A).toBeCloseTo(0.5, 12);
    expect(r.corrected.B).toBeCloseTo(0.5, 12);
  });

  it('keeps raw labels missing from the matrix', () => {
    const r = correctShares({ A: 1, C: 1 }, ab([[1, 0], [0, 1]]));
    expect(r.labels).toEqual(['A', 'B', 'C']);
    expect(r.corrected).toEqual({ A: 0.5, B: 0, C: 0.5 });
  });
});

describe('solvers', () => {
  it('solve: Gaussian elimination on a hand-checked system, null when singular', () => {
    // 2x + y = 5, x + 3y = 10 → x = 1, y = 3
    const x = solve([[2, 1], [1, 3]], [5, 10])!;
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBeCloseTo(3, 12);
    expect(solve([[1, 2], [2, 4]], [1, 2])).toBeNull();
  });

  it('iterativeBayesian converges to the inversion when that is a distribution', () => {
    const t = iterativeBayesian([[0.8, 0.2], [0.1, 0.9]], [0.5, 0.5]);
    expect(t[0]).toBeCloseTo(4 / 7, 6);
    expect(t[1]).toBeCloseTo(3 / 7, 6);
  });
});
