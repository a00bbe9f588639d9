// Explore's stores against a fake ApiClient: which sources the picker lists, that choosing a run
// also loads its run report, caching, stale responses, and failures that must not blank the page.
import { describe, expect, it } from 'vitest';
import type { ApiArgs, ApiCall, ApiClient, ApiResults } from '../../src-shared/api';
import type { SourceRef } from '../../src-shared/report';
import { ApiError } from '../../src-renderer/transport/client';
import { createExploreStore } from '../../src-renderer/features/explore/store';
import { createCompareStore } from '../../src-renderer/features/explore/compare-store';
import { createFiltersStore, effectiveFilters, parseWage } from '../../src-renderer/features/explore/filters-store';
import { defaultCompareTarget, sourceOptions } from '../../src-renderer/features/explore/sources';
import { NO_FILTERS } from '../../src-shared/explore-filters';
import { makePaper } from './fixture';
import { makeComparison, makeExploreReport, makeRunInfo, makeRunReport } from './explore-fixture';

const RELEASE: SourceRef = { id: 'release-test', label: 'Test release', kind: 'release' };
const RUN_SOURCE: SourceRef = { id: 'run:r1', label: 'Run r1 (claude, by conversations)', kind: 'run' };
const ACCOUNTS: SourceRef = { id: 'run:r1:accounts', label: 'Run r1 (claude, by accounts)', kind: 'run' };

type Handlers = { [K in ApiCall]?: (args: ApiArgs<K>) => Promise<ApiResults[K]> };

/** A client that answers only the given calls and records every call made. */
function fakeClient(handlers: Handlers, calls: string[] = []): ApiClient {
  return new Proxy({} as ApiClient, {
    get: (_t, name: string) => (args: unknown) => {
      calls.push(`${name} ${JSON.stringify(args)}`);
      const h = (handlers as Record<string, ((a: unknown) => Promise<unknown>) | undefined>)[name];
      return h ? h(args) : Promise.reject(new ApiError(name as ApiCall, { kind: 'not-found', message: `${name} not answered` }));
    },
  });
}

function reportFor(id: string) {
  const source = [RELEASE, RUN_SOURCE, ACCOUNTS].find((s) => s.id === id) ?? RELEASE;
  return { ...makeExploreReport(), source };
}

function liveHandlers(): Handlers {
  return {
    'analysis.reproduce': async (a) => reportFor(a.sourceId ?? RELEASE.id),
    'paper.reference': async () => makePaper(),
    'sources.list': async () => [RELEASE, RUN_SOURCE, ACCOUNTS],
    'classify.runs': async () => [makeRunInfo('r1', 'run:r1'), makeRunInfo('r2', null)],
    'analysis.runReport': async (a) => ({ ...makeRunReport(), run: a.run, sourceId: `run:${a.run}` }),
  };
}

describe('source options', () => {
  it('lists releases, reported runs with their run, then other run sources', () => {
    const options = sourceOptions([RELEASE, RUN_SOURCE, ACCOUNTS], [makeRunInfo('r1', 'run:r1'), makeRunInfo('r2', null)]);
    expect(options).toEqual([
      { id: 'release-test', label: 'Test release', kind: 'release' },
      { id: 'run:r1', label: 'Run r1 (claude, by conversations)', kind: 'run', run: 'r1' },
      { id: 'run:r1:accounts', label: 'Run r1 (claude, by accounts)', kind: 'run' },
    ]);
    expect(defaultCompareTarget(options, 'release-test')).toBe('run:r1');
    expect(defaultCompareTarget(options, 'run:r1')).toBe('release-test');
    expect(sourceOptions([], [makeRunInfo('solo', 'run:solo')])[0]?.label).toBe('Run solo (claude)');
  });
});

