// One job: label, status, progress bar, phase/ETA, Claude usage, result or error, and the buttons
// its state allows. The tray lists these; pages show the card of the job they started.
import { useState } from 'react';
import { isActive, type JobInfo } from '../../../src-shared/jobs';
import type { ApiErrorPayload } from '../../../src-shared/api';
import { ErrorBox } from '../../components/ErrorBox';
import { toErrorPayload } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { ProgressBar } from '../../components/ProgressBar';
import { endedWord, progressLine, resultLine, usageLines, wholeLine } from './format';
import { jobActions, statusText } from './model';
import { jobsStore } from './store';

interface JobCardProps {
  job: JobInfo;
  /** Pages hide Dismiss: removing the job there would also remove the page's result view. */
  dismissable?: boolean;
  headingLevel?: 'h3' | 'h4';
}

export function JobCard({ job, dismissable = true, headingLevel: Heading = 'h4' }: JobCardProps) {
  const [error, setError] = useState<ApiErrorPayload>();
  const [busy, setBusy] = useState(false);
  const allowed = jobActions(job.status);
  const moving = isActive(job);
  const p = job.progress;

  const act = (fn: () => Promise<unknown>) => async () => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (err) {
      setError(toErrorPayload(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="job-card" data-job-id={job.id} data-kind={job.kind} data-status={job.status} aria-label={job.label}>
      <div className="job-head">
        <Heading className="job-label">{job.label}</Heading>
        <span className={`job-status status-${job.status}`}>{statusText(job.status)}</span>
      </div>
      {/* A finished job's last progress event belongs to its final phase (e.g. "report 0 / 1"):
          the result line says more, so the bars are shown only while the job is unfinished. The
          whole-job bar comes first: it never goes back; the phase's own count follows in words. */}
      {p && job.status !== 'done' && p.fraction !== undefined && (
        <div className="progress-bar job-whole">
          <progress aria-label={`${job.label}: whole job`} max={1} value={Math.min(1, p.fraction)} />
          <span className="progress-text">{wholeLine(p)}</span>
        </div>
      )}
      {p && job.status !== 'done' && p.fraction === undefined && <ProgressBar label={`${job.label} progress`} done={p.done} total={p.total} />}
      {p && job.status !== 'done' && <p className="job-line job-phase">{progressLine(p, moving)}</p>}
      {usageLines(job).map((u) => (
        <p key={u.label} className="job-line job-usage">
          <span className="job-usage-label">{u.label}:</span> {u.line}
        </p>
      ))}
      {job.status === 'done' && <p className="job-line job-result">{resultLine(job)}</p>}
      {job.error && (
        <ErrorBox
          title={`${job.label} failed`}
          error={{ kind: job.error.kind as ApiErrorPayload['kind'], message: job.error.message, file: job.error.file, line: job.error.line }}
        />
      )}
      <p className="job-meta">
        Started {formatDateTime(job.startedAt)}
        {job.attempts > 1 && `, attempt ${job.attempts}`}
        {job.finishedAt && !moving && `, ${endedWord(job.status)} ${formatDateTime(job.finishedAt)}`}
      </p>
      <div className="actions job-actions">
        {allowed.pause && (
          <button type="button" className="button secondary" disabled={busy} onClick={act(() => jobsStore.cancel(job.id, 'pause'))}>
            Pause<span className="visually-hidden"> {job.label}</span>
          </button>
        )}
        {allowed.resume && (
          <button type="button" className="button" disabled={busy} onClick={act(() => jobsStore.resume(job.id))}>
            Resume<span className="visually-hidden"> {job.label}</span>
          </button>
        )}
        {allowed.cancel && (
          <button type="button" className="button danger" disabled={busy} onClick={act(() => jobsStore.cancel(job.id, 'cancel'))}>
            Cancel<span className="visually-hidden"> {job.label}</span>
          </button>
        )}
        {dismissable && allowed.dismiss && (
          <button type="button" className="button secondary" disabled={busy} onClick={act(() => jobsStore.dismiss(job.id))}>
            Dismiss<span className="visually-hidden"> {job.label}</span>
          </button>
        )}
      </div>
      {error && <ErrorBox title="The job did not accept that" error={error} />}
    </article>
  );
}
