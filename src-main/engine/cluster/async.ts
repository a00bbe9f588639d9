// The clustering calls the hierarchy build makes, off the calling thread: k-means at paper size
// takes seconds, and finding each neighbourhood's nearest outside tasks or each task's nearest
// parents is as costly again. Large inputs run in a task worker (workers/pool.ts) with the same
// seeded result as the synchronous functions; small ones stay here, where a worker's start would
// cost more than the work.
import { runTask } from '../workers/pool';
import type { KMeansOptions, KMeansResult } from './kmeans';
import { kmeans } from './kmeans';
import { chooseK, type Neighbourhoods } from './neighbourhoods';
import { pack, unpack } from './packed';
import { nearestCentroidsAll, neighbourhoodsWithNearby, type KMeansSettings, type PackedKMeans, type PackedNeighbourhoods } from './worker-tasks';

/**
 * Below this many n·k·d multiply-adds per pass the work stays on the calling thread: k-means may
 * make dozens of passes, and JS per-distance overhead dominates at small d, so the bar is low
 * (a worker's start, ~0.3 s of latency, blocks nothing).
 */
export const WORKER_MIN_WORK = 200_000;

export interface OffThreadOptions {
  signal?: AbortSignal;
  /** After each k-means iteration: its number and the iteration cap, for "iteration i" progress. */
  onIteration?: (iter: number, maxIter: number) => void;
  /** 'worker' or 'thread' forces where it runs (tests); default by the size of the work. */
  where?: 'worker' | 'thread';
}

export type AsyncKMeansOptions = Omit<KMeansOptions, 'onProgress'> & OffThreadOptions;

function inWorker(work: number, where: OffThreadOptions['where']): boolean {
  return where ? where === 'worker' : work >= WORKER_MIN_WORK;
}

function settings(opts: AsyncKMeansOptions): KMeansSettings {
  const { seed, maxIterations, tolerance, init } = opts;
  return { seed, ...(maxIterations !== undefined ? { maxIterations } : {}), ...(tolerance !== undefined ? { tolerance } : {}), ...(init ? { init } : {}) };
}

function iterationReporter(opts: AsyncKMeansOptions): (iter: number) => void {
  const max = opts.maxIterations ?? 300;
  return (iter) => opts.onIteration?.(iter, max);
}

/** kmeans() off the calling thread; the same labels, centroids, iterations and inertia. */
export async function kmeansAsync(vectors: Float32Array[], k: number, opts: AsyncKMeansOptions): Promise<KMeansResult> {
  const d = vectors[0]?.length ?? 0;
  const onIter = iterationReporter(opts);
  if (!inWorker(vectors.length * Math.min(k, vectors.length) * d, opts.where)) {
    return kmeans(vectors, k, { ...settings(opts), ...(opts.signal ? { signal: opts.signal } : {}), onProgress: onIter });
  }
  const packed = pack(vectors);
  const r = await runTask<PackedKMeans, number>('cluster.kmeans', { vectors: packed, k, opts: settings(opts) }, {
    ...(opts.signal ? { signal: opts.signal } : {}),
    onProgress: onIter,
    transfer: [packed.data.buffer as ArrayBuffer],
  });
  return { labels: r.labels, centroids: unpack(r.centroids).map((c) => c.slice()), iterations: r.iterations, inertia: r.inertia };
}

export interface AsyncNeighbourhoodOptions extends AsyncKMeansOptions {
  meanSize?: number;
  /** Also find the paper's m nearest tasks outside each neighbourhood (nearestOutside). */
  nearbyOutside?: number;
}

export interface NeighbourhoodsWithNearby extends Neighbourhoods {
  /** Per neighbourhood, nearestOutside(vectors, members, centroid, nearbyOutside); empty when 0. */
  nearby: number[][];
}

/** neighbourhoods() (plus each one's nearest outside tasks) off the calling thread. */
export async function neighbourhoodsAsync(vectors: Float32Array[], opts: AsyncNeighbourhoodOptions): Promise<NeighbourhoodsWithNearby> {
  const d = vectors[0]?.length ?? 0;
  const k = chooseK(vectors.length, opts.meanSize);
  const args = { opts: { ...settings(opts), ...(opts.meanSize !== undefined ? { meanSize: opts.meanSize } : {}) }, nearbyOutside: opts.nearbyOutside ?? 0 };
  const onIter = iterationReporter(opts);
  let r: PackedNeighbourhoods;
  if (!inWorker(vectors.length * Math.min(k, vectors.length) * d, opts.where)) r = neighbourhoodsWithNearby(vectors, args, onIter, opts.signal);
  else {
    const packed = pack(vectors);
    r = await runTask<PackedNeighbourhoods, number>('cluster.neighbourhoods', { ...args, vectors: packed }, {
      ...(opts.signal ? { signal: opts.signal } : {}),
      onProgress: onIter,
      transfer: [packed.data.buffer as ArrayBuffer],
    });
  }
  return { k: r.k, members: r.members, centroids: unpack(r.centroids).map((c) => c.slice()), nearby: r.nearby };
}

/** nearestCentroids(v, centroids, topK) for every vector, off the calling thread when large. */
export async function nearestCentroidsAsync(
  vectors: Float32Array[],
  centroids: Float32Array[],
  topK: number,
  opts: Pick<OffThreadOptions, 'signal' | 'where'> = {},
): Promise<number[][]> {
  const d = vectors[0]?.length ?? 0;
  if (!inWorker(vectors.length * centroids.length * d, opts.where)) return nearestCentroidsAll(vectors, centroids, topK);
  return runTask<number[][]>('cluster.nearestCentroids', { vectors: pack(vectors), centroids: pack(centroids), topK }, opts.signal ? { signal: opts.signal } : {});
}
