// Pure rules of the job tray: how often to poll, which status changes to announce, which job a page
// shows. Kept apart from the store so they are tested without timers or a server.
import { isActive, type JobInfo, type JobKind, type JobStatus } from '../../../src-shared/jobs';

/**
 * Only for a server that pushes no events: poll fast while something moves, slowly otherwise (a job
 * started elsewhere, e.g. the CLI, still shows up).
 */
export const ACTIVE_POLL_MS = 1000;
export const IDLE_POLL_MS = 5000;

export function pollDelay(jobs: readonly Pick<JobInfo, 'status'>[]): number {
  return jobs.some(isActive) ? ACTIVE_POLL_MS : IDLE_POLL_MS;
}

const STATUS_TEXT: Record<JobStatus, string> = {
  running: 'running',
  pausing: 'pausing…',
  cancelling: 'cancelling…',
  done: 'finished',
  failed: 'failed',
  paused: 'paused',
  cancelled: 'cancelled',
  interrupted: 'interrupted (the app stopped while it ran)',
};

export function statusText(status: JobStatus): string {
  return STATUS_TEXT[status];
}

export interface Transitions {
  /** One sentence per job whose status changed, for the aria-live region. */
  messages: string[];
  /** Jobs that stopped moving since the last poll (done, failed, paused, cancelled). */
  settled: JobInfo[];
}

/**
 * Compares two polls. The first poll (prev undefined) announces nothing: jobs that finished before
 * the page opened are history, not news.
 */
export function jobTransitions(prev: readonly JobInfo[] | undefined, next: readonly JobInfo[]): Transitions {
  const result: Transitions = { messages: [], settled: [] };
  if (!prev) return result;
  const before = new Map(prev.map((job) => [job.id, job]));
  for (const job of next) {
    const old = before.get(job.id);
    if (old?.status === job.status) continue;
    const failure = job.status === 'failed' && job.error ? `: ${job.error.message}` : '';
    result.messages.push(`${job.label} ${statusText(job.status)}${failure}`);
    const wasMoving = old ? isActive(old) : true;
    if (wasMoving && !isActive(job)) result.settled.push(job);
  }
  return result;
}

/** Replaces a job by id (a fresher answer from jobs.start/cancel/resume) or adds it. */
export function mergeJob(jobs: readonly JobInfo[], job: JobInfo): JobInfo[] {
  const i = jobs.findIndex((j) => j.id === job.id);
  if (i < 0) return [job, ...jobs];
  const copy = jobs.slice();
  copy[i] = job;
  return copy;
}

/**
 * mergeJob, unless the list already holds a later state of the job: a pushed event can overtake the
 * answer of the call that caused it, and the older answer must not move the job back.
 */
export function mergeNewer(jobs: readonly JobInfo[], job: JobInfo): JobInfo[] {
  const old = jobs.find((j) => j.id === job.id);
  if (old && old.updatedAt > job.updatedAt) return jobs.slice();
  return mergeJob(jobs, job);
}

/** A fresh jobs.list answer, each job kept at the later of its listed and its current state. */
export function keepNewer(current: readonly JobInfo[], fresh: readonly JobInfo[]): JobInfo[] {
  const byId = new Map(current.map((j) => [j.id, j]));
  return fresh.map((job) => {
    const old = byId.get(job.id);
    return old && old.updatedAt > job.updatedAt ? old : job;
  });
}

/** Tray order: moving jobs first, then newest first. */
export function sortJobs(jobs: readonly JobInfo[]): JobInfo[] {
  return jobs.slice().sort((a, b) => Number(isActive(b)) - Number(isActive(a)) || b.startedAt.localeCompare(a.startedAt));
}

/** The job a page shows: the newest of its kind (optionally narrowed, e.g. to one run's name). */
export function latestJob(
  jobs: readonly JobInfo[],
  kind: JobKind,
  filter: (job: JobInfo) => boolean = () => true,
): JobInfo | undefined {
  let best: JobInfo | undefined;
  for (const job of jobs) {
    if (job.kind !== kind || !filter(job)) continue;
    if (!best || job.startedAt > best.startedAt) best = job;
  }
  return best;
}

/** Which buttons a job offers in its state. */
export function jobActions(status: JobStatus): { pause: boolean; cancel: boolean; resume: boolean; dismiss: boolean } {
  const moving = status === 'running';
  // The engine keeps per-item checkpoints, so even a cancelled or failed job can pick up where it stopped.
  const stopped = status === 'paused' || status === 'interrupted' || status === 'failed' || status === 'cancelled';
  return {
    pause: moving,
    cancel: moving || status === 'paused' || status === 'interrupted',
    resume: stopped,
    dismiss: !isActive({ status }),
  };
}
