// The phases of a reconstruction in plain words, each weighted by its expected work: Claude calls
// (summaries, names, placement), embedded texts, k-means work per level, and the comparison.
import { COST, count, type PhaseSpec } from '../pipeline/phases';
import type { ReconstructConfig } from './config';

/** Rows the comparison touches per level: the O*NET statements, split and rolled up, twice. */
const COMPARE_ROWS = 40_000;

export function expectedK(n: number, size: number): number {
  return Math.max(1, Math.round(n / size));
}

/** Labels of the phases whose counts are only known once the summaries are in (k is clipped to distinct ones). */
export const LABELS = {
  kmeans: (n: number, k: number, size: number) => `Clustering ${count(n)} conversations into ${count(k)} clusters of about ${count(size)}`,
  name: (clusters: number) => `Naming ${count(clusters)} clusters from samples of their requests`,
  place: (clusters: number, offline: boolean) => `Placing ${count(clusters)} clusters on the hierarchy${offline ? ' by embedding' : ''}`,
};

export function reconstructPhases(cfg: ReconstructConfig, n: number, depth: number): PhaseSpec[] {
  const ks = cfg.levels.map((size) => ({ size, k: expectedK(n, size) })).filter((l) => l.k >= 2);
  const clusters = ks.reduce((s, l) => s + l.k, 0);
  const claude = cfg.method === 'claude';
  const specs: PhaseSpec[] = [];
  if (claude) specs.push({ key: 'summaries', label: `Summarising the requests of ${count(n)} conversations`, weight: n * COST.call });
  specs.push({ key: 'embed', label: `Embedding ${count(n)} request summaries`, weight: n * COST.embedText });
  for (const { size, k } of ks) {
    specs.push({
      key: `kmeans ${size}`,
      label: LABELS.kmeans(n, k, size),
      weight: n * k * COST.kmeansPointCentroid,
      unit: 'iterations',
    });
  }
  if (claude) {
    specs.push({ key: 'name', label: LABELS.name(clusters), weight: clusters * COST.call });
    specs.push({ key: 'place', label: LABELS.place(clusters, false), weight: clusters * (depth + 1) * COST.call });
  } else {
    specs.push({ key: 'place', label: LABELS.place(clusters, true), weight: clusters * COST.embedText });
  }
  specs.push({ key: 'compare', label: 'Comparing every level with direct assignment', weight: ks.length * COMPARE_ROWS * COST.row });
  return specs;
}
