// The job tray's rules and store: poll every second while a job moves and every five otherwise,
// announce status changes, tell pages when a job settles, and offer the buttons each state allows.
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src-shared/api';
import type { JobInfo, JobStatus } from '../../src-shared/jobs';
import { jobActions, jobTransitions, latestJob, mergeJob, pollDelay, sortJobs } from '../../src-renderer/features/jobs/model';
import { createJobsStore, type Timers } from '../../src-renderer/features/jobs/store';

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
  it('polls fast only while a job is running, pausing or cancelling', () => {
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

describe('jobs store', () => {
  it('polls every second while a job runs and every five seconds once it is done', async () => {
    const { timers, pending } = manualTimers();
    const { client } = fakeClient([[job('a', 'running')], [job('a', 'done')]]);
    const store = createJobsStore(client, timers);
    const settled: string[] = [];
    store.onSettled((j) => settled.push(`${j.id}:${j.status}`));

    store.start();
    await flush();
    expect(store.getSnapshot().jobs.map((j) => j.status)).toEqual(['running']);
    expect(pending.map((p) => p.ms)).toEqual([1000]);

    pending.shift()!.fn();
    await flush();
    expect(store.getSnapshot().jobs.map((j) => j.status)).toEqual(['done']);
    expect(store.getSnapshot().announcement).toBe('Job a finished');
    expect(settled).toEqual(['a:done']);
    expect(pending.map((p) => p.ms)).toEqual([5000]);

    store.stop();
    expect(pending).toEqual([]);
  });

  it('shows a started job at once and polls fast for its progress', async () => {
    const { timers, pending } = manualTimers();
    const { client, calls } = fakeClient([[]]);
    const store = createJobsStore(client, timers);
    store.start();
    await flush();
    expect(pending.map((p) => p.ms)).toEqual([5000]);
    await store.startJob({ kind: 'classify.run', args: { name: 'new', datasets: ['d'], hierarchyId: 'h' } });
    expect(calls).toEqual(['jobs.list', 'jobs.start']);
    expect(store.getSnapshot().jobs.map((j) => j.id)).toEqual(['new']);
    expect(store.getSnapshot().announcement).toBe('Job new running');
    expect(pending.map((p) => p.ms)).toEqual([1000]);
  });

  it('keeps the last list and reports the error when polling fails', async () => {
    const { timers, pending } = manualTimers();
    let fail = false;
    const api = {
      'jobs.list': async () => {
        if (fail) throw new Error('server gone');
        return [job('a', 'running')];
      },
    } as unknown as ApiClient;
    const store = createJobsStore(() => api, timers);
    store.start();
    await flush();
    fail = true;
    pending.shift()!.fn();
    await flush();
    expect(store.getSnapshot().jobs).toHaveLength(1);
    expect(store.getSnapshot().error?.message).toBe('server gone');
    expect(pending).toHaveLength(1);
  });
});
