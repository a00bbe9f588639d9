// The phases of a hierarchy build in plain words, each weighted by its expected work: Claude calls
// counted the way the cost estimate counts them, texts embedded, and k-means point × centroid work.
import { COST, count, type PhaseSpec } from '../pipeline/phases';
import type { HierarchyConfig } from './config';

/** The step names of one level, in the order buildLevel runs them (keys are "L<level> <step>"). */
export const LEVEL_STEPS = ['embed', 'cluster', 'propose', 'embed proposals', 'dedupe', 'embed parents', 'assign', 'rename'] as const;

export function hierarchyPhases(cfg: HierarchyConfig, targets: readonly number[]): PhaseSpec[] {
  const specs: PhaseSpec[] = [];
  for (let level = 1; level < cfg.levels; level++) {
    const n = targets[level - 1]!;
    const target = targets[level]!;
    const items = level === 1 ? `${count(n)} tasks` : `${count(n)} level ${level - 1} tasks`;
    const hoods = Math.max(1, Math.round(n / cfg.meanNeighbourhood));
    const proposed = Math.round(cfg.proposeOverscan * target);
    const groups = Math.max(1, Math.round(proposed / cfg.meanNeighbourhood));
    const batches = hoods * Math.ceil(n / hoods / cfg.assignBatch);
    const weights: Record<(typeof LEVEL_STEPS)[number], [string, number]> = {
      embed: [`Embedding ${items}`, n * COST.embedText],
      cluster: [`Clustering ${items}`, n * hoods * COST.kmeansPointCentroid],
      propose: [`Proposing level ${level} tasks`, hoods * COST.call],
      'embed proposals': [`Embedding ${count(proposed)} proposed level ${level} tasks`, proposed * COST.embedText],
      dedupe: [`Merging duplicate level ${level} tasks`, groups * COST.call + proposed * groups * COST.kmeansPointCentroid],
      'embed parents': [`Embedding level ${level} tasks`, target * COST.embedText],
      assign: [`Placing ${items} under level ${level} tasks`, batches * COST.call],
      rename: [`Naming level ${level} tasks`, target * COST.call],
    };
    for (const step of LEVEL_STEPS) {
      const [label, weight] = weights[step];
      specs.push({ key: `L${level} ${step}`, label, weight, unit: step === 'cluster' ? 'iterations' : 'items' });
    }
  }
  return specs;
}
