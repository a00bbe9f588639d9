// Explore's reconstruction store against a fake client: a finished report is cached per run, "none
// yet" is asked again, a finished reconstruct.run job of the run on show reloads it, errors are kept,
// and the review client answers null (bundles carry no reconstruction).
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src-shared/api';
import type { ReconstructionReport } from '../../src-shared/reconstruct';
import { ApiError } from '../../src-renderer/transport/client';
import { createReconstructionStore } from '../../src-renderer/features/explore/reconstruction-store';
import { createReviewClient } from '../../src-renderer/transport/review-client';
import { makeReconstruction } from '../charts/reconstruct-fixture';

/** A client whose analysis.reconstruction answers from `stored` (null: none yet) and counts calls. */
function client(stored: Map<string, ReconstructionReport | null>, calls: string[]): ApiClient {
  return {
    'analysis.reconstruction': async ({ run }: { run: string }) => {
      calls.push(run);
      if (run === 'broken') throw new ApiError('analysis.reconstruction', { kind: 'not-found', message: 'no classification run "broken"' });
      return stored.get(run) ?? null;
    },
  } as unknown as ApiClient;
}

describe('reconstruction store', () => {
  it('caches a finished report, asks again while there is none, and reloads when the job finishes', async () => {
    const stored = new Map<string, ReconstructionReport | null>([['r1', null]]);
    const calls: string[] = [];
    const api = client(stored, calls);
    const store = createReconstructionStore(() => api);
    await store.load('r1');
    expect(store.getSnapshot()).toEqual({ run: 'r1', status: 'ready', report: null });
    await store.load('r1');
    expect(calls).toEqual(['r1', 'r1']);

    stored.set('r1', makeReconstruction());
    // Another run's job, or one that failed, changes nothing.
    store.onJobSettled({ kind: 'reconstruct.run', status: 'done', args: { run: 'other' } });
    store.onJobSettled({ kind: 'reconstruct.run', status: 'failed', args: { run: 'r1' } });
    expect(calls).toHaveLength(2);
    store.onJobSettled({ kind: 'reconstruct.run', status: 'done', args: { run: 'r1' } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getSnapshot().report?.levels).toHaveLength(3);
    await store.load('r1');
    expect(calls).toHaveLength(3);
  });

  it('keeps the engine’s error', async () => {
    const store = createReconstructionStore(() => client(new Map(), []));
    await store.load('broken');
    expect(store.getSnapshot()).toMatchObject({ run: 'broken', status: 'error', error: { kind: 'not-found' } });
  });

  it('reads null from a review bundle', async () => {
    const review = createReviewClient({ runs: {}, runInfo: {}, sources: [] } as never);
    await expect(review['analysis.reconstruction']({ run: 'r1' })).resolves.toBeNull();
  });
});
