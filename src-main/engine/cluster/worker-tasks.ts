// The clustering work a task worker runs (see workers/registry.ts): k-means, neighbourhoods with
// their nearest outside tasks, and nearest centroids for many vectors. Each calls the same
// synchronous functions as the in-thread path, so the results are identical.
import { kmeans, type KMeansOptions } from './kmeans';
import { nearestCentroids, nearestOutside, neighbourhoods } from './neighbourhoods';
import { pack, unpack, type Packed } from './packed';

/** KMeansOptions without the functions and the signal, which cannot cross threads. */
export type KMeansSettings = Pick<KMeansOptions, 'seed' | 'maxIterations' | 'tolerance' | 'init'>;

export interface TaskOutput<T> {
  value: T;
  transfer?: ArrayBuffer[];
}

export interface PackedKMeans {
  labels: Int32Array;
  centroids: Packed;
  iterations: number;
  inertia: number;
}

export function kmeansTask(args: { vectors: Packed; k: number; opts: KMeansSettings }, progress: (iter: number) => void): TaskOutput<PackedKMeans> {
  const r = kmeans(unpack(args.vectors), args.k, { ...args.opts, onProgress: (iter) => progress(iter) });
  const centroids = pack(r.centroids);
  return {
    value: { labels: r.labels, centroids, iterations: r.iterations, inertia: r.inertia },
    transfer: [r.labels.buffer as ArrayBuffer, centroids.data.buffer as ArrayBuffer],
  };
}

export interface NeighbourhoodArgs {
  vectors: Packed;
  opts: KMeansSettings & { meanSize?: number };
  /** How many nearest tasks outside each neighbourhood to find (0: none). */
  nearbyOutside: number;
}

export interface PackedNeighbourhoods {
  k: number;
  members: number[][];
  centroids: Packed;
  nearby: number[][];
}

export function neighbourhoodsTask(args: NeighbourhoodArgs, progress: (iter: number) => void): TaskOutput<PackedNeighbourhoods> {
  const value = neighbourhoodsWithNearby(unpack(args.vectors), args, progress);
  return { value, transfer: [value.centroids.data.buffer as ArrayBuffer] };
}

/** Shared by the worker and the in-thread path of neighbourhoodsAsync. */
export function neighbourhoodsWithNearby(
  vectors: Float32Array[],
  args: Omit<NeighbourhoodArgs, 'vectors'>,
  progress: (iter: number) => void,
  signal?: AbortSignal,
): PackedNeighbourhoods {
  const hood = neighbourhoods(vectors, { ...args.opts, ...(signal ? { signal } : {}), onProgress: (iter) => progress(iter) });
  const nearby =
    args.nearbyOutside > 0 ? hood.members.map((m, j) => nearestOutside(vectors, m, hood.centroids[j]!, args.nearbyOutside)) : hood.members.map(() => []);
  return { k: hood.k, members: hood.members, centroids: pack(hood.centroids), nearby };
}

export function nearestCentroidsTask(args: { vectors: Packed; centroids: Packed; topK: number }): TaskOutput<number[][]> {
  return { value: nearestCentroidsAll(unpack(args.vectors), unpack(args.centroids), args.topK) };
}

export function nearestCentroidsAll(vectors: Float32Array[], centroids: Float32Array[], topK: number): number[][] {
  return vectors.map((v) => nearestCentroids(v, centroids, topK));
}
