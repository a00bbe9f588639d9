// Neighbourhoods as the hierarchy builder uses them: ~40 members each, sorted member lists that
// partition the input, and the "nearest m outside" contrast set.
import { describe, expect, it } from 'vitest';
import {
  chooseK,
  nearestCentroids,
  nearestOutside,
  neighbourhoods,
} from '../../src-main/engine/cluster/neighbourhoods';
import { blobs, samePartition, uniform } from './synthetic';

describe('chooseK', () => {
  it('aims at meanSize members per neighbourhood, at least one', () => {
    expect(chooseK(19530)).toBe(488);
    expect(chooseK(100, 40)).toBe(3);
    expect(chooseK(10)).toBe(1);
    expect(chooseK(0)).toBe(1);
    expect(chooseK(90, 30)).toBe(3);
  });
});

describe('neighbourhoods', () => {
  it('partitions the input into sorted member lists matching the blobs', () => {
    const { vectors, truth } = blobs(6, 40, 6);
    const result = neighbourhoods(vectors, { seed: 1 });
    expect(result.k).toBe(6);
    expect(result.centroids).toHaveLength(6);
    const all = result.members.flat().sort((a, b) => a - b);
    expect(all).toEqual([...vectors.keys()]);
    for (const m of result.members) expect(m).toEqual([...m].sort((a, b) => a - b));
    const labels = new Int32Array(vectors.length);
    result.members.forEach((m, c) => m.forEach((i) => (labels[i] = c)));
    expect(samePartition(labels, truth)).toBe(true);
  });

  it('handles empty input and duplicate-only input', () => {
    expect(neighbourhoods([], { seed: 1 })).toEqual({ k: 0, members: [], centroids: [] });
    const same = Array.from({ length: 100 }, () => Float32Array.of(1, 2));
    const result = neighbourhoods(same, { seed: 1, meanSize: 10 });
    expect(result.k).toBe(1); // ten identical points cannot make ten clusters
    expect(result.members[0]).toHaveLength(100);
  });
});

describe('nearestOutside and nearestCentroids', () => {
  const line = [0, 1, 2, 3, 10, 11, 12, 20].map((x) => Float32Array.of(x, 0));

  it('returns the m nearest non-members, nearest first', () => {
    const members = [0, 1, 2, 3];
    expect(nearestOutside(line, members, Float32Array.of(1.5, 0), 3)).toEqual([4, 5, 6]);
    expect(nearestOutside(line, [4, 5, 6], Float32Array.of(12, 0), 2)).toEqual([7, 3]);
    expect(nearestOutside(line, members, Float32Array.of(1.5, 0), 99)).toEqual([4, 5, 6, 7]);
  });

  it('ranks centroids by distance', () => {
    const centroids = [Float32Array.of(0, 0), Float32Array.of(10, 0), Float32Array.of(5, 5)];
    expect(nearestCentroids(Float32Array.of(9, 1), centroids, 2)).toEqual([1, 2]);
    expect(nearestCentroids(Float32Array.of(0, 0), centroids, 5)).toEqual([0, 2, 1]);
  });

  it('works with neighbourhoods of unit vectors', () => {
    const data = uniform(200, 8).map((v) => v.map((x) => x - 0.5)).map((v) => v.map((x) => x / Math.hypot(...v)));
    const result = neighbourhoods(data, { seed: 4, meanSize: 20 });
    const outside = nearestOutside(data, result.members[0]!, result.centroids[0]!, 5);
    expect(outside).toHaveLength(5);
    for (const i of outside) expect(result.members[0]).not.toContain(i);
  });
});
