// The wizard's tiny external stores: one loaded value (a list, a status) that outlives the page
// showing it, so navigating away and back does not refetch or flicker. Same pattern as Explore's
// store, generalised: subscribe/getSnapshot for useSyncExternalStore, snapshots never mutated.
import { useEffect, useSyncExternalStore } from 'react';
import type { ApiClient, ApiErrorPayload } from '../../src-shared/api';
import { toErrorPayload } from '../components/errors';
import { getApiClient } from '../transport/client';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ResourceState<T> {
  status: LoadStatus;
  /** Kept while a refresh runs, so lists stay on screen instead of blinking to "Loading…". */
  data?: T;
  error?: ApiErrorPayload;
}

export interface Resource<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ResourceState<T>;
  /** (Re)loads; concurrent calls share one request. */
  load(): Promise<void>;
  /** Loads only if never loaded. */
  ensure(): void;
  /** Replaces the value with one a call already returned (e.g. settings.update's answer). */
  set(data: T): void;
}

/** Every resource, so a swap of the API client (review mode) can refresh what was already shown. */
const all = new Set<Resource<unknown>>();

/** Reloads every resource that has been loaded at least once; untouched ones stay lazy. */
export function reloadAll(): void {
  for (const resource of all) if (resource.getSnapshot().status !== 'idle') void resource.load();
}

export function createResource<T>(fetch: (api: ApiClient) => Promise<T>, client: () => ApiClient = getApiClient): Resource<T> {
  let state: ResourceState<T> = { status: 'idle' };
  let inFlight: Promise<void> | undefined;
  const listeners = new Set<() => void>();

  const publish = (next: ResourceState<T>) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const load = (): Promise<void> => {
    if (inFlight) return inFlight;
    publish({ ...state, status: 'loading' });
    inFlight = fetch(client())
      .then(
        (data) => publish({ status: 'ready', data }),
        (err: unknown) => publish({ status: 'error', data: state.data, error: toErrorPayload(err) }),
      )
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  const resource: Resource<T> = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    load,
    ensure() {
      if (state.status === 'idle') void load();
    },
    set(data) {
      publish({ status: 'ready', data });
    },
  };
  all.add(resource as Resource<unknown>);
  return resource;
}

/** Subscribes and loads on first use. */
export function useResource<T>(resource: Resource<T>): ResourceState<T> {
  useEffect(() => resource.ensure(), [resource]);
  return useSyncExternalStore(resource.subscribe, resource.getSnapshot);
}
