// Main's view of the engine's jobs, fed by the job events the engine pushes: what the taskbar /
// dock progress bar shows, and a fallback list of running jobs when the engine is too busy to answer
// jobs.list before a window closes. Pure (no Electron), so it is tested in Node.
import type { EngineEvent } from '../../src-shared/events';
import { isActive, type JobInfo } from '../../src-shared/jobs';

export type TaskbarProgress =
  | { fraction: number; mode: 'normal' | 'paused' | 'indeterminate' }
  /** No running job: remove the bar. */
  | { fraction: -1; mode: 'none' };

export class JobTracker {
  private readonly jobs = new Map<string, JobInfo>();

  /** Takes one engine event; a restarted engine runs nothing until it says so. */
  update(event: EngineEvent): void {
    if (event.type === 'engine') {
      this.jobs.clear();
      return;
    }
    if (event.type !== 'job') return;
    if (isActive(event.job)) this.jobs.set(event.job.id, event.job);
    else this.jobs.delete(event.job.id);
  }

  active(): JobInfo[] {
    return [...this.jobs.values()];
  }

  /** The mean fraction done of the running jobs that know their total. */
  taskbar(): TaskbarProgress {
    const active = this.active();
    if (active.length === 0) return { fraction: -1, mode: 'none' };
    const known = active.filter((j) => j.progress?.total);
    if (known.length === 0) return { fraction: 2, mode: 'indeterminate' };
    const fraction = known.reduce((s, j) => s + Math.min(1, j.progress!.done / j.progress!.total!), 0) / known.length;
    return { fraction, mode: active.every((j) => j.status !== 'running') ? 'paused' : 'normal' };
  }
}
