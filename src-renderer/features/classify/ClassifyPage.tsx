// Classify: map conversations to tasks of a hierarchy (paper section 2 / Appendix B), with a cost
// estimate first, live progress, Pause / Cancel / Resume, and the list of runs so far.
import type { RunInfo } from '../../../src-shared/api';
import { useResource } from '../../app/resource';
import { JobCard } from '../jobs/JobCard';
import { latestJob } from '../jobs/model';
import { useJobs } from '../jobs/store';
import { ClassifyForm } from './ClassifyForm';
import { keptText, runOfJob } from './coverage';
import { RunsList } from './RunsList';
import { runsStore } from './store';

interface ClassifyPageProps {
  onExplore: (run: RunInfo) => void;
  onSettings: () => void;
}

export function ClassifyPage({ onExplore, onSettings }: ClassifyPageProps) {
  const { jobs } = useJobs();
  const job = latestJob(jobs, 'classify.run');
  const run = runOfJob(useResource(runsStore).data, job?.args);
  return (
    <div className="wizard-page">
      <h2>Classify</h2>
      <p className="summary">Each conversation is screened, then placed top-down in the hierarchy; tasks below the privacy thresholds are not reported.</p>
      <ClassifyForm onSettings={onSettings} />
      {job && (
        <section aria-labelledby="classify-job-title" className="page-job" id="classify-job">
          <h3 id="classify-job-title">Latest run</h3>
          <JobCard job={job} dismissable={false} />
          {job.status === 'done' && run?.privacy && (
            <p className="kept-summary" id="classify-kept">
              {keptText(run.privacy)}
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="runs-title">
        <h3 id="runs-title">Runs in this project</h3>
        <RunsList onExplore={onExplore} />
      </section>
    </div>
  );
}
