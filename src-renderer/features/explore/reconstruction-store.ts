// The Appendix G reconstruction of the run on show: analysis.reconstruction per run (null until a
// reconstruct.run job has finished), cached per client and run, and reloaded when such a job ends.
import type { ApiClient, ApiErrorPayload } from '../../../src-shared/api';
import type { JobInfo } from '../../../src-shared/jobs';
import type { ReconstructionReport } from '../../../src-shared/reconstruct';
import { getApiClient } from '../../transport/client';
import { toErrorPayload } from '../../components/errors';
import { createExternalStore, useExternalStore } from './external-store';

export interface ReconstructionState {
  run?: string;
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** null: the run has no finished reconstruction yet. */
  report?: ReconstructionReport | null;
  error?: ApiErrorPayload;
}

export interface ReconstructionStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ReconstructionState;
  /** Shows `run`'s reconstruction (from the cache unless `fresh`). */
  load(run: string, fresh?: boolean): Promise<void>;
  /** A job settled: reload when it was a finished reconstruction of the run on show. */
  onJobSettled(job: Pick<JobInfo, 'kind' | 'status' | 'args'>): void;
}

export function createReconstructionStore(client: () => ApiClient): ReconstructionStore {
  const store = createExternalStore<ReconstructionState>({ status: 'idle' });
  // Per client: review mode swaps the client, and a bundle's run names may repeat the project's.
  // Only finished reports are cached: "none yet" is asked again (a CLI run may have finished since).
  const caches = new WeakMap<ApiClient, Map<string, ReconstructionReport>>();
  let ticket = 0;

  async function load(run: string, fresh = false): Promise<void> {
    const api = client();
    let cache = caches.get(api);
    if (!cache) caches.set(api, (cache = new Map()));
    const s = store.getSnapshot();
    if (!fresh && s.run === run && s.status === 'loading') return;
    const hit = cache.get(run);
    if (!fresh && hit !== undefined) {
      store.set({ run, status: 'ready', report: hit });
      return;
    }
    const mine = ++ticket;
    store.set({ run, status: 'loading' });
    try {
      const report = await api['analysis.reconstruction']({ run });
      if (report) cache.set(run, report);
      if (mine === ticket) store.set({ run, status: 'ready', report });
    } catch (err) {
      if (mine === ticket) store.set({ run, status: 'error', error: toErrorPayload(err) });
    }
  }

  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    load,
    onJobSettled(job) {
      const run = store.getSnapshot().run;
      if (job.kind !== 'reconstruct.run' || job.status !== 'done' || run === undefined) return;
      if ((job.args as { run?: string }).run === run) void load(run, true);
    },
  };
}

export const reconstructionStore = createReconstructionStore(getApiClient);

export function useReconstruction(store: ReconstructionStore = reconstructionStore): ReconstructionState {
  return useExternalStore(store);
}
