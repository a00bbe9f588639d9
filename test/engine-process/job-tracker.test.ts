// Main's job view fed by pushed events: the taskbar progress and the running-jobs fallback.
import { describe, expect, it } from 'vitest';
import { JobTracker } from '../../src-main/ipc/job-tracker';
import { job } from './fakes';

describe('job tracker', () => {
  it('shows the mean fraction of the running jobs and drops finished ones', () => {
    const t = new JobTracker();
    expect(t.taskbar()).toEqual({ fraction: -1, mode: 'none' });
    t.update({ type: 'job', job: job({ id: 'a', progress: { ...job().progress!, done: 5, total: 20 } }) });
    t.update({ type: 'job', job: job({ id: 'b', progress: { ...job().progress!, done: 15, total: 20 } }) });
    expect(t.taskbar()).toEqual({ fraction: 0.5, mode: 'normal' });
    t.update({ type: 'job', job: job({ id: 'b', status: 'done' }) });
    expect(t.active().map((j) => j.id)).toEqual(['a']);
    expect(t.taskbar()).toEqual({ fraction: 0.25, mode: 'normal' });
  });

  it('is indeterminate without totals, paused while pausing, and empty after an engine restart', () => {
    const t = new JobTracker();
    t.update({ type: 'job', job: job({ progress: null }) });
    expect(t.taskbar()).toEqual({ fraction: 2, mode: 'indeterminate' });
    t.update({ type: 'job', job: job({ status: 'pausing' }) });
    expect(t.taskbar()).toEqual({ fraction: 0.25, mode: 'paused' });
    t.update({ type: 'engine', status: 'restarted', message: 'x' });
    expect(t.active()).toEqual([]);
  });
});
