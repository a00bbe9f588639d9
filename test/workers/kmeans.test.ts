// k-means off the calling thread gives exactly the synchronous result for the same seed: labels,
// centroids, iterations, inertia, and the neighbourhoods built on them, with iterations reported.
import { describe, expect, it } from 'vitest';
import { kmeans } from '../../src-main/engine/cluster/kmeans';
import { kmeansAsync, nearestCentroidsAsync, neighbourhoodsAsync } from '../../src-main/engine/cluster/async';
import { nearestCentroids, nearestOutside, neighbourhoods } from '../../src-main/engine/cluster/neighbourhoods';
import { CancelledError } from '../../src-main/engine/errors';
import { liveWorkers } from '../../src-main/engine/workers/pool';
import { uniform } from '../cluster/synthetic';

describe('kmeansAsync', () => {
  it('matches kmeans exactly in a worker and in-thread, and reports every iteration', async () => {
    const data = uniform(1500, 24, 11);
    const sync = kmeans(data, 30, { seed: 7 });
    const iterations: [number, number][] = [];
    const worker = await kmeansAsync(data, 30, { seed: 7, where: 'worker', onIteration: (i, max) => iterations.push([i, max]) });
    const thread = await kmeansAsync(data, 30, { seed: 7, where: 'thread' });
    for (const r of [worker, thread]) {
      expect(Array.from(r.labels)).toEqual(Array.from(sync.labels));
      expect(r.centroids).toEqual(sync.centroids);
      expect(r.iterations).toBe(sync.iterations);
      expect(r.inertia).toBe(sync.inertia);
    }
    expect(sync.iterations).toBeGreaterThan(1);
    expect(iterations).toEqual(Array.from({ length: sync.iterations }, (_, i) => [i + 1, 300]));
  });

  it('leaves the caller its vectors (only a packed copy is transferred)', async () => {
    const data = uniform(50, 4, 3);
    const before = data.map((v) => Array.from(v));
    await kmeansAsync(data, 5, { seed: 1, where: 'worker' });
    expect(data.map((v) => Array.from(v))).toEqual(before);
  });

  it('is cancelled by its signal', async () => {
    const ac = new AbortController();
    const run = kmeansAsync(uniform(4000, 32, 2), 100, { seed: 1, where: 'worker', tolerance: 0, signal: ac.signal, onIteration: () => ac.abort() });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    await expect.poll(() => liveWorkers()).toBe(0);
  });
});

describe('neighbourhoodsAsync and nearestCentroidsAsync', () => {
  it('give the neighbourhoods, nearest outside tasks and nearest centroids of the sync functions', async () => {
    const data = uniform(800, 16, 4);
    const sync = neighbourhoods(data, { seed: 3, meanSize: 40 });
    const async = await neighbourhoodsAsync(data, { seed: 3, meanSize: 40, nearbyOutside: 10, where: 'worker' });
    expect(async.k).toBe(sync.k);
    expect(async.members).toEqual(sync.members);
    expect(async.centroids).toEqual(sync.centroids);
    expect(async.nearby).toEqual(sync.members.map((m, j) => nearestOutside(data, m, sync.centroids[j]!, 10)));
    const nearest = await nearestCentroidsAsync(data, sync.centroids, 6, { where: 'worker' });
    expect(nearest).toEqual(data.map((v) => nearestCentroids(v, sync.centroids, 6)));
  });
});
