// Explore's filter state, shared by every chart and kept across navigation. The values are applied
// by src-shared/explore-filters.ts; this file only holds and edits them.
import { NO_FILTERS, validateFilters, type ExploreFilters } from '../../../src-shared/explore-filters';
import { createExternalStore, useExternalStore, type ExternalStore } from './external-store';

export interface FiltersStore extends Pick<ExternalStore<ExploreFilters>, 'subscribe' | 'getSnapshot'> {
  update(patch: Partial<ExploreFilters>): void;
  reset(): void;
}

export function createFiltersStore(): FiltersStore {
  const store = createExternalStore<ExploreFilters>(NO_FILTERS);
  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    update: (patch) => store.set({ ...store.getSnapshot(), ...patch }),
    reset: () => store.set(NO_FILTERS),
  };
}

/**
 * The filters the charts use: an impossible wage band (min above max, negative) is left out and
 * reported by the panel, rather than silently emptying every chart.
 */
export function effectiveFilters(f: ExploreFilters): { filters: ExploreFilters; problem: string | null } {
  const problem = validateFilters(f);
  if (problem === null) return { filters: f, problem };
  return { filters: { ...f, wageMin: null, wageMax: null, jobZones: f.jobZones.filter((z) => z >= 1 && z <= 5) }, problem };
}

/** Parses a wage input: empty means "no bound"; anything else must be a number. */
export function parseWage(text: string): number | null {
  const trimmed = text.replace(/[$,\s]/g, '');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

export const filtersStore = createFiltersStore();

export function useFilters(store: FiltersStore = filtersStore): ExploreFilters {
  return useExternalStore(store);
}
