// Our k-means on small synthetic data: determinism per seed, exact recovery of separated blobs,
// edge cases (k ≥ n, k = 1, duplicates, empty clusters), Elkan = plain Lloyd, cancellation.
import { describe, expect, it } from 'vitest';
import { kmeans, kmeansWithKernel } from '../../src-main/engine/cluster/kmeans';
import { assignStep, type LloydState, updateStep } from '../../src-main/engine/cluster/lloyd';
import { dot, Space } from '../../src-main/engine/cluster/matrix';
import { mulberry32, seedCenters } from '../../src-main/engine/cluster/seeding';
import { blobs, inertiaOf, samePartition, uniform } from './synthetic';

describe('kmeans', () => {
  it('is deterministic for a seed and differs for another', () => {
    const data = uniform(300, 6);
    const a = kmeans(data, 12, { seed: 42 });
    const b = kmeans(data, 12, { seed: 42 });
    const c = kmeans(data, 12, { seed: 43 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.centroids).toEqual(b.centroids);
    expect(a.inertia).toBe(b.inertia);
    expect(Array.from(c.labels)).not.toEqual(Array.from(a.labels));
  });

  it.each([1, 2, 3, 4, 5])('recovers well-separated blobs exactly (seed %i)', (seed) => {
    const { vectors, truth } = blobs(12, 25, 8);
    const result = kmeans(vectors, 12, { seed });
    expect(samePartition(result.labels, truth)).toBe(true);
    expect(result.inertia).toBeCloseTo(inertiaOf(vectors, truth), 2);
  });

  it('reports an inertia that matches its labels and beats a random labelling', () => {
    const data = uniform(400, 5);
    const result = kmeans(data, 8, { seed: 1 });
    expect(result.inertia).toBeCloseTo(inertiaOf(data, result.labels), 3);
    const rng = mulberry32(9);
    const random = data.map(() => Math.floor(rng() * 8));
    expect(result.inertia).toBeLessThan(0.6 * inertiaOf(data, random));
  });

  it('gives every point its own cluster when k >= n', () => {
    const data = uniform(5, 3);
    for (const k of [5, 9]) {
      const result = kmeans(data, k, { seed: 1 });
      expect(Array.from(result.labels)).toEqual([0, 1, 2, 3, 4]);
      expect(result.centroids).toEqual(data);
      expect(result.inertia).toBe(0);
    }
  });

  it('puts everything in one cluster at its mean when k = 1', () => {
    const data = [Float32Array.of(0, 0), Float32Array.of(2, 0), Float32Array.of(4, 6)];
    const result = kmeans(data, 1, { seed: 1 });
    expect(Array.from(result.labels)).toEqual([0, 0, 0]);
    expect(Array.from(result.centroids[0]!)).toEqual([2, 2]);
    expect(result.inertia).toBeCloseTo(4 + 4 + (0 + 4) + (4 + 16), 6);
  });

  it('copes with duplicate points, even with more clusters than distinct points', () => {
    const distinct = [Float32Array.of(0, 0), Float32Array.of(10, 0), Float32Array.of(0, 10)];
    const data = Array.from({ length: 30 }, (_, i) => distinct[i % 3]!);
    const three = kmeans(data, 3, { seed: 7 });
    expect(samePartition(three.labels, data.map((_, i) => i % 3))).toBe(true);
    expect(three.inertia).toBe(0);
    const five = kmeans(data, 5, { seed: 7 });
    expect(five.inertia).toBe(0);
    expect(new Set(five.labels).size).toBe(3);
  });

  it('honours maxIterations, reports progress, and stops on a signal', () => {
    const data = uniform(200, 4);
    const iters: number[] = [];
    const one = kmeans(data, 10, { seed: 2, maxIterations: 1, onProgress: (i) => iters.push(i) });
    expect([one.iterations, iters]).toEqual([1, [1]]);
    expect(() => kmeans(data, 10, { seed: 2, signal: AbortSignal.abort() })).toThrow(
      expect.objectContaining({ name: 'AbortError' }),
    );
    const controller = new AbortController();
    const run = () => kmeans(data, 10, { seed: 2, signal: controller.signal, onProgress: () => controller.abort() });
    expect(run).toThrow(/cancelled/);
  });

  it('supports random initialisation', () => {
    const data = uniform(300, 4);
    const a = kmeans(data, 6, { seed: 3, init: 'random' });
    expect(a).toEqual(kmeans(data, 6, { seed: 3, init: 'random' }));
    expect(a.inertia).toBeLessThan(inertiaOf(data, data.map((_, i) => i % 6)));
  });

  it('rejects a non-positive k', () => {
    expect(() => kmeans(uniform(4, 2), 0, { seed: 1 })).toThrow(/positive integer/);
  });
});

function state(vectors: Float32Array[], k: number, bounds: boolean, simd = true): LloydState {
  const space = new Space((vectors.length + k) * vectors[0]!.length, { simd });
  const p = space.fromVectors(vectors);
  return { ...seedCenters(space, p, k, 'kmeans++', mulberry32(11), bounds), space, p, k };
}

describe('Lloyd steps', () => {
  it('Elkan-accelerated and plain assignment agree at every iteration', () => {
    const data = uniform(500, 16);
    const elkan = state(data, 20, true);
    const plain = state(data, 20, false);
    for (let i = 0; i < 15; i++) {
      expect(updateStep(elkan)).toBeCloseTo(updateStep(plain), 9);
      expect(assignStep(elkan)).toBe(assignStep(plain));
      expect(Array.from(elkan.labels)).toEqual(Array.from(plain.labels));
    }
  });

  it('refills an empty cluster with the point farthest from its centre', () => {
    const data = [0, 1, 2, 10, 11, 13].map((x) => Float32Array.of(x));
    const s = state(data, 3, true);
    // Centres at 1, 11 and a stray one at 100 that owns nothing.
    s.centers.data.set([1, 11, 100]);
    s.centers.sq.set([1, 121, 10000]);
    s.labels.set([0, 0, 0, 1, 1, 1]);
    s.upper.set([1, 0, 1, 1, 0, 2]);
    s.lower!.fill(0);
    updateStep(s);
    // 13 is farthest (2 from its centre 11): it becomes cluster 2 on its own.
    expect(Array.from(s.labels)).toEqual([0, 0, 0, 1, 1, 2]);
    expect(Array.from(s.centers.data)).toEqual([1, 10.5, 13]);
    assignStep(s);
    expect(Array.from(s.labels)).toEqual([0, 0, 0, 1, 1, 2]);
  });
});

describe('distance kernels', () => {
  it('WebAssembly SIMD and JS dot products agree, including the d % 8 tail', () => {
    for (const d of [3, 8, 32, 37, 384]) {
      const data = uniform(6, d, d);
      const simd = new Space(6 * d);
      const m = simd.fromVectors(data);
      expect(simd.simd).toBe(true);
      for (let i = 0; i < 6; i++) {
        const expected = dot(data[0]!, 0, data[i]!, 0, d);
        expect(simd.dot(m, 0, m, i)).toBeCloseTo(expected, 4);
        expect(simd.sqDist(m, i, m, i)).toBe(0);
      }
    }
  });

  it('gives the same clustering with either kernel', () => {
    const { vectors, truth } = blobs(10, 20, 24);
    const simd = kmeansWithKernel(vectors, 10, { seed: 8 }, 'simd');
    const js = kmeansWithKernel(vectors, 10, { seed: 8 }, 'js');
    expect(Array.from(simd.labels)).toEqual(Array.from(js.labels));
    expect(samePartition(js.labels, truth)).toBe(true);
    expect(simd.inertia / js.inertia).toBeCloseTo(1, 5);
  });

  it('refuses to allocate past the room it reserved', () => {
    const space = new Space(10);
    space.matrix(2, 5);
    expect(() => space.matrix(20, 5)).toThrow(/out of room/);
  });
});
