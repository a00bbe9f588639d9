// The job tray's rules and store: load once, then apply the job events the engine pushes (refetch
// after a reconnect, poll only a server that pushes nothing), announce status changes, tell pages
// when a job settles, and offer the buttons each state allows.
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src-shared/api';
import type { JobInfo, JobStatus } from '../../src-shared/jobs';
import type { EngineEventListener } from '../../src-shared/events';
import { jobActions, jobTransitions, keepNewer, latestJob, mergeJob, mergeNewer, pollDelay, sortJobs } from '../../src-renderer/features/jobs/model';
import { createJobsStore, type Timers } from '../../src-renderer/features/jobs/store';
import type { EventStatus, SubscribeEvents } from '../../src-renderer/transport/events';
import { endedWord, progressLine, traySummary, usageLines, wholeLine } from '../../src-renderer/features/jobs/format';

function job(id: string, status: JobStatus, over: Partial<JobInfo> = {}): JobInfo {
  return {
    id,
    kind: 'classify.run',
    label: `Job ${id}`,
    args: { name: id, datasets: ['d'], hierarchyId: 'h' },
    status,
    progress: null,
    startedAt: `2025-01-01T00:00:0${id.length}Z`,
    updatedAt: '2025-01-01T00:00:00Z',
    finishedAt: null,
    attempts: 1,
    error: null,
    result: null,
    ...over,
  };
}

describe('job rules', () => {
  it('polls (a server without events) fast only while a job is running, pausing or cancelling', () => {
    expect(pollDelay([])).toBe(5000);
    expect(pollDelay([job('a', 'done'), job('b', 'paused')])).toBe(5000);
    expect(pollDelay([job('a', 'done'), job('b', 'running')])).toBe(1000);
    expect(pollDelay([job('a', 'cancelling')])).toBe(1000);
  });

  it('announces nothing on the first poll, then each status change once', () => {
    expect(jobTransitions(undefined, [job('a', 'done')])).toEqual({ messages: [], settled: [] });
    const before = [job('a', 'running'), job('b', 'running')];
    const after = [job('a', 'done'), job('b', 'running'), job('c', 'running')];
    const t = jobTransitions(before, after);
    expect(t.messages).toEqual(['Job a finished', 'Job c running']);
    expect(t.settled.map((j) => j.id)).toEqual(['a']);
  });

  it('includes the error of a failed job and settles a job that finished between polls', () => {
    const failed = job('x', 'failed', { error: { kind: 'internal', message: 'no Claude API key' } });
    const t = jobTransitions([], [failed]);
    expect(t.messages).toEqual(['Job x failed: no Claude API key']);
    expect(t.settled).toEqual([failed]);
  });

  it('does not settle a job that was already stopped (cancelling a paused job)', () => {
    expect(jobTransitions([job('a', 'paused')], [job('a', 'cancelled')]).settled).toEqual([]);
  });

  it('offers the buttons each state allows', () => {
    expect(jobActions('running')).toEqual({ pause: true, cancel: true, resume: false, dismiss: false });
    expect(jobActions('pausing')).toEqual({ pause: false, cancel: false, resume: false, dismiss: false });
    expect(jobActions('paused')).toEqual({ pause: false, cancel: true, resume: true, dismiss: true });
    expect(jobActions('interrupted')).toEqual({ pause: false, cancel: true, resume: true, dismiss: true });
    expect(jobActions('done')).toEqual({ pause: false, cancel: false, resume: false, dismiss: true });
  });

  it('picks the newest job of a kind for a page, and sorts moving jobs first', () => {
    const jobs = [job('a', 'done'), job('bbb', 'done'), job('cc', 'running', { kind: 'export.run' })];
    expect(latestJob(jobs, 'classify.run')?.id).toBe('bbb');
    expect(latestJob(jobs, 'classify.run', (j) => j.id === 'a')?.id).toBe('a');
    expect(latestJob(jobs, 'hierarchy.build')).toBeUndefined();
    expect(sortJobs(jobs).map((j) => j.id)).toEqual(['cc', 'bbb', 'a']);
    expect(mergeJob(jobs, job('a', 'failed')).map((j) => j.status)).toEqual(['failed', 'done', 'running']);
    expect(mergeJob(jobs, job('new', 'running'))[0]?.id).toBe('new');
  });

  it('never lets an older state of a job replace a newer one (an event can overtake a call\'s answer)', () => {
    const newer = job('a', 'done', { updatedAt: '2025-01-01T00:00:05Z' });
    const older = job('a', 'running', { updatedAt: '2025-01-01T00:00:01Z' });
    expect(mergeNewer([newer], older)).toEqual([newer]);
    expect(mergeNewer([older], newer)).toEqual([newer]);
    expect(keepNewer([newer], [older, job('b', 'running')]).map((j) => `${j.id}:${j.status}`)).toEqual(['a:done', 'b:running']);
  });
});

