// Assembles every analysis of the paper for one usage source into a ReproduceReport.
import type { Db } from '../../db/open';
import type { JobZoneTable, ReproduceReport } from '../../../src-shared/report';
import { loadInputs, type AnalysisInputs } from './inputs';
import { categoryShares, occupationShares, splitAcrossOccupations, topTasks } from './occupations';
import { depthCurve } from './depth';
import { wageAnalysis } from './wage';
import { jobZoneTable, zoneVariants } from './jobzones';
import { automationSplit } from './patterns';
import { drilldown } from './drilldown';
import { compareDistributions } from './stats';

export const TOP_N = 50;

export function reproduceFromInputs(inputs: AnalysisInputs): ReproduceReport {
  const { rows, matching } = splitAcrossOccupations(inputs);
  const categories = categoryShares(rows, inputs);
  const withBls = categories.filter((c) => c.blsPct !== null);
  const occupations = occupationShares(rows, inputs.majorGroups);
  const variants = zoneVariants(inputs);
  const jobZones: JobZoneTable[] = variants.map((v) => jobZoneTable(rows, v.lookup, v.variant, v.label));
  // Figure 2 / Explore use the O*NET crosswalk zones when the project has them, else the release's:
  // one zone per occupation, for every occupation (the task-text zones cover only some).
  const drilldownZones = (variants.find((v) => v.variant === 'onet-crosswalk') ?? variants[0]!).lookup;
  return {
    source: inputs.source,
    categories,
    categoryCorrelation: compareDistributions(
      withBls.map((c) => c.usagePct),
      withBls.map((c) => c.blsPct as number),
    ),
    topOccupations: occupations.slice(0, TOP_N),
    topTasks: topTasks(rows, TOP_N),
    depth: depthCurve(rows),
    wage: wageAnalysis(occupations, inputs.wages),
    jobZones,
    automation: automationSplit(inputs.patterns),
    matching,
    // Last: by far the largest field, so `reproduce --json` still opens with the headline numbers.
    drilldown: drilldown(rows, inputs, drilldownZones),
  };
}

export function reproduce(db: Db, sourceId: string): ReproduceReport {
  return reproduceFromInputs(loadInputs(db, sourceId));
}
