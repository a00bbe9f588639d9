// The Appendix G reconstruction of a run as export tables: agreement and recovered counts per level
// and granularity (Figs 16, 19, 21, 24, 25, 26–27), the paired shares behind them (Figs 14, 17,
// 22) and usage by wage band (Fig 20). Only kept items appear: the engine applied the run's privacy
// thresholds to both methods before pairing them.
import type { ReconstructionLevel, ReconstructionReport } from '../../../src-shared/reconstruct';
import { GRANULARITIES, sortedLevels, type Granularity } from '../../../src-shared/charts/reconstruct-common';
import { cat, int, num, str, table, type Cell, type Table } from './table';

const PCT = 'percent';
const LEVEL = 'Aggregation level: requested mean conversations per cluster';
const GRANULARITY = 'Granularity compared: category, occupation or task';

function levelRows(l: ReconstructionLevel): Cell[][] {
  return GRANULARITIES.map(({ granularity: g }) => {
    const m = l.metrics[g];
    // Recovered counts exist for occupations and tasks only (Figs 21, 25); tasks per occupation is one
    // number per level, given on its occupation row.
    const r = g === 'category' ? null : l.recovered[g];
    const perOccupation = g === 'occupation' ? l.tasksPerOccupation : null;
    return [
      l.meanClusterSize, g, l.clusters, l.placed, l.unplaced,
      m.n, m.pearson, m.spearman, m.kendallTauB, m.mse,
      r?.both ?? null, r?.directOnly ?? null, r?.clusterOnly ?? null,
      perOccupation?.direct ?? null, perOccupation?.clusters ?? null,
    ];
  });
}

function shareRows(l: ReconstructionLevel, g: Granularity): Cell[][] {
  return l.shares[g].map((s) => [l.meanClusterSize, g, s.key, s.label, s.direct, s.clusters]);
}

/** The three reconstruction tables; none when the run has no stored reconstruction. */
export function reconstructionTables(r: ReconstructionReport | null | undefined): Table[] {
  if (!r) return [];
  const levels = sortedLevels(r);
  return [
    table('reconstruction_levels', `Appendix G reconstruction of run ${r.run} (${r.method}): agreement of clusters with direct assignment per level and granularity (Figures 16, 19, 21, 24-27)`, [
      int('level', LEVEL, 'count'),
      cat('granularity', GRANULARITY, GRANULARITIES.map((g) => g.granularity)),
      int('clusters', 'k of the k-means at this level', 'count'),
      int('placed', 'Clusters the traversal placed on a base task', 'count'),
      int('unplaced', 'Clusters left unplaced', 'count'),
      int('n', 'Items compared: the union of items either method found', 'count'),
      num('pearson', 'Pearson correlation of the two methods\' shares', '-1..1'),
      num('spearman', 'Spearman rank correlation of the shares', '-1..1'),
      num('kendallTauB', 'Kendall tau-b of the shares (ties corrected)', '-1..1'),
      num('mse', 'Mean squared error between the shares', 'squared percentage points'),
      int('both', 'Items found by both methods (occupation and task rows only)', 'count'),
      int('directOnly', 'Items found only by direct assignment (occupation and task rows only)', 'count'),
      int('clusterOnly', 'Items found only by the clusters (occupation and task rows only)', 'count'),
      num('directTasksPerOccupation', 'Mean distinct kept tasks per occupation, direct assignment (occupation rows only)', 'count'),
      num('clusterTasksPerOccupation', 'Mean distinct kept tasks per occupation, clusters (occupation rows only)', 'count'),
    ], levels.flatMap(levelRows)),
    table('reconstruction_shares', 'Share of each category, occupation and task under direct assignment and under the clusters of each level (Figures 14, 15, 17, 18, 22, 23)', [
      int('level', LEVEL, 'count'),
      cat('granularity', GRANULARITY, GRANULARITIES.map((g) => g.granularity)),
      str('key', 'Item id: SOC major group, O*NET-SOC code or hierarchy task id'),
      str('label', 'Item name'),
      num('directPct', 'Share of kept usage under direct assignment (0 when it did not find the item)', PCT),
      num('clusterPct', 'Share of kept usage under the clusters (0 when they did not find the item)', PCT),
    ], levels.flatMap((l) => GRANULARITIES.flatMap(({ granularity }) => shareRows(l, granularity)))),
    table('reconstruction_wage_bands', 'Usage by median-wage band of the occupation, direct assignment vs clusters, per level (Figure 20)', [
      int('level', LEVEL, 'count'),
      str('band', 'Median annual wage band of the occupation (USD)'),
      num('directPct', 'Share of usage with a known wage, direct assignment', PCT),
      num('clusterPct', 'Share of usage with a known wage, clusters', PCT),
    ], levels.flatMap((l) => l.wageBands.map((b) => [l.meanClusterSize, b.band, b.direct, b.clusters]))),
  ];
}