describe('job card words', () => {
  const usage = (sent: number) => ({ sent, cacheHits: 0, inputTokens: 1000 * sent, outputTokens: 100 * sent, costUsd: sent / 100, failures: 0 });
  const p = {
    phase: 'L1 cluster',
    phaseLabel: 'Clustering 18,428 tasks',
    phaseIndex: 2,
    phaseCount: 16,
    unit: 'iterations' as const,
    done: 12,
    total: 300,
    failed: 0,
    fromCheckpoint: 0,
    fraction: 0.456,
    elapsedMs: 1000,
    etaMs: 185_000,
  };

  it('names the phase in plain words with its place, counts k-means in iterations, and gives the whole job\'s share', () => {
    expect(progressLine(p, true)).toBe('Clustering 18,428 tasks (step 2 of 16) · iteration 12 of at most 300 · about 3 min 05 s left');
    expect(progressLine({ ...p, unit: 'bytes', done: 2048, total: 4096, phaseCount: 1 }, true)).toMatch(/^Clustering 18,428 tasks · 2\.0 KB of 4\.0 KB ·/);
    expect(wholeLine(p)).toBe('46% of the whole job');
    expect(traySummary([{ status: 'running', progress: p }])).toBe('1 job running 45%');
  });

  it('shows this attempt and the total while a resumed job runs, and only the total once it is done', () => {
    const running = { status: 'running' as const, attempts: 2, progress: { ...p, claude: usage(3), claudeTotal: usage(10) } };
    expect(usageLines(running).map((u) => u.label)).toEqual(['This attempt', 'Total so far']);
    expect(usageLines(running)[1]!.line).toContain('10 Claude calls');
    const done = { ...running, status: 'done' as const };
    expect(usageLines(done)).toEqual([{ label: 'Total of 2 attempts', line: expect.stringContaining('10 Claude calls') }]);
    expect(usageLines({ status: 'running', attempts: 1, progress: { ...p, claude: usage(1), claudeTotal: usage(1) } })).toEqual([
      { label: 'Claude', line: expect.stringContaining('1 Claude call') },
    ]);
    expect(usageLines({ status: 'running', attempts: 1, progress: p })).toEqual([]);
  });

  it('says a paused job was paused, not ended', () => {
    expect(endedWord('paused')).toBe('paused');
    expect(endedWord('done')).toBe('finished');
    expect(endedWord('interrupted')).toBe('stopped');
  });
});

/** Timers the test fires by hand, recording each delay asked for. */
function manualTimers() {
  const pending: { fn: () => void; ms: number; id: number }[] = [];
  let next = 0;
  const timers: Timers = {
    set: (fn, ms) => {
      pending.push({ fn, ms, id: ++next });
      return next;
    },
    clear: (handle) => {
      const i = pending.findIndex((p) => p.id === handle);
      if (i >= 0) pending.splice(i, 1);
    },
  };
  return { timers, pending };
}

/** An event source the test drives: push events, open, drop or refuse the stream. */
function manualEvents() {
  let listener: EngineEventListener | undefined;
  let status: ((s: EventStatus) => void) | undefined;
  let subscribed = 0;
  const subscribe: SubscribeEvents = (l, s) => {
    listener = l;
    status = s;
    subscribed++;
    return () => {
      listener = undefined;
      subscribed--;
    };
  };
  return {
    subscribe,
    push: (j: JobInfo) => listener?.({ type: 'job', job: j }),
    status: (s: EventStatus) => status?.(s),
    restarted: () => listener?.({ type: 'engine', status: 'restarted', message: 'engine restarted' }),
    subscribed: () => subscribed,
  };
}

