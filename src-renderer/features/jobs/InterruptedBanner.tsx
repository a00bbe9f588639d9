// Jobs that were running when the app died come back as 'interrupted'. They are offered for resume
// in plain sight at the top of every page, not only inside the tray.
import { useState } from 'react';
import type { ApiErrorPayload } from '../../../src-shared/api';
import { ErrorBox } from '../../components/ErrorBox';
import { toErrorPayload } from '../../components/errors';
import { formatProgress } from '../../components/format';
import { jobsStore, useJobs } from './store';

export function InterruptedBanner() {
  const { jobs } = useJobs();
  const [error, setError] = useState<ApiErrorPayload>();
  const interrupted = jobs.filter((j) => j.status === 'interrupted');
  if (interrupted.length === 0) return null;

  const act = (fn: () => Promise<unknown>) => () => {
    setError(undefined);
    fn().catch((err: unknown) => setError(toErrorPayload(err)));
  };

  return (
    <section className="banner interrupted-banner" aria-labelledby="interrupted-title">
      <h2 id="interrupted-title">Interrupted jobs</h2>
      <p>Task Atlas stopped while these jobs ran. Resuming continues from their last checkpoint; work already paid for is kept.</p>
      <ul>
        {interrupted.map((job) => (
          <li key={job.id} data-job-id={job.id}>
            <strong>{job.label}</strong>
            {job.progress && ` — ${job.progress.phase}, ${formatProgress(job.progress.done, job.progress.total)}`}{' '}
            <button type="button" className="button" onClick={act(() => jobsStore.resume(job.id))}>
              Resume<span className="visually-hidden"> {job.label}</span>
            </button>{' '}
            <button type="button" className="button secondary" onClick={act(() => jobsStore.dismiss(job.id))}>
              Dismiss<span className="visually-hidden"> {job.label}</span>
            </button>
          </li>
        ))}
      </ul>
      {error && <ErrorBox title="Could not act on the job" error={error} />}
    </section>
  );
}
