// The smallest external store Explore's concerns share: replaced (never mutated) snapshots, so
// useSyncExternalStore can compare them by identity, and state that outlives the page component
// (navigating to another step and back keeps the chosen source, filters and comparison).
import { useSyncExternalStore } from 'react';

export interface ExternalStore<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): T;
  set(next: T): void;
}

export function createExternalStore<T>(initial: T): ExternalStore<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    set(next) {
      state = next;
      for (const listener of listeners) listener();
    },
  };
}

export function useExternalStore<T>(store: Pick<ExternalStore<T>, 'subscribe' | 'getSnapshot'>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
