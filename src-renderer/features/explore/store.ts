// Explore's source and report state: which sources exist, which one is shown, its report, the
// paper's published numbers and — for an own run — the run's report (Figures 5, 8, 10). An external
// store so the choice survives navigating away and back; review mode reloads it via load().
import type { ApiClient, ApiErrorPayload } from '../../../src-shared/api';
import type { PaperReference, ReproduceReport, RunReport } from '../../../src-shared/report';
import { getApiClient } from '../../transport/client';
import { toErrorPayload } from '../../components/errors';
import { createExternalStore, useExternalStore } from './external-store';
import { sourceOptions, unreportedRuns, type SourceOption } from './sources';

export type ExploreStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ExploreState {
  status: ExploreStatus;
  /** Every source the picker offers; absent until listed (or when listing failed). */
  sources?: SourceOption[];
  /** Why the list may be incomplete (e.g. runs could not be listed), for a note under the picker. */
  sourcesNote?: string;
  /** Runs without a usage source yet. */
  unreported?: number;
  selected?: string;
  report?: ReproduceReport;
  paper?: PaperReference;
  run?: RunReport;
  runError?: ApiErrorPayload;
  error?: ApiErrorPayload;
}

export interface ExploreStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ExploreState;
  /** Full reload through the current client, showing its default source. */
  load(): Promise<void>;
  /** Show another source (cached per source until the next load()). */
  select(id: string): Promise<void>;
  /** Re-list sources (runs reported since) without touching the shown report. */
  refreshSources(): Promise<void>;
  /** After an error: the chosen source again, or a full load when nothing was chosen. */
  retry(): Promise<void>;
  /**
   * The run's full report: itself unless it is the summary Explore first loads (RunReport.summary),
   * else asked for once (per run, until the next load()) when a table or download needs every row.
   */
  fullRun(run: RunReport): Promise<RunReport>;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiErrorPayload };

/** Runs a call that may be missing or fail (review mode answers only some calls) into data. */
async function attempt<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (err) {
    return { ok: false, error: toErrorPayload(err) };
  }
}

interface Listing {
  sources?: SourceOption[];
  sourcesNote?: string;
  unreported?: number;
}

async function listSources(api: ApiClient): Promise<Listing> {
  const [sources, runs] = await Promise.all([attempt(() => api['sources.list']({})), attempt(() => api['classify.runs']({}))]);
  const options = sourceOptions(sources.ok ? sources.value : [], runs.ok ? runs.value : []);
  const out: Listing = {};
  if (options.length > 0) out.sources = options;
  if (!sources.ok) out.sourcesNote = `Sources could not be listed: ${sources.error.message}`;
  else if (!runs.ok) out.sourcesNote = `Own runs could not be listed: ${runs.error.message}`;
  if (runs.ok && unreportedRuns(runs.value).length > 0) out.unreported = unreportedRuns(runs.value).length;
  return out;
}

/** Keeps the shown source in the list even when listing failed or it is not listed. */
function withSource(listing: Listing, report: ReproduceReport): Listing {
  const sources = listing.sources ?? [];
  if (sources.some((s) => s.id === report.source.id)) return listing;
  return { ...listing, sources: [{ id: report.source.id, label: report.source.label, kind: report.source.kind }, ...sources] };
}

interface Loaded {
  report: ReproduceReport;
  run?: RunReport;
  runError?: ApiErrorPayload;
}

async function loadRun(api: ApiClient, option: SourceOption | undefined): Promise<Pick<Loaded, 'run' | 'runError'>> {
  if (option?.run === undefined) return {};
  const run = option.run;
  // The summary: at 1M conversations the full report is 11 MB of task tables the figures draw 20 rows of.
  const outcome = await attempt(() => api['analysis.runReport']({ run, summary: true }));
  return outcome.ok ? { run: outcome.value } : { runError: outcome.error };
}

