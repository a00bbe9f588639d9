// Acceptance: the corrected-share estimator recovers a known truth on simulated validation samples.
//
// A population of 12 000 conversations with exact true pattern shares, a classifier with the
// confusion matrix below, and 200 stratified samples of 150 validated items with an allocation far
// from proportional (directive sampled at 1.7%, task iteration at 0.7%) and a stratum of one item.
// Tolerances:
// - Bias: the mean of 200 estimates is within 3 Monte Carlo standard errors (sd/√200) of the truth
//   for every pattern; the old unweighted correction misses by several points on the same samples.
// - Coverage: ≥ 85% of the 95% intervals cover the truth for every pattern of at least 5% (a 93%
//   true coverage would fall below 85% of 200 with probability < 0.1%). The rare pattern, whose
//   stratum has one validated item, is reported, not held to it: one item shows no spread.
import { describe, expect, it } from 'vitest';
import { PATTERN_OPTIONS } from '../../src-shared/validation';
import { designWeightedShares } from '../../src-main/engine/validate/weighted';
import { census, drawSample, makePopulation, strataSizes, trueShares, unweightedCorrection } from './simulate';

const LABELS = [...PATTERN_OPTIONS]; // directive, feedback loop, task iteration, learning, validation, none
const COUNTS = [3600, 1800, 3000, 2400, 120, 1080];
// P(predicted | true), rows in LABELS order.
const CONFUSION = [
  [0.88, 0.06, 0.03, 0.01, 0.0, 0.02],
  [0.12, 0.78, 0.06, 0.02, 0.0, 0.02],
  [0.04, 0.08, 0.82, 0.03, 0.01, 0.02],
  [0.02, 0.01, 0.05, 0.88, 0.01, 0.03],
  [0.02, 0.02, 0.06, 0.02, 0.85, 0.03],
  [0.04, 0.02, 0.03, 0.06, 0.0, 0.85],
];
const ALLOCATION = { directive: 60, 'feedback loop': 20, 'task iteration': 20, learning: 30, validation: 1, none: 19 };
const SAMPLES = 200;
const BOOT = { replicates: 1000, seed: 1 };

const population = makePopulation(LABELS, COUNTS, CONFUSION, 1);
const truth = trueShares(population);
const sizes = strataSizes(population);

interface Figures {
  bias: number;
  se: number;
  rmse: number;
  coverage: number;
  /** Of the unweighted correction, over the samples where its matrix could be inverted. */
  unweightedBias: number;
}

function simulate(): { figures: Record<string, Figures>; singular: number } {
  const est = LABELS.map(() => [] as number[]);
  const old = LABELS.map(() => [] as number[]);
  const covered = LABELS.map(() => 0);
  let singular = 0;
  for (let s = 0; s < SAMPLES; s++) {
    const items = drawSample(population, ALLOCATION, 1000 + s);
    const r = designWeightedShares({ population: sizes, items, labels: LABELS }, BOOT);
    const u = unweightedCorrection(sizes, items, LABELS);
    if (u === null) singular++;
    LABELS.forEach((l, i) => {
      est[i]!.push(r.corrected[l]!);
      if (u) old[i]!.push(u[l]!);
      const { ciLow, ciHigh } = r.intervals![l]!;
      if (ciLow <= truth[l]! && truth[l]! <= ciHigh) covered[i]!++;
    });
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const figures = Object.fromEntries(
    LABELS.map((l, i) => {
      const xs = est[i]!;
      const m = mean(xs);
      const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
      const rmse = Math.sqrt(mean(xs.map((x) => (x - truth[l]!) ** 2)));
      return [l, { bias: m - truth[l]!, se: sd / Math.sqrt(xs.length), rmse, coverage: covered[i]! / SAMPLES, unweightedBias: mean(old[i]!) - truth[l]! }];
    }),
  );
  return { figures, singular };
}

describe('design-weighted correction on simulated validation samples', () => {
  it('the simulated design is the one described: unequal rates and a stratum of one item', () => {
    expect(truth).toEqual({ directive: 0.3, 'feedback loop': 0.15, 'task iteration': 0.25, learning: 0.2, validation: 0.01, none: 0.09 });
    const rates = LABELS.map((l) => ALLOCATION[l] / sizes[l]!);
    expect(Math.max(...rates) / Math.min(...rates)).toBeGreaterThan(2);
    expect(drawSample(population, ALLOCATION, 1).filter((it) => it.predicted === 'validation')).toHaveLength(1);
  });

  it('validating every conversation gives the truth exactly', () => {
    const r = designWeightedShares({ population: sizes, items: census(population), labels: LABELS }, { replicates: 0, seed: 1 });
    for (const l of LABELS) expect(r.corrected[l]).toBeCloseTo(truth[l]!, 12);
  });

  it('recovers the truth without bias, with intervals that cover it, where counting items once does not', () => {
    const { figures, singular } = simulate();
    // Shown with the test's output, for the README's figures.
    console.log([...LABELS.map((l) => `${l}: truth ${pct(truth[l]!)}, ${describe_(figures[l]!)}`), `unweighted matrix singular in ${singular} of ${SAMPLES} samples`].join('\n'));
    for (const l of LABELS) expect(Math.abs(figures[l]!.bias)).toBeLessThanOrEqual(3 * figures[l]!.se);
    for (const l of LABELS.filter((x) => truth[x]! >= 0.05)) expect(figures[l]!.coverage).toBeGreaterThanOrEqual(0.85);
    // The unweighted correction is off by more than 3 points for the over- and under-sampled strata.
    expect(Math.abs(figures.directive!.unweightedBias)).toBeGreaterThan(0.03);
    expect(Math.abs(figures['task iteration']!.unweightedBias)).toBeGreaterThan(0.03);
  });
});

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;

function describe_(f: Figures): string {
  return `bias ${pct(f.bias)} (MC se ${pct(f.se)}), rmse ${pct(f.rmse)}, coverage ${pct(f.coverage)}, unweighted bias ${pct(f.unweightedBias)}`;
}
