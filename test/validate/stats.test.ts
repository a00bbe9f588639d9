// Every statistic against arithmetic done by hand (written out below), plus the textbook example of
// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", nominal data: α = 0.743.
import { describe, expect, it } from 'vitest';
import { cohenKappa, confusionMatrix, krippendorffAlpha, wilson } from '../../src-main/engine/validate/stats';

describe('wilson', () => {
  it('matches the formula for 129/150 (the paper\'s 86% base-level accuracy)', () => {
    // z = 1.959964, z² = 3.841458881, n = 150, p = 0.86
    // denominator 1 + z²/n            = 1.025609726
    // centre (p + z²/2n) / denom      = (0.86 + 0.012804863) / 1.025609726 = 0.851010712
    // half   z/denom · √(p(1−p)/n + z²/4n²)
    //        = 1.911023 · √(0.000802667 + 0.0000426829) = 1.911023 · 0.0290749 = 0.0555628
    const w = wilson(129, 150);
    expect(w.p).toBeCloseTo(0.86, 12);
    expect(w.low).toBeCloseTo(0.851010712 - 0.0555628, 6);
    expect(w.high).toBeCloseTo(0.851010712 + 0.0555628, 6);
    expect(w.low).toBeCloseTo(0.795448, 6);
    expect(w.high).toBeCloseTo(0.906574, 6);
  });

  it('matches the formula for 15/20', () => {
    // p = 0.75, z²/n = 0.192073, denom = 1.192073, centre = (0.75 + 0.096036) / 1.192073 = 0.709729
    // √(0.1875/20 + 3.841459/1600) = √(0.009375 + 0.002400912) = 0.108517; half = 1.644168 · 0.108517 = 0.178420
    const w = wilson(15, 20);
    expect(w.low).toBeCloseTo(0.709729 - 0.17842, 4);
    expect(w.high).toBeCloseTo(0.709729 + 0.17842, 4);
  });

  it('stays inside [0, 1] at the edges and is [0, 1] with no data', () => {
    // 0/10: centre = (z²/20)/(1 + z²/10) = 0.192073/1.384146 = 0.138766 = half, so low = 0
    const zero = wilson(0, 10);
    expect(zero.low).toBe(0);
    expect(zero.high).toBeCloseTo(2 * 0.138767, 5);
    expect(wilson(10, 10).high).toBeCloseTo(1, 12);
    expect(wilson(0, 0)).toEqual({ p: 0, low: 0, high: 1 });
  });
});

describe('cohenKappa', () => {
  it('matches a 2×2 table worked by hand', () => {
    // A\B   yes  no
    // yes    20   5
    // no     10  15      n = 50
    // po = 35/50 = 0.7; pe = (25/50)(30/50) + (25/50)(20/50) = 0.3 + 0.2 = 0.5; κ = 0.2/0.5 = 0.4
    const a = [...rep('yes', 20), ...rep('yes', 5), ...rep('no', 10), ...rep('no', 15)];
    const b = [...rep('yes', 20), ...rep('no', 5), ...rep('yes', 10), ...rep('no', 15)];
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 12);
  });

  it('is 1 for perfect agreement and undefined (NaN) when both use one category', () => {
    expect(cohenKappa(['a', 'b', 'a'], ['a', 'b', 'a'])).toBeCloseTo(1, 12);
    expect(cohenKappa(['a', 'a'], ['a', 'a'])).toBeNaN();
    expect(() => cohenKappa(['a'], [])).toThrow(/1 vs 0/);
  });
});

describe('krippendorffAlpha (nominal)', () => {
  it('matches a tiny reliability matrix worked by hand', () => {
    // units: (a,a) (a,b) (b,b); n = 6 pairable values, n_a = n_b = 3
    // coincidences: o_aa = 2 (unit 1), o_ab = o_ba = 1 (unit 2), o_bb = 2 (unit 3)
    // α = 1 − (n−1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k = 1 − 5·2 / (3·3·2) = 1 − 10/18 = 0.4444…
    expect(krippendorffAlpha([['a', 'a'], ['a', 'b'], ['b', 'b']])).toBeCloseTo(8 / 18, 12);
    // Cohen's κ on the same data: po = 2/3, pe = (2/3)(1/3) + (1/3)(2/3) = 4/9 →
    // κ = (2/3 − 4/9)/(1 − 4/9) = (2/9)/(5/9) = 0.4 (α corrects for small n, κ does not).
    expect(cohenKappa(['a', 'a', 'b'], ['a', 'b', 'b'])).toBeCloseTo(0.4, 12);
  });

  it('drops units with a single value (missing data)', () => {
    // the third unit has one value: not pairable, so α equals the two-unit case
    // (a,a),(b,b): o_aa = o_bb = 2, n = 4, Σ n_c(n_c−1) = 2+2 → α = (3·4 − 4)/(4·3 − 4) = 1
    expect(krippendorffAlpha([['a', 'a'], ['b', 'b'], ['a', null]])).toBeCloseTo(1, 12);
  });

  it('reproduces Krippendorff (2011): 4 observers × 12 units, α = 0.743', () => {
    const _ = null;
    const byObserver = [
      ['1', '2', '3', '3', '2', '1', '4', '1', '2', _, _, _],
      ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', _, '3'],
      [_, '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', _],
      ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', _],
    ];
    const units = byObserver[0]!.map((_v, u) => byObserver.map((o) => o[u]!));
    // Unit 12 has one value and drops out. Diagonal coincidences o_cc per unit (k(k−1)/(m−1)):
    // u1 1,1,1 → 3; u2 2,2,3,2 → 2; u3, u4 3×4 → 4 + 4; u5 2×4 → 4; u6 1,2,3,4 → 0; u7 4×4 → 4;
    // u8 1,1,2,1 → 2; u9 2×4 → 4; u10 5×3 → 3; u11 1,1 → 2.          Σ o_cc = 32, n = 40
    // n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3: Σ n_c(n_c−1) = 72 + 156 + 90 + 20 + 6 = 344
    // α = (39·32 − 344) / (40·39 − 344) = 904 / 1216 = 0.7434
    expect(krippendorffAlpha(units)).toBeCloseTo(904 / 1216, 12);
    expect(krippendorffAlpha(units)).toBeCloseTo(0.743, 3);
  });
});

describe('confusionMatrix', () => {
  it('counts truth × prediction', () => {
    const m = confusionMatrix(['a', 'a', 'b', 'c'], ['a', 'b', 'b', 'a'], ['a', 'b', 'c']);
    expect(m.matrix).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 0],
    ]);
    expect(() => confusionMatrix(['z'], ['a'], ['a'])).toThrow(/"z"/);
  });
});

function rep(x: string, n: number): string[] {
  return Array.from({ length: n }, () => x);
}
