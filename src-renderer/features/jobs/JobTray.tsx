// The header's job tray: a button summarising what runs, opening a panel with every job. The
// aria-live region lives outside the panel so status changes are announced even when it is closed.
import { useEffect, useRef, useState } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { traySummary } from './format';
import { JobCard } from './JobCard';
import { sortJobs } from './model';
import { useJobs } from './store';

export function JobTray() {
  const { jobs, error, announcement } = useJobs();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  // Escape closes the panel and gives focus back to the button, as a menu would.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const moving = jobs.some((j) => j.status === 'running' || j.status === 'pausing' || j.status === 'cancelling');
  return (
    <div className="job-tray">
      <button
        ref={buttonRef}
        type="button"
        id="job-tray-button"
        className={`button secondary tray-button${moving ? ' moving' : ''}`}
        aria-expanded={open}
        aria-controls="job-tray-panel"
        onClick={() => setOpen((o) => !o)}
      >
        {traySummary(jobs)}
      </button>
      <p className="visually-hidden" role="status" aria-live="polite" id="job-announcer">
        {announcement}
      </p>
      <div ref={panelRef} id="job-tray-panel" className="tray-panel" role="region" aria-label="Jobs" hidden={!open}>
        {error && <ErrorBox title="Could not list jobs" error={error} />}
        {jobs.length === 0 && <p className="note">No jobs yet. Hierarchy builds, imports, classification runs and exports appear here.</p>}
        {sortJobs(jobs).map((job) => (
          <JobCard key={job.id} job={job} />
        ))}
      </div>
    </div>
  );
}
