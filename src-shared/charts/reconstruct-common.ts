// What the Appendix G charts (src-shared/charts/figG*.ts) share: the three granularities with the
// paper's figure numbers, how an aggregation level is named, and the direct share of an item. One
// place, so a level reads the same in a legend, an axis tick, a caption and a table.
import type { PairedShare, ReconstructionLevel, ReconstructionReport } from '../reconstruct';
import { fmtInt } from './format';

export type Granularity = 'category' | 'occupation' | 'task';

export interface GranularityInfo {
  granularity: Granularity;
  /** Plural, capitalised: "Categories". */
  label: string;
  /** Singular, for table headers: "Category". */
  item: string;
  /** The paper's figures for this granularity: scatter, prevalence, metrics. */
  figures: { scatter: number; prevalence: number; metrics: number };
}

export const GRANULARITIES: readonly GranularityInfo[] = [
  { granularity: 'category', label: 'Categories', item: 'Category', figures: { scatter: 14, prevalence: 15, metrics: 16 } },
  { granularity: 'occupation', label: 'Occupations', item: 'Occupation', figures: { scatter: 17, prevalence: 18, metrics: 19 } },
  { granularity: 'task', label: 'Tasks', item: 'Task', figures: { scatter: 22, prevalence: 23, metrics: 24 } },
];

export function granularityInfo(g: Granularity): GranularityInfo {
  return GRANULARITIES.find((i) => i.granularity === g) ?? (GRANULARITIES[0] as GranularityInfo);
}

export const DIRECT_TRACE = 'Direct assignment';

/** Short level name for ticks and legends: "≈100 per cluster". */
export function levelName(level: Pick<ReconstructionLevel, 'meanClusterSize'>): string {
  return `≈${fmtInt(level.meanClusterSize)} per cluster`;
}

/** Long level name for legends and captions: "≈100 per cluster (k = 42)". */
export function levelLegend(level: Pick<ReconstructionLevel, 'meanClusterSize' | 'clusters'>): string {
  return `${levelName(level)} (k = ${fmtInt(level.clusters)})`;
}

/** Levels from the finest (smallest clusters) to the coarsest, whatever order the engine stored. */
export function sortedLevels(report: ReconstructionReport): ReconstructionLevel[] {
  return [...report.levels].sort((a, b) => a.meanClusterSize - b.meanClusterSize);
}

/** The level with the largest clusters (the paper's Figure 20 uses clusters of ≈1,500). */
export function largestLevel(report: ReconstructionReport): ReconstructionLevel | undefined {
  return sortedLevels(report).at(-1);
}

/** True when no level paired any item at this granularity: the charts then draw the empty figure. */
export function noShares(report: ReconstructionReport, g: Granularity): boolean {
  return report.levels.every((l) => l.shares[g].length === 0);
}

/**
 * Every item any level paired, with its direct share and label. Direct assignment does not depend on
 * the level, so the first level that lists an item gives its direct share.
 */
export function directItems(report: ReconstructionReport, g: Granularity): Map<string, PairedShare> {
  const items = new Map<string, PairedShare>();
  for (const level of sortedLevels(report)) {
    for (const s of level.shares[g]) if (!items.has(s.key)) items.set(s.key, s);
  }
  return items;
}

/** The level's cluster share of each item, by key (0 where the level's clusters did not find it). */
export function clusterShares(level: ReconstructionLevel, g: Granularity): Map<string, number> {
  return new Map(level.shares[g].map((s) => [s.key, s.clusters]));
}
