// The side-by-side comparison: two chosen sources and the engine's analysis.compare result for
// them. Results are cached per pair (and client), so flipping between pairs does not recompute.
import type { ApiClient, ApiErrorPayload, SourceComparison } from '../../../src-shared/api';
import { getApiClient } from '../../transport/client';
import { createExternalStore, useExternalStore } from './external-store';
import { toErrorPayload } from '../../components/errors';

export interface CompareState {
  a?: string;
  b?: string;
  status: 'idle' | 'loading' | 'ready' | 'error';
  result?: SourceComparison;
  error?: ApiErrorPayload;
}

export interface CompareStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): CompareState;
  /** Choose the pair; clears a result that belonged to another pair. */
  choose(a: string | undefined, b: string | undefined): void;
  run(): Promise<void>;
}

export function createCompareStore(client: () => ApiClient): CompareStore {
  const store = createExternalStore<CompareState>({ status: 'idle' });
  // Per client: review mode swaps the client, and a bundle's source ids may repeat the project's.
  const caches = new WeakMap<ApiClient, Map<string, SourceComparison>>();
  const cacheFor = (api: ApiClient) => {
    let cache = caches.get(api);
    if (!cache) caches.set(api, (cache = new Map()));
    return cache;
  };
  let ticket = 0;

  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    choose(a, b) {
      const s = store.getSnapshot();
      if (s.a === a && s.b === b) return;
      ticket++;
      store.set({ a, b, status: 'idle' });
    },
    async run() {
      const { a, b } = store.getSnapshot();
      if (a === undefined || b === undefined) return;
      if (a === b) {
        store.set({ a, b, status: 'error', error: { kind: 'invalid-args', message: 'Choose two different sources to compare.' } });
        return;
      }
      const api = client();
      const cache = cacheFor(api);
      const key = `${a}\u0000${b}`;
      const hit = cache.get(key);
      if (hit) {
        store.set({ a, b, status: 'ready', result: hit });
        return;
      }
      const mine = ++ticket;
      store.set({ a, b, status: 'loading' });
      try {
        const result = await api['analysis.compare']({ a, b });
        cache.set(key, result);
        if (mine === ticket) store.set({ a, b, status: 'ready', result });
      } catch (err) {
        if (mine === ticket) store.set({ a, b, status: 'error', error: toErrorPayload(err) });
      }
    },
  };
}

export const compareStore = createCompareStore(getApiClient);

export function useCompare(store: CompareStore = compareStore): CompareState {
  return useExternalStore(store);
}
