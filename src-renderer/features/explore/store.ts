// Explore's state: one load of the engine's report plus the paper's published numbers. A tiny
// external store (instead of component state) so the result survives navigating away and back.
import { useSyncExternalStore } from 'react';
import type { ApiClient, ApiErrorPayload } from '../../../src-shared/api';
import type { PaperReference, ReproduceReport } from '../../../src-shared/report';
import { ApiError, getApiClient } from '../../transport/client';

export type ExploreStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ExploreState {
  status: ExploreStatus;
  report?: ReproduceReport;
  paper?: PaperReference;
  error?: ApiErrorPayload;
}

export interface ExploreStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ExploreState;
  load(): Promise<void>;
}

/** Non-API failures (network, missing token) get the same shape so the page has one error view. */
export function toErrorPayload(err: unknown): ApiErrorPayload {
  if (err instanceof ApiError) return err.payload;
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}

export function createExploreStore(client: () => ApiClient): ExploreStore {
  let state: ExploreState = { status: 'idle' };
  const listeners = new Set<() => void>();

  // Snapshots are replaced, never mutated: useSyncExternalStore compares them by identity.
  const set = (next: ExploreState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    async load() {
      if (state.status === 'loading') return;
      set({ status: 'loading' });
      try {
        const api = client();
        const [report, paper] = await Promise.all([api['analysis.reproduce']({}), api['paper.reference']({})]);
        set({ status: 'ready', report, paper });
      } catch (err) {
        set({ status: 'error', error: toErrorPayload(err) });
      }
    },
  };
}

export const exploreStore = createExploreStore(getApiClient);

export function useExplore(store: ExploreStore = exploreStore): ExploreState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
