// The design-weighted correction of pattern shares (validate/weighted.ts) on samples worked by hand.
import { describe, expect, it } from 'vitest';
import { designWeightedShares, weightedConfusion } from '../../src-main/engine/validate/weighted';
import { solve, unweightedCorrection } from './simulate';

const NO_BOOT = { replicates: 0, seed: 1 };
const items = (predicted: string, truths: string) => [...truths].map((truth) => ({ predicted, truth }));

// 80 conversations predicted A, 20 predicted B. Stratum A: 4 validated (weight 20), truths A A A B;
// stratum B: 2 validated (weight 10), truths B A.
const UNEQUAL = { population: { A: 80, B: 20 }, items: [...items('A', 'AAAB'), ...items('B', 'BA')] };

describe('designWeightedShares', () => {
  it('weights each item by its stratum size over the items validated in it', () => {
    // A: 0.8 · 3/4 + 0.2 · 1/2 = 0.7;  B: 0.8 · 1/4 + 0.2 · 1/2 = 0.3
    const r = designWeightedShares(UNEQUAL, NO_BOOT);
    expect(r.method).toBe('design-weighted');
    expect(r.raw).toEqual({ A: 0.8, B: 0.2 });
    expect(r.corrected.A).toBeCloseTo(0.7, 12);
    expect(r.corrected.B).toBeCloseTo(0.3, 12);
    expect(r.validatedItems).toBe(6);
    expect(r.strata).toEqual([
      { stratum: 'A', population: 80, validated: 4, weight: 20 },
      { stratum: 'B', population: 20, validated: 2, weight: 10 },
    ]);
    expect(r.intervals).toBeUndefined();
  });

  it('is the inverse of the weighted confusion matrix, where counting items once is not', () => {
    // Ĉ (rows truth): A = (60, 10), B = (20, 10) → M = [[6/7, 1/7], [2/3, 1/3]]; o = Mᵀx at x = (0.7, 0.3):
    // 6/7 · 0.7 + 2/3 · 0.3 = 0.8 ✓
    const c = weightedConfusion(UNEQUAL);
    expect(c.matrix).toEqual([[60, 10], [20, 10]]);
    const m = c.matrix.map((row) => row.map((x) => x / row.reduce((a, b) => a + b, 0)));
    const x = solve([[m[0]![0]!, m[1]![0]!], [m[0]![1]!, m[1]![1]!]], [0.8, 0.2])!;
    expect(x[0]).toBeCloseTo(0.7, 12);
    // Unweighted rows A = (3/4, 1/4), B = (1/2, 1/2): 0.8 = 0.5 + 0.25 t_A → t_A = 1.2, clipped to 1.
    expect(unweightedCorrection(UNEQUAL.population, UNEQUAL.items, ['A', 'B'])).toEqual({ A: 1, B: 0 });
  });

  it('takes a stratum nobody validated as correctly classified, and lists every label', () => {
    const r = designWeightedShares({ population: { A: 50, B: 50 }, items: items('A', 'AB'), labels: ['A', 'B', 'C'] }, NO_BOOT);
    // A: 0.5 · 1/2 = 0.25; B: 0.5 · 1/2 + 0.5 (unvalidated, as classified) = 0.75; C: never seen
    expect(r.corrected).toEqual({ A: 0.25, B: 0.75, C: 0 });
    expect(r.strata[1]).toEqual({ stratum: 'B', population: 50, validated: 0, weight: null });
  });

  it('refuses items the population cannot hold', () => {
    expect(() => designWeightedShares({ population: { A: 5 }, items: items('B', 'B') }, NO_BOOT)).toThrow(/predicted "B", a pattern no counted conversation has/);
    expect(() => designWeightedShares({ population: { A: 1 }, items: items('A', 'AA') }, NO_BOOT)).toThrow(/2 validated items predicted "A", more than its 1/);
    expect(() => designWeightedShares({ population: {}, items: [] }, NO_BOOT)).toThrow(/no conversation has a pattern/);
  });
});

describe('bootstrap intervals', () => {
  it('spread as a proportion of n − 1 items would (Rao–Wu), the same for the same seed', () => {
    // One stratum of 10 000 with 10 validated, half A: a replicate proportion of 9 draws has variance
    // 0.25/9, so the 95% interval is about 0.5 ± 1.96 · 0.1667 = [0.17, 0.83] (9 draws: steps of 1/9).
    const input = { population: { A: 10_000 }, items: items('A', 'AAAAABBBBB') };
    const r = designWeightedShares(input, { replicates: 4000, seed: 7 });
    expect(r.corrected.A).toBeCloseTo(0.5, 12);
    expect(r.intervals!.A!.ciLow).toBeCloseTo(2 / 9, 12);
    expect(r.intervals!.A!.ciHigh).toBeCloseTo(7 / 9, 12);
    expect(designWeightedShares(input, { replicates: 4000, seed: 7 }).intervals).toEqual(r.intervals);
  });

  it('keeps fully validated strata and strata of one item fixed', () => {
    const r = designWeightedShares({ population: { A: 2, B: 30 }, items: [...items('A', 'AB'), ...items('B', 'A')] }, { replicates: 200, seed: 1 });
    // A is a census (2 of 2), B has one item: no replicate can move either.
    for (const label of ['A', 'B']) expect(r.intervals![label]).toEqual({ ciLow: r.corrected[label], ciHigh: r.corrected[label] });
  });
});