function fakeClient(replies: JobInfo[][]): { client: () => ApiClient; calls: string[] } {
  const calls: string[] = [];
  let i = 0;
  const api = {
    'jobs.list': async () => {
      calls.push('jobs.list');
      return replies[Math.min(i++, replies.length - 1)]!;
    },
    'jobs.start': async () => {
      calls.push('jobs.start');
      return job('new', 'running');
    },
  } as unknown as ApiClient;
  return { client: () => api, calls };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const statuses = (store: ReturnType<typeof createJobsStore>) => store.getSnapshot().jobs.map((j) => `${j.id}:${j.status}`);

describe('jobs store', () => {
  it('loads once, then applies pushed events without polling; settles and announces from them', async () => {
    const { timers, pending } = manualTimers();
    const events = manualEvents();
    const { client, calls } = fakeClient([[job('a', 'running')]]);
    const store = createJobsStore(client, timers, events.subscribe);
    const settled: string[] = [];
    store.onSettled((j) => settled.push(`${j.id}:${j.status}`));

    store.start();
    events.status('open');
    await flush();
    expect(calls).toEqual(['jobs.list']); // the open while the first load was on its way shares it
    expect(statuses(store)).toEqual(['a:running']);
    expect(store.getSnapshot().updates).toBe('pushed');

    const progress = { phase: 'pay', done: 5, total: 10, failed: 0, fromCheckpoint: 0, elapsedMs: 1, etaMs: 9, fraction: 0.5 };
    events.push(job('a', 'running', { progress, updatedAt: '2025-01-01T00:00:01Z' }));
    expect(store.getSnapshot().jobs[0]!.progress?.fraction).toBe(0.5);
    events.push(job('a', 'done', { updatedAt: '2025-01-01T00:00:02Z' }));
    expect(statuses(store)).toEqual(['a:done']);
    expect(store.getSnapshot().announcement).toBe('Job a finished');
    expect(settled).toEqual(['a:done']);
    await flush();
    expect(calls).toEqual(['jobs.list']);
    expect(pending).toEqual([]); // no polling timer while events flow

    store.stop();
    expect(events.subscribed()).toBe(0);
  });

  it('refetches once after the stream reconnects (and after an engine restart)', async () => {
    const events = manualEvents();
    const { client, calls } = fakeClient([[job('a', 'running')], [job('a', 'paused')], [job('a', 'paused'), job('b', 'interrupted')]]);
    const store = createJobsStore(client, manualTimers().timers, events.subscribe);
    store.start();
    await flush();
    events.status('closed');
    expect(store.getSnapshot().updates).toBe('reconnecting');
    events.status('open');
    await flush();
    expect(calls).toEqual(['jobs.list', 'jobs.list']);
    expect(statuses(store)).toEqual(['a:paused']);
    events.restarted();
    await flush();
    expect(calls).toHaveLength(3);
    expect(statuses(store)).toEqual(['a:paused', 'b:interrupted']);
  });

  it('shows a started job at once and keeps it when an older list answer arrives', async () => {
    const events = manualEvents();
    const { client, calls } = fakeClient([[]]);
    const store = createJobsStore(client, manualTimers().timers, events.subscribe);
    store.start();
    events.status('open');
    await flush();
    await store.startJob({ kind: 'classify.run', args: { name: 'new', datasets: ['d'], hierarchyId: 'h' } });
    expect(calls).toEqual(['jobs.list', 'jobs.start']);
    expect(statuses(store)).toEqual(['new:running']);
    expect(store.getSnapshot().announcement).toBe('Job new running');
    // An event for the job that was sent before the call answered does not move it back.
    events.push(job('new', 'running', { updatedAt: '2024-12-31T00:00:00Z', progress: null }));
    expect(store.getSnapshot().jobs[0]!.updatedAt).toBe('2025-01-01T00:00:00Z');
  });

  it('falls back to polling a server that pushes no events, and reports a failed poll', async () => {
    const { timers, pending } = manualTimers();
    const events = manualEvents();
    let fail = false;
    const api = {
      'jobs.list': async () => {
        if (fail) throw new Error('server gone');
        return [job('a', 'running')];
      },
    } as unknown as ApiClient;
    const store = createJobsStore(() => api, timers, events.subscribe);
    store.start();
    await flush();
    expect(pending).toEqual([]);
    events.status('unsupported');
    expect(store.getSnapshot().updates).toBe('polled');
    expect(pending.map((p) => p.ms)).toEqual([1000]);
    fail = true;
    pending.shift()!.fn();
    await flush();
    expect(store.getSnapshot().jobs).toHaveLength(1);
    expect(store.getSnapshot().error?.message).toBe('server gone');
    expect(pending).toHaveLength(1);
  });
});
