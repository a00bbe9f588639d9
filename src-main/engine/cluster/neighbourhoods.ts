// Neighbourhoods for hierarchy building (paper, Appendix B.1): k-means splits the task embeddings
// into groups of ~40, Claude proposes parent names for each group, and it is also shown the m
// nearest tasks just outside the group so names are specific enough to exclude them.
import { kmeans, type KMeansOptions } from './kmeans';
import { dot } from './matrix';

export const DEFAULT_MEAN_SIZE = 40;

export function chooseK(n: number, meanSize = DEFAULT_MEAN_SIZE): number {
  return Math.max(1, Math.round(n / meanSize));
}

export interface NeighbourhoodOptions extends KMeansOptions {
  /** Average tasks per neighbourhood; default 40 as in the paper. */
  meanSize?: number;
}

export interface Neighbourhoods {
  /** Number of non-empty neighbourhoods (can be below chooseK only for duplicate-heavy input). */
  k: number;
  /** Indices into `vectors` per neighbourhood, each ascending. */
  members: number[][];
  centroids: Float32Array[];
}

export function neighbourhoods(vectors: Float32Array[], opts: NeighbourhoodOptions): Neighbourhoods {
  if (vectors.length === 0) return { k: 0, members: [], centroids: [] };
  const { meanSize, ...kmOpts } = opts;
  const result = kmeans(vectors, chooseK(vectors.length, meanSize), kmOpts);
  const groups: number[][] = result.centroids.map(() => []);
  result.labels.forEach((label, i) => groups[label]!.push(i));
  // Empty clusters only survive when points are duplicates; a Claude prompt needs members.
  const keep = groups.map((g, c) => [g, c] as const).filter(([g]) => g.length > 0);
  return {
    k: keep.length,
    members: keep.map(([g]) => g), // pushed in index order, so already sorted
    centroids: keep.map(([, c]) => result.centroids[c]!),
  };
}

/** Squared Euclidean distance between two equal-length vectors. */
function sqDistance(a: Float32Array, b: Float32Array): number {
  return dot(a, 0, a, 0, a.length) + dot(b, 0, b, 0, b.length) - 2 * dot(a, 0, b, 0, a.length);
}

/** Indices of the `count` items with the smallest `score`, ascending by score then index. */
function smallest(candidates: number[], score: (i: number) => number, count: number): number[] {
  const scored = candidates.map((i) => ({ i, s: score(i) }));
  scored.sort((x, y) => x.s - y.s || x.i - y.i);
  return scored.slice(0, count).map((x) => x.i);
}

/**
 * The m items outside a neighbourhood nearest to its centroid, nearest first: the paper's
 * "nearest m tasks outside it", shown to Claude as contrast. O(n·d) per call.
 */
export function nearestOutside(
  vectors: Float32Array[],
  members: readonly number[],
  centroid: Float32Array,
  m: number,
): number[] {
  const inside = new Set(members);
  const outside = [...vectors.keys()].filter((i) => !inside.has(i));
  return smallest(outside, (i) => sqDistance(vectors[i]!, centroid), m);
}

/** Indices of the topK centroids nearest to `vector`, nearest first (e.g. to place a new task). */
export function nearestCentroids(vector: Float32Array, centroids: Float32Array[], topK: number): number[] {
  return smallest([...centroids.keys()], (c) => sqDistance(vector, centroids[c]!), topK);
}
