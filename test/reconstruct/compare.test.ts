// One reconstruction level against direct assignment on a hand-made fixture: three occupations,
// five O*NET statements ("Write reports." shared by two occupations, so split evenly), and the
// metrics worked out by hand below — Pearson, Spearman (average ranks), Kendall τ-b with ties, MSE —
// over the union of items either side found; plus the cluster weights under the privacy thresholds.
import { describe, expect, it } from 'vitest';
import { clusterTaskCounts, compareLevel, type ReferenceInputs } from '../../src-main/engine/reconstruct/compare';
import { planLevels } from '../../src-main/engine/reconstruct/levels';

const REF: ReferenceInputs = {
  tasks: [
    { code: '11-1011.00', title: 'Chief Executives', task: 'Direct budgets.' },
    { code: '11-1011.00', title: 'Chief Executives', task: 'Approve hires.' },
    { code: '15-1252.00', title: 'Software Developers', task: 'Write code.' },
    { code: '15-1252.00', title: 'Software Developers', task: 'Write reports.' },
    { code: '27-3043.00', title: 'Writers and Authors', task: 'Write stories.' },
    { code: '27-3043.00', title: 'Writers and Authors', task: 'Write reports.' },
  ],
  majorGroups: [
    { code: '11', title: 'Management' },
    { code: '15', title: 'Computer and Mathematical' },
    { code: '27', title: 'Arts, Design, Entertainment, Sports, and Media' },
  ],
  blsEmployment: [],
  wages: [
    { code: '11-1011.00', jobZone: 5, medianSalary: 200_000 },
    { code: '15-1252.00', jobZone: 4, medianSalary: 120_000 },
    { code: '27-3043.00', jobZone: 3, medianSalary: 60_000 },
  ],
};

// Direct: budgets 40, code 30, reports 20 (10 to each of its two occupations), stories 10.
const DIRECT = [
  { taskName: 'direct budgets.', pct: 40 },
  { taskName: 'write code.', pct: 30 },
  { taskName: 'write reports.', pct: 20 },
  { taskName: 'write stories.', pct: 10 },
];
// Clusters: budgets 50, hires 10, code 40 (no reports, no stories: Writers and Authors not found).
const CLUSTERS = [
  { taskName: 'direct budgets.', pct: 50 },
  { taskName: 'approve hires.', pct: 10 },
  { taskName: 'write code.', pct: 40 },
];

const level = compareLevel(REF, DIRECT, CLUSTERS, { meanClusterSize: 10, clusters: 5, placed: 4, unplaced: 1 });

