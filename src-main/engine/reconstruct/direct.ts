// Each level's placed clusters against the run's direct assignment: the direct side is the run's
// own task counts (the same countTasks/taskShares that write its usage source), the cluster side the
// same shares from cluster weights, and the reference data (O*NET statements, SOC groups, wages)
// that of the run's usage source, so both sides use the release the run report uses.
import type { Db } from '../../db/open';
import type { ReconstructionLevel } from '../../../src-shared/reconstruct';
import { loadInputs } from '../analyze/inputs';
import { countTasks, taskShares } from '../classify/aggregate';
import type { ClassifyConfig } from '../classify/config';
import { lastReference, runReport } from '../classify/report';
import { clusterTaskCounts, compareLevel, type PlacedCluster, type ReferenceInputs } from './compare';
import type { Corpus } from './corpus';
import type { LevelClusters } from './levels';
import type { Placement } from './placement';
import { saveClusters, type ClusterRow } from './store';

/** The run's usage source (written by its report; made now if the run was never reported). */
function referenceInputs(db: Db, run: string): ReferenceInputs {
  const sourceId = `run:${run}`;
  if (db.prepare('SELECT 1 FROM usage_source WHERE id = ?').get(sourceId) === undefined) {
    const reference = lastReference(db, run);
    if (reference) runReport(db, run, reference);
    else runReport(db, run);
  }
  return loadInputs(db, sourceId);
}

/** `placements` hold every level's clusters in level order (as clusterItems lists them). */
export function compareWithDirect(
  db: Db,
  run: ClassifyConfig,
  corpus: Corpus,
  levels: readonly LevelClusters[],
  placements: readonly Placement[],
): ReconstructionLevel[] {
  const counts = countTasks(db, run);
  const direct = taskShares(counts.tasks, 'conversations');
  const ref = referenceInputs(db, run.name);
  let offset = 0;
  return levels.map((level) => {
    const mine = placements.slice(offset, offset + level.members.length);
    offset += level.members.length;
    const accountsOf = (m: readonly number[]) => new Set(m.map((i) => corpus.members[i]!.account).filter((a): a is string => a !== null));
    const rows: ClusterRow[] = level.members.map((m, j) => {
      const p = mine[j]!;
      const o = p.outcome;
      return {
        cluster: j,
        size: m.length,
        accounts: accountsOf(m).size,
        name: p.name,
        description: p.description,
        nodeId: o.ok ? o.node.id : null,
        status: o.ok ? 'placed' : 'unplaced',
        reason: o.ok ? null : o.reason,
      };
    });
    saveClusters(db, run.name, level.meanClusterSize, rows);
    const placed: PlacedCluster[] = [];
    level.members.forEach((m, j) => {
      const o = mine[j]!.outcome;
      if (o.ok) placed.push({ nodeId: o.node.id, task: o.node.name, size: m.length, accounts: accountsOf(m) });
    });
    const usage = taskShares(clusterTaskCounts(placed, run.thresholds, counts.accountsKnown), 'conversations');
    return compareLevel(ref, direct, usage, {
      meanClusterSize: level.meanClusterSize,
      clusters: level.members.length,
      placed: placed.length,
      unplaced: level.members.length - placed.length,
    });
  });
}