describe('explore store', () => {
  it('loads the default source, the paper and the source list in one step', async () => {
    const calls: string[] = [];
    const store = createExploreStore(() => fakeClient(liveHandlers(), calls));
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.getSnapshot().status));
    await store.load();
    const s = store.getSnapshot();
    expect(seen).toEqual(['loading', 'ready']);
    expect(s.selected).toBe('release-test');
    expect(s.sources?.map((o) => o.id)).toEqual(['release-test', 'run:r1', 'run:r1:accounts']);
    expect(s.unreported).toBe(1);
    expect(s.run).toBeUndefined();
    expect(calls.filter((c) => c.startsWith('analysis.runReport'))).toEqual([]);
  });

  it('choosing an own run loads its report and run report, and caches both', async () => {
    const calls: string[] = [];
    const store = createExploreStore(() => fakeClient(liveHandlers(), calls));
    await store.load();
    await store.select('run:r1');
    expect(store.getSnapshot().report?.source.id).toBe('run:r1');
    expect(store.getSnapshot().run?.run).toBe('r1');
    expect(calls).toContain('analysis.reproduce {"sourceId":"run:r1"}');
    expect(calls).toContain('analysis.runReport {"run":"r1","summary":true}');
    await store.select('release-test');
    expect(store.getSnapshot().run).toBeUndefined();
    const before = calls.length;
    await store.select('run:r1');
    expect(calls.length).toBe(before);
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', selected: 'run:r1' });
  });

  it('keeps the sources when a chosen source fails, and retries that source', async () => {
    let fail = true;
    const handlers = liveHandlers();
    const ok = handlers['analysis.reproduce']!;
    handlers['analysis.reproduce'] = async (a) => {
      if (a.sourceId === 'run:r1:accounts' && fail) throw new ApiError('analysis.reproduce', { kind: 'not-found', message: 'gone' });
      return ok(a);
    };
    const store = createExploreStore(() => fakeClient(handlers));
    await store.load();
    await store.select('run:r1:accounts');
    expect(store.getSnapshot()).toMatchObject({ status: 'error', selected: 'run:r1:accounts', error: { message: 'gone' } });
    expect(store.getSnapshot().sources).toHaveLength(3);
    fail = false;
    await store.retry();
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', selected: 'run:r1:accounts' });
  });

  it('still offers the releases when runs cannot be listed, and says why', async () => {
    const handlers = liveHandlers();
    delete handlers['classify.runs'];
    const store = createExploreStore(() => fakeClient(handlers));
    await store.load();
    const s = store.getSnapshot();
    expect(s.status).toBe('ready');
    expect(s.sources?.map((o) => o.id)).toEqual(['release-test', 'run:r1', 'run:r1:accounts']);
    expect(s.sources?.some((o) => o.run !== undefined)).toBe(false);
    expect(s.sourcesNote).toBe('Own runs could not be listed: classify.runs not answered');
  });

  it('records a failed run report beside a drawn source report', async () => {
    const handlers = liveHandlers();
    handlers['analysis.runReport'] = async () => Promise.reject(new ApiError('analysis.runReport', { kind: 'internal', message: 'boom' }));
    const store = createExploreStore(() => fakeClient(handlers));
    await store.load();
    await store.select('run:r1');
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', runError: { message: 'boom' } });
    expect(store.getSnapshot().report?.source.id).toBe('run:r1');
  });

  it('drops a slow answer for a source the user has already left', async () => {
    let release!: () => void;
    const handlers = liveHandlers();
    const ok = handlers['analysis.reproduce']!;
    handlers['analysis.reproduce'] = async (a) => {
      if (a.sourceId === 'run:r1:accounts') await new Promise<void>((r) => (release = r));
      return ok(a);
    };
    const store = createExploreStore(() => fakeClient(handlers));
    await store.load();
    const slow = store.select('run:r1:accounts');
    await store.select('run:r1');
    release();
    await slow;
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', selected: 'run:r1' });
    expect(store.getSnapshot().report?.source.id).toBe('run:r1');
  });

  it('picks up runs reported after the first load without reloading the report', async () => {
    let runs = [makeRunInfo('r1', null)];
    const handlers = { ...liveHandlers(), 'classify.runs': async () => runs };
    const store = createExploreStore(() => fakeClient(handlers));
    await store.load();
    expect(store.getSnapshot().sources?.find((o) => o.id === 'run:r1')?.run).toBeUndefined();
    const report = store.getSnapshot().report;
    runs = [makeRunInfo('r1', 'run:r1')];
    await store.refreshSources();
    expect(store.getSnapshot().sources?.find((o) => o.id === 'run:r1')?.run).toBe('r1');
    expect(store.getSnapshot().unreported).toBeUndefined();
    expect(store.getSnapshot().report).toBe(report);
  });
  it('asks for a summarised run\'s full report once, when a download needs it, and not for a full one', async () => {
    const calls: string[] = [];
    const handlers = liveHandlers();
    const full = { ...makeRunReport(), run: 'r1', sourceId: 'run:r1' };
    handlers['analysis.runReport'] = async (a) => (a.summary ? { ...full, summary: { patternsByTask: 9, modelTasks: { top: 1, middle: 0, base: 9 } } } : full);
    const store = createExploreStore(() => fakeClient(handlers, calls));
    await store.load();
    await store.select('run:r1');
    const summary = store.getSnapshot().run!;
    expect(summary.summary).toBeDefined();
    expect(await store.fullRun(summary)).toEqual(full);
    expect(await store.fullRun(summary)).toEqual(full);
    expect(calls.filter((c) => c === 'analysis.runReport {"run":"r1"}')).toHaveLength(1);
    // A report that is already full (review mode: bundles hold full reports) is its own full report.
    expect(await store.fullRun(full)).toBe(full);
    expect(calls.filter((c) => c.startsWith('analysis.runReport'))).toHaveLength(2);
  });

  it('looks up a source it has not listed before showing it, so a new run gets its run report', async () => {
    let runs = [makeRunInfo('r1', null)];
    const calls: string[] = [];
    const store = createExploreStore(() => fakeClient({ ...liveHandlers(), 'classify.runs': async () => runs }, calls));
    await store.load();
    await store.select('run:r1:accounts');
    runs = [makeRunInfo('r1', 'run:r1'), makeRunInfo('r9', 'run:r9')];
    await store.select('run:r9');
    expect(store.getSnapshot().sources?.find((o) => o.id === 'run:r9')).toEqual({ id: 'run:r9', label: 'Run r9 (claude)', kind: 'run', run: 'r9' });
    expect(calls).toContain('analysis.runReport {"run":"r9","summary":true}');
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', selected: 'run:r9', run: { run: 'r9' } });
  });
});

