// The aggregation levels: k = max(1, round(n / mean cluster size)) clusters per level (clipped to
// the number of distinct summaries: identical requests cannot be split), k-means in a worker thread
// (seeded), and the labels stored under a hash of what they came from, so a resumed job reuses them.
import type { Db } from '../../db/open';
import { sha256 } from '../base/hash';
import { kmeansAsync } from '../cluster/async';
import { shuffled, subSeed } from '../hierarchy/random';
import { loadLevel, saveLevel } from './store';

export interface LevelPlan {
  meanClusterSize: number;
  k: number;
}

export interface LevelClusters extends LevelPlan {
  /** Corpus indices of each non-empty cluster, in cluster order. */
  members: number[][];
  /** The labels came from an earlier attempt's stored k-means. */
  reused: boolean;
}

export function planLevels(levels: readonly number[], n: number, distinct: number): { plans: LevelPlan[]; skipped: { meanClusterSize: number; reason: string }[] } {
  const plans: LevelPlan[] = [];
  const skipped: { meanClusterSize: number; reason: string }[] = [];
  for (const size of levels) {
    const k = Math.min(Math.max(1, Math.round(n / size)), distinct);
    if (k >= 2) plans.push({ meanClusterSize: size, k });
    else skipped.push({ meanClusterSize: size, reason: `${n} conversations give ${k} cluster${k === 1 ? '' : 's'} of about ${size}: a comparison needs at least 2` });
  }
  return { plans, skipped };
}

/** What a level's k-means depends on: the clustered conversations, their summaries and the embedding model. */
export function corpusKey(ids: readonly string[], summaries: readonly string[], embeddingModel: string): string {
  return sha256(JSON.stringify([embeddingModel, ids, summaries.map((s) => sha256(s))]));
}

export async function clusterLevel(
  db: Db,
  run: string,
  plan: LevelPlan,
  vectors: Float32Array[],
  key: string,
  seed: number,
  opts: { signal?: AbortSignal; onIteration?: (iter: number, max: number) => void },
): Promise<LevelClusters> {
  const hash = sha256(JSON.stringify({ key, k: plan.k, seed }));
  let stored = loadLevel(db, run, plan.meanClusterSize, hash);
  const reused = stored !== null;
  if (!stored) {
    const r = await kmeansAsync(vectors, plan.k, { seed, ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.onIteration ? { onIteration: opts.onIteration } : {}) });
    stored = { k: plan.k, labels: r.labels, iterations: r.iterations, inertia: r.inertia };
    saveLevel(db, run, plan.meanClusterSize, hash, stored);
  }
  const members: number[][] = Array.from({ length: stored.k }, () => []);
  stored.labels.forEach((label, i) => members[label]!.push(i));
  return { ...plan, members: members.filter((m) => m.length > 0), reused };
}

/** The summaries Claude sees for a cluster: a seeded sample of its members. */
export function sampleSummaries(members: readonly number[], summaries: readonly string[], size: number, seed: number, label: string): string[] {
  return shuffled(members, subSeed(seed, `sample:${label}`))
    .slice(0, size)
    .map((i) => summaries[i]!);
}

/** The member nearest the cluster's mean: what the offline method places a cluster by. */
export function medoid(members: readonly number[], vectors: readonly Float32Array[]): number {
  const d = vectors[members[0]!]!.length;
  const mean = new Float64Array(d);
  for (const i of members) for (let j = 0; j < d; j++) mean[j]! += vectors[i]![j]!;
  let best = members[0]!;
  let bestScore = -Infinity;
  for (const i of members) {
    let score = 0;
    for (let j = 0; j < d; j++) score += mean[j]! * vectors[i]![j]!;
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return best;
}
