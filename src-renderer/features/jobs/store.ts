// The job tray's state, shared by the tray and every page that started a job (Hierarchy,
// Conversations, Classify, Export read their job from here). It loads jobs.list once, then applies
// the job events the engine pushes; after a reconnect it loads once more for what it missed. Only a
// server that pushes nothing (an older one) is polled.
import { useSyncExternalStore } from 'react';
import type { ApiClient, ApiErrorPayload } from '../../../src-shared/api';
import type { EngineEvent } from '../../../src-shared/events';
import type { JobInfo, JobStart } from '../../../src-shared/jobs';
import { toErrorPayload } from '../../components/errors';
import { getApiClient } from '../../transport/client';
import { browserDelay, subscribeEngineEvents, type Delay, type EventStatus, type SubscribeEvents } from '../../transport/events';
import { jobTransitions, keepNewer, mergeNewer, pollDelay } from './model';

export interface JobsState {
  jobs: JobInfo[];
  loaded: boolean;
  error?: ApiErrorPayload;
  /** The latest status change in words, for the tray's aria-live region. */
  announcement: string;
  /** How updates arrive: pushed by the engine, polled (a server that pushes nothing), or neither yet. */
  updates: 'pushed' | 'polled' | 'reconnecting' | 'idle';
}

/** The poll timer (a server that pushes nothing): the event stream's own timer shape. */
export type Timers = Delay;

const browserTimers: Timers = browserDelay;

export type JobsStore = ReturnType<typeof createJobsStore>;

export function createJobsStore(
  client: () => ApiClient = getApiClient,
  timers: Timers = browserTimers,
  events: SubscribeEvents = subscribeEngineEvents,
) {
  let state: JobsState = { jobs: [], loaded: false, announcement: '', updates: 'idle' };
  const listeners = new Set<() => void>();
  const settledListeners = new Set<(job: JobInfo) => void>();
  let started = false;
  let polling = false;
  let timer: unknown;
  let inFlight: Promise<void> | undefined;
  let unsubscribe: (() => void) | undefined;

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
    publish({ ...state, jobs, loaded: true, announcement: messages.length ? messages.join('. ') : state.announcement });
    for (const job of settled) for (const listener of settledListeners) listener(job);
  };

  /** One pushed job: merged unless the store already holds a newer state of it (a call's answer). */
  const applyJob = (job: JobInfo) => {
    if (state.loaded) apply(mergeNewer(state.jobs, job));
    else void refresh();
  };

  const onEvent = (event: EngineEvent) => {
    if (event.type === 'job') applyJob(event.job);
    else if (event.type === 'progress') return; // a call's own progress: the page that made the call shows it
    else if (event.status === 'restarted') void refresh();
    else publish({ ...state, error: { kind: 'unavailable', message: event.message } });
  };

  const onStatus = (status: EventStatus) => {
    if (status === 'open') {
      polling = false;
      publish({ ...state, updates: 'pushed' });
      // Events sent before the stream (re)opened are lost: load once for what the gap may have missed.
      void refresh();
    } else if (status === 'closed') publish({ ...state, updates: 'reconnecting' });
    else {
      polling = true;
      publish({ ...state, updates: 'polled' });
      schedule();
    }
  };

  const refresh = (): Promise<void> => {
    const api = client();
    inFlight ??= api['jobs.list']({})
      .then(
        (jobs) => {
          // Pushed events may have overtaken the list while it was on its way: keep the newer state.
          publish({ ...state, error: undefined });
          apply(state.loaded ? keepNewer(state.jobs, jobs) : jobs);
        },
        (err: unknown) => publish({ ...state, error: toErrorPayload(err) }),
      )
      .finally(() => {
        inFlight = undefined;
        schedule();
      });
    return inFlight;
  };

  /** Applies the answer of a job call at once (pushed events, or the next poll, bring what follows). */
  const act = async (call: () => Promise<JobInfo>): Promise<JobInfo> => {
    const job = await call();
    apply(mergeNewer(state.jobs, job));
    schedule();
    return job;
  };

  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getSnapshot: (): JobsState => state,
    /** Loads the jobs and subscribes to the engine's events (idempotent); the app shell calls it once. */
    start() {
      if (started) return;
      started = true;
      void refresh();
      unsubscribe = events(onEvent, onStatus);
    },
    stop() {
      started = false;
      polling = false;
      unsubscribe?.();
      unsubscribe = undefined;
      schedule();
      publish({ ...state, updates: 'idle' });
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
