// The job tray's state: one poll of jobs.list shared by the tray and every page that started a job
// (Hierarchy, Conversations, Classify, Export read their job from here rather than polling again).
import { useSyncExternalStore } from 'react';
import type { ApiClient, ApiErrorPayload } from '../../../src-shared/api';
import type { JobInfo, JobStart } from '../../../src-shared/jobs';
import { toErrorPayload } from '../../components/errors';
import { getApiClient } from '../../transport/client';
import { jobTransitions, mergeJob, pollDelay } from './model';

export interface JobsState {
  jobs: JobInfo[];
  loaded: boolean;
  error?: ApiErrorPayload;
  /** The latest status change in words, for the tray's aria-live region. */
  announcement: string;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type JobsStore = ReturnType<typeof createJobsStore>;

export function createJobsStore(client: () => ApiClient = getApiClient, timers: Timers = browserTimers) {
  let state: JobsState = { jobs: [], loaded: false, announcement: '' };
  const listeners = new Set<() => void>();
  const settledListeners = new Set<(job: JobInfo) => void>();
  let polling = false;
  let timer: unknown;
  let inFlight: Promise<void> | undefined;

  const publish = (next: JobsState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const schedule = () => {
    if (timer !== undefined) timers.clear(timer);
    timer = polling ? timers.set(() => void refresh(), pollDelay(state.jobs)) : undefined;
  };

  const apply = (jobs: JobInfo[]) => {
    const { messages, settled } = jobTransitions(state.loaded ? state.jobs : undefined, jobs);
    publish({ jobs, loaded: true, announcement: messages.length ? messages.join('. ') : state.announcement });
    for (const job of settled) for (const listener of settledListeners) listener(job);
  };

  const refresh = (): Promise<void> => {
    const api = client();
    inFlight ??= api['jobs.list']({})
      .then(apply, (err: unknown) => publish({ ...state, error: toErrorPayload(err) }))
      .finally(() => {
        inFlight = undefined;
        schedule();
      });
    return inFlight;
  };

  /** Applies the answer of a job call at once, then polls soon for what follows. */
  const act = async (call: () => Promise<JobInfo>): Promise<JobInfo> => {
    const job = await call();
    apply(mergeJob(state.jobs, job));
    schedule();
    return job;
  };

  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getSnapshot: (): JobsState => state,
    /** Starts polling (idempotent); the app shell calls it once. */
    start() {
      if (polling) return;
      polling = true;
      void refresh();
    },
    stop() {
      polling = false;
      schedule();
    },
    refresh,
    startJob: (start: JobStart) => act(() => client()['jobs.start'](start)),
    cancel: (id: string, mode: 'pause' | 'cancel') => act(() => client()['jobs.cancel']({ id, mode })),
    resume: (id: string) => act(() => client()['jobs.resume']({ id })),
    async dismiss(id: string) {
      await client()['jobs.dismiss']({ id });
      publish({ ...state, jobs: state.jobs.filter((j) => j.id !== id) });
    },
    /** Called when a job stops moving (done, failed, paused, cancelled): pages refresh their lists. */
    onSettled(listener: (job: JobInfo) => void) {
      settledListeners.add(listener);
      return () => void settledListeners.delete(listener);
    },
  };
}

export const jobsStore = createJobsStore();

export function useJobs(store: JobsStore = jobsStore): JobsState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
