// One aggregation level against direct assignment, as the paper's Appendix G does it: a task's
// weight is the size of the clusters placed on it, the run's privacy thresholds apply to that weight
// and to the distinct accounts behind it, and both sides then go through the same analysis code as
// any usage source (even split across occupations, roll-up to SOC major groups). Items are compared
// over the union of those either side found, 0 where one side did not. Pure, so a hand fixture can check it.
import { WAGE_BANDS, type PairedShare, type RecoveredCounts, type ReconstructionLevel } from '../../../src-shared/reconstruct';
import type { AnalysisInputs } from '../analyze/inputs';
import { categoryShares, occupationShares, splitAcrossOccupations, topTasks } from '../analyze/occupations';
import { compareDistributions } from '../analyze/stats';
import { wageAnalysis } from '../analyze/wage';
import type { TaskCount } from '../classify/aggregate';

export type Usage = { taskName: string; pct: number }[];
export type ReferenceInputs = Pick<AnalysisInputs, 'tasks' | 'majorGroups' | 'blsEmployment' | 'wages'>;

/** One placed cluster: the base node it landed on, its size and its members' distinct accounts. */
export interface PlacedCluster {
  nodeId: string;
  task: string;
  size: number;
  accounts: ReadonlySet<string>;
}

/** Task counts from placed clusters, under the run's thresholds (the same rule as countTasks). */
export function clusterTaskCounts(
  clusters: readonly PlacedCluster[],
  thresholds: { minConversations: number; minAccounts: number },
  accountsKnown: boolean,
): TaskCount[] {
  const byNode = new Map<string, { task: string; size: number; accounts: Set<string> }>();
  for (const c of clusters) {
    const t = byNode.get(c.nodeId) ?? { task: c.task, size: 0, accounts: new Set<string>() };
    t.size += c.size;
    for (const a of c.accounts) t.accounts.add(a);
    byNode.set(c.nodeId, t);
  }
  return [...byNode]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([nodeId, t]) => ({
      nodeId,
      task: t.task,
      conversations: t.size,
      accounts: t.accounts.size,
      kept: t.size >= thresholds.minConversations && (!accountsKnown || t.accounts.size >= thresholds.minAccounts),
    }));
}

interface Keyed {
  key: string;
  label: string;
  pct: number;
}

interface Side {
  category: Keyed[];
  occupation: Keyed[];
  task: Keyed[];
  tasksPerOccupation: number;
  wageBands: number[];
}

function sideOf(ref: ReferenceInputs, usageTasks: Usage): Side {
  const { rows } = splitAcrossOccupations({ usageTasks, tasks: ref.tasks });
  const occupations = occupationShares(rows, ref.majorGroups).filter((o) => o.usagePct > 0);
  const withTasks = occupations.filter((o) => o.tasksWithUsage > 0);
  return {
    category: categoryShares(rows, ref).filter((c) => c.usagePct > 0).map((c) => ({ key: c.title, label: c.title, pct: c.usagePct })),
    occupation: occupations.map((o) => ({ key: o.code, label: o.title, pct: o.usagePct })),
    task: topTasks(rows, Infinity).map((t) => ({ key: t.task, label: t.task, pct: t.usagePct })),
    tasksPerOccupation: withTasks.length > 0 ? withTasks.reduce((s, o) => s + o.tasksWithUsage, 0) / withTasks.length : 0,
    wageBands: wageBandShares(ref, occupations),
  };
}

/** Percent of the usage whose occupation has a known annual median wage, per band (Fig 20). */
function wageBandShares(ref: ReferenceInputs, occupations: Parameters<typeof wageAnalysis>[0]): number[] {
  const points = wageAnalysis(occupations, ref.wages).points;
  const total = points.reduce((s, p) => s + p.usagePct, 0);
  return WAGE_BANDS.map((b) => {
    const inBand = points.filter((p) => p.medianWage >= b.min && p.medianWage < b.max).reduce((s, p) => s + p.usagePct, 0);
    return total > 0 ? (100 * inBand) / total : 0;
  });
}

/** Direct and cluster shares side by side over the union of keys, the larger share first. */
export function pairShares(direct: readonly Keyed[], clusters: readonly Keyed[]): PairedShare[] {
  const out = new Map<string, PairedShare>();
  for (const x of direct) out.set(x.key, { key: x.key, label: x.label, direct: x.pct, clusters: 0 });
  for (const x of clusters) {
    const row = out.get(x.key) ?? { key: x.key, label: x.label, direct: 0, clusters: 0 };
    row.clusters = x.pct;
    out.set(x.key, row);
  }
  return [...out.values()].sort((p, q) => Math.max(q.direct, q.clusters) - Math.max(p.direct, p.clusters) || p.key.localeCompare(q.key));
}

export function recoveredCounts(pairs: readonly PairedShare[]): RecoveredCounts {
  const both = pairs.filter((p) => p.direct > 0 && p.clusters > 0).length;
  const directOnly = pairs.filter((p) => p.direct > 0 && p.clusters <= 0).length;
  return { both, directOnly, clusterOnly: pairs.length - both - directOnly };
}

function metrics(pairs: readonly PairedShare[]) {
  return compareDistributions(pairs.map((p) => p.direct), pairs.map((p) => p.clusters));
}

export function compareLevel(
  ref: ReferenceInputs,
  direct: Usage,
  clusters: Usage,
  meta: Pick<ReconstructionLevel, 'meanClusterSize' | 'clusters' | 'placed' | 'unplaced'>,
): ReconstructionLevel {
  const d = sideOf(ref, direct);
  const c = sideOf(ref, clusters);
  const shares = { category: pairShares(d.category, c.category), occupation: pairShares(d.occupation, c.occupation), task: pairShares(d.task, c.task) };
  return {
    ...meta,
    metrics: { category: metrics(shares.category), occupation: metrics(shares.occupation), task: metrics(shares.task) },
    recovered: { occupation: recoveredCounts(shares.occupation), task: recoveredCounts(shares.task) },
    shares,
    tasksPerOccupation: { direct: d.tasksPerOccupation, clusters: c.tasksPerOccupation },
    wageBands: WAGE_BANDS.map((b, i) => ({ band: b.band, direct: d.wageBands[i]!, clusters: c.wageBands[i]! })),
  };
}
