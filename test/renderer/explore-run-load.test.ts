// Choosing an own run in Explore asks for the source's analyses and the run's report at once
// (each takes a noticeable part of a second for a 1M-conversation run), and still shows both.
import { describe, expect, it } from 'vitest';
import type { ApiClient, ApiResults } from '../../src-shared/api';
import type { SourceRef } from '../../src-shared/report';
import { createExploreStore } from '../../src-renderer/features/explore/store';
import { makeExploreReport, makeRunInfo, makeRunReport } from './explore-fixture';

const RELEASE: SourceRef = { id: 'release-test', label: 'Test release', kind: 'release' };
const RUN: SourceRef = { id: 'run:r1', label: 'Run r1 (claude, by conversations)', kind: 'run' };

describe('explore store, choosing a run', () => {
  it('requests the run source and its run report together', async () => {
    const started: string[] = [];
    let answerRunSource: () => void = () => {};
    const client = {
      'sources.list': async () => [RELEASE, RUN],
      'classify.runs': async () => [makeRunInfo('r1', 'run:r1')],
      'paper.reference': async () => Promise.reject(new Error('no paper')),
      'analysis.reproduce': async (a: { sourceId?: string }) => {
        started.push(`reproduce ${a.sourceId ?? ''}`);
        const report = { ...makeExploreReport(), source: a.sourceId === RUN.id ? RUN : RELEASE };
        // The run source answers only when the test says so: by then the run report must be asked for.
        if (a.sourceId === RUN.id) await new Promise<void>((resolve) => (answerRunSource = resolve));
        return report;
      },
      'analysis.runReport': async (a: { run: string }): Promise<ApiResults['analysis.runReport']> => {
        started.push(`runReport ${a.run}`);
        return { ...makeRunReport(), run: a.run, sourceId: `run:${a.run}` };
      },
    } as unknown as ApiClient;
    const store = createExploreStore(() => client);
    await store.load();
    const chosen = store.select(RUN.id);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(['reproduce ', 'reproduce run:r1', 'runReport r1']);
    answerRunSource();
    await chosen;
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', selected: RUN.id, run: { run: 'r1' }, report: { source: RUN } });
  });
});