describe('compareLevel on a hand-computed fixture', () => {
  it('pairs category shares over the union and computes the four metrics', () => {
    // Categories (direct, clusters): Management (40, 60), Computer (40, 40), Arts (20, 0).
    expect(level.shares.category.map((s) => [s.label, s.direct, s.clusters])).toEqual([
      ['Management', 40, 60],
      ['Computer and Mathematical', 40, 40],
      ['Arts, Design, Entertainment, Sports, and Media', 20, 0],
    ]);
    const m = level.metrics.category;
    // Pearson: deviations ∝ x [1, 1, −2], y [4, 1, −5]: 15 / √(6 · 42) = 0.944911.
    expect(m.pearson).toBeCloseTo(15 / Math.sqrt(252), 10);
    // Spearman: ranks x [2.5, 2.5, 1], y [3, 2, 1]: 1.5 / √(1.5 · 2) = 0.866025.
    expect(m.spearman).toBeCloseTo(1.5 / Math.sqrt(3), 10);
    // Kendall τ-b: pairs (1,2) tied in x only, (1,3) and (2,3) concordant: 2 / √(3 · 2) = 0.816497.
    expect(m.kendallTauB).toBeCloseTo(2 / Math.sqrt(6), 10);
    // MSE: (20² + 0² + 20²) / 3.
    expect(m.mse).toBeCloseTo(800 / 3, 10);
    expect(m.n).toBe(3);
  });

  it('finds the same numbers at occupation level and counts the occupations recovered', () => {
    // Occupations: Chief Executives (40, 60), Software Developers (40, 40), Writers and Authors (20, 0).
    expect(level.shares.occupation.map((s) => [s.key, s.direct, s.clusters])).toEqual([
      ['11-1011.00', 40, 60],
      ['15-1252.00', 40, 40],
      ['27-3043.00', 20, 0],
    ]);
    expect(level.metrics.occupation.pearson).toBeCloseTo(15 / Math.sqrt(252), 10);
    expect(level.recovered.occupation).toEqual({ both: 2, directOnly: 1, clusterOnly: 0 });
  });

  it('compares tasks over the union, 0 where a side did not find one', () => {
    // x = direct [40, 30, 20, 10, 0], y = clusters [50, 40, 0, 0, 10] (budgets, code, reports, stories, hires).
    expect(level.shares.task.map((s) => [s.label, s.direct, s.clusters])).toEqual([
      ['Direct budgets.', 40, 50],
      ['Write code.', 30, 40],
      ['Write reports.', 20, 0],
      ['Approve hires.', 0, 10],
      ['Write stories.', 10, 0],
    ]);
    const m = level.metrics.task;
    // Pearson: dx [20, 10, 0, −10, −20], dy [30, 20, −20, −20, −10]: 1200 / √(1000 · 2200) = 0.809040.
    expect(m.pearson).toBeCloseTo(1200 / Math.sqrt(1000 * 2200), 10);
    // Spearman: ranks x [5, 4, 3, 2, 1], y [5, 4, 1.5, 1.5, 3]: 6.5 / √(10 · 9.5) = 0.666886.
    expect(m.spearman).toBeCloseTo(6.5 / Math.sqrt(95), 10);
    // Kendall τ-b: 7 concordant, 2 discordant, 1 pair tied in y only: 5 / √(9 · 10) = 0.527046.
    expect(m.kendallTauB).toBeCloseTo(5 / Math.sqrt(90), 10);
    // MSE: (10² + 10² + 20² + 10² + 10²) / 5 = 160.
    expect(m.mse).toBeCloseTo(160, 10);
    expect(level.recovered.task).toEqual({ both: 2, directOnly: 2, clusterOnly: 1 });
  });

  it('reports mean tasks per occupation and usage by median-wage band', () => {
    // Direct: executives 1 task, developers 2, writers 2 → 5/3. Clusters: executives 2, developers 1 → 1.5.
    expect(level.tasksPerOccupation.direct).toBeCloseTo(5 / 3, 10);
    expect(level.tasksPerOccupation.clusters).toBeCloseTo(1.5, 10);
    const bands = Object.fromEntries(level.wageBands.map((b) => [b.band, [b.direct, b.clusters]]));
    expect(bands['$50K–75K']).toEqual([20, 0]);
    expect(bands['$100K–125K']![0]).toBeCloseTo(40, 10);
    expect(bands['$125K and over']![1]).toBeCloseTo(60, 10);
    expect(level.wageBands.reduce((s, b) => s + b.direct, 0)).toBeCloseTo(100, 10);
    expect(level).toMatchObject({ meanClusterSize: 10, clusters: 5, placed: 4, unplaced: 1 });
  });
});

describe('cluster weights under the privacy thresholds', () => {
  const clusters = [
    { nodeId: 'b1', task: 'Direct budgets.', size: 4, accounts: new Set(['a', 'b']) },
    { nodeId: 'b1', task: 'Direct budgets.', size: 3, accounts: new Set(['b', 'c']) },
    { nodeId: 'b2', task: 'Approve hires.', size: 2, accounts: new Set(['a']) },
  ];

  it('weighs a task by the sizes of its clusters and counts distinct accounts across them', () => {
    const counts = clusterTaskCounts(clusters, { minConversations: 5, minAccounts: 3 }, true);
    expect(counts).toEqual([
      { nodeId: 'b1', task: 'Direct budgets.', conversations: 7, accounts: 3, kept: true },
      { nodeId: 'b2', task: 'Approve hires.', conversations: 2, accounts: 1, kept: false },
    ]);
  });

  it('applies the account threshold only where the corpus has account ids', () => {
    const counts = clusterTaskCounts(clusters, { minConversations: 2, minAccounts: 3 }, false);
    expect(counts.map((c) => c.kept)).toEqual([true, true]);
  });
});

describe('aggregation levels', () => {
  it('makes k = round(n / size) clusters, clipped to the distinct summaries, and skips levels under 2', () => {
    const { plans, skipped } = planLevels([10, 100, 1000], 450, 300);
    expect(plans).toEqual([
      { meanClusterSize: 10, k: 45 },
      { meanClusterSize: 100, k: 5 },
    ]);
    expect(skipped).toEqual([{ meanClusterSize: 1000, reason: '450 conversations give 1 cluster of about 1000: a comparison needs at least 2' }]);
    expect(planLevels([5], 100, 12).plans).toEqual([{ meanClusterSize: 5, k: 12 }]);
  });
});