export function createExploreStore(client: () => ApiClient): ExploreStore {
  const store = createExternalStore<ExploreState>({ status: 'idle' });
  const cache = new Map<string, Loaded>();
  const fullRuns = new Map<string, Promise<RunReport>>();
  // Each request takes a ticket; a response whose ticket is stale (the user picked again) is dropped.
  let ticket = 0;
  const state = () => store.getSnapshot();

  async function load(): Promise<void> {
    if (state().status === 'loading') return;
    const mine = ++ticket;
    cache.clear();
    fullRuns.clear();
    store.set({ status: 'loading' });
    const api = client();
    const [report, paper, listing] = await Promise.all([
      attempt(() => api['analysis.reproduce']({})),
      attempt(() => api['paper.reference']({})),
      listSources(api),
    ]);
    if (mine !== ticket) return;
    if (!report.ok) {
      store.set({ status: 'error', error: report.error });
      return;
    }
    const full = withSource(listing, report.value);
    const option = full.sources?.find((s) => s.id === report.value.source.id);
    const loaded: Loaded = { report: report.value, ...(await loadRun(api, option)) };
    if (mine !== ticket) return;
    cache.set(report.value.source.id, loaded);
    store.set({ status: 'ready', ...full, selected: report.value.source.id, ...loaded, ...(paper.ok ? { paper: paper.value } : {}) });
  }

  async function select(id: string): Promise<void> {
    const current = state();
    if (current.selected === id && current.status === 'ready') return;
    const mine = ++ticket;
    const keep = { sources: current.sources, sourcesNote: current.sourcesNote, unreported: current.unreported, paper: current.paper };
    const hit = cache.get(id);
    if (hit) {
      store.set({ status: 'ready', ...keep, selected: id, ...hit });
      return;
    }
    store.set({ status: 'loading', ...keep, selected: id });
    const api = client();
    // A source we have not listed (e.g. a run reported since; the Classify step links here) is
    // looked up first, so a run's source is known as a run and its run report is loaded.
    if (!keep.sources?.some((s) => s.id === id)) Object.assign(keep, await listSources(api));
    // Both at once: the source's analyses and the run's report are independent (for a 1M-conversation
    // run each takes a noticeable part of the second Explore may spend); a failed report wins.
    const [report, run] = await Promise.all([
      attempt(() => api['analysis.reproduce']({ sourceId: id })),
      loadRun(api, keep.sources?.find((s) => s.id === id)),
    ]);
    if (mine !== ticket) return;
    if (!report.ok) {
      store.set({ status: 'error', ...keep, selected: id, error: report.error });
      return;
    }
    const loaded: Loaded = { report: report.value, ...run };
    cache.set(id, loaded);
    store.set({ status: 'ready', ...keep, selected: id, ...loaded });
  }

  async function refreshSources(): Promise<void> {
    const listing = await listSources(client());
    const current = state();
    // While a source loads, its own request owns the state; select() lists sources itself.
    if (current.status === 'loading' || current.status === 'idle') return;
    const next = current.report ? withSource(listing, current.report) : listing;
    // Every listing field is replaced, so a note from an earlier failed listing does not linger.
    store.set({ ...current, sources: next.sources, sourcesNote: next.sourcesNote, unreported: next.unreported });
  }

  function fullRun(run: RunReport): Promise<RunReport> {
    if (run.summary === undefined) return Promise.resolve(run);
    const asked = fullRuns.get(run.run) ?? client()['analysis.runReport']({ run: run.run });
    fullRuns.set(run.run, asked);
    // A failed request is not kept: the next download asks again.
    asked.catch(() => fullRuns.delete(run.run));
    return asked;
  }

  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    load,
    select,
    refreshSources,
    retry: () => {
      const id = state().selected;
      return id === undefined ? load() : select(id);
    },
    fullRun,
  };
}

export const exploreStore = createExploreStore(getApiClient);

export function useExplore(store: ExploreStore = exploreStore): ExploreState {
  return useExternalStore(store);
}