describe('compare store', () => {
  it('compares the chosen pair once, then answers from its cache', async () => {
    const calls: string[] = [];
    // One client object, as getApiClient() returns: results are cached per client.
    let client = fakeClient({ 'analysis.compare': async () => makeComparison() }, calls);
    const store = createCompareStore(() => client);
    store.choose('release-test', 'run:r1');
    await store.run();
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', a: 'release-test', b: 'run:r1' });
    expect(store.getSnapshot().result?.metrics).toHaveLength(2);
    store.choose('release-test', 'run:r1:accounts');
    expect(store.getSnapshot()).toEqual({ a: 'release-test', b: 'run:r1:accounts', status: 'idle' });
    store.choose('release-test', 'run:r1');
    await store.run();
    expect(calls).toEqual(['analysis.compare {"a":"release-test","b":"run:r1"}']);
    // A swapped client (review mode) does not see the previous client's results.
    client = fakeClient({ 'analysis.compare': async () => makeComparison() }, calls);
    await store.run();
    expect(calls).toHaveLength(2);
  });

  it('refuses to compare a source with itself and keeps engine errors', async () => {
    const store = createCompareStore(() => fakeClient({}));
    store.choose('x', 'x');
    await store.run();
    expect(store.getSnapshot().error?.message).toBe('Choose two different sources to compare.');
    store.choose('x', 'y');
    await store.run();
    expect(store.getSnapshot()).toMatchObject({ status: 'error', error: { kind: 'not-found', message: 'analysis.compare not answered' } });
  });
});

describe('filters store', () => {
  it('updates, resets, and leaves an impossible wage band out of the applied filters', () => {
    const store = createFiltersStore();
    store.update({ jobZones: [4], wageMin: 90_000, wageMax: 50_000 });
    const { filters, problem } = effectiveFilters(store.getSnapshot());
    expect(problem).toBe('wageMin (90000) is above wageMax (50000)');
    expect(filters).toEqual({ ...NO_FILTERS, jobZones: [4] });
    store.reset();
    expect(store.getSnapshot()).toBe(NO_FILTERS);
    expect(effectiveFilters(NO_FILTERS)).toEqual({ filters: NO_FILTERS, problem: null });
  });

  it('parses wage text with currency signs and separators', () => {
    expect(parseWage(' $52,000 ')).toBe(52_000);
    expect(parseWage('')).toBeNull();
    expect(parseWage('abc')).toBeNaN();
  });
});
