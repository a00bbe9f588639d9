// Building a hierarchy (paper B.1): the form, a cost preview from hierarchy.estimate before any money
// is spent, and the build job's live card. A sample size gives a quick, cheap trial run.
import { useState, type FormEvent } from 'react';
import type { HierarchyEstimate } from '../../../src-shared/api';
import type { JobArgs } from '../../../src-shared/jobs';
import { formatInt, formatTokens, formatUsd } from '../../components/format';
import { useAction } from '../../components/useAction';
import { getApiClient } from '../../transport/client';
import { JobCard } from '../jobs/JobCard';
import { latestJob } from '../jobs/model';
import { jobsStore, useJobs } from '../jobs/store';
import { buildArgs, type BuildDraft, DEFAULT_BUILD } from './build-args';
import { EstimateFirst } from '../../components/EstimateFirst';
import { useDemoActive } from '../project/demo';

function EstimateView({ estimate }: { estimate: HierarchyEstimate }) {
  const simulated = useDemoActive();
  return (
    <div className="estimate" id="hierarchy-estimate" role="status">
      <p>
        {formatInt(estimate.baseTasks)} base tasks → levels of {estimate.targets.map(formatInt).join(' → ')} nodes with{' '}
        <strong>{estimate.model}</strong>: about {formatInt(estimate.calls)} Claude calls, {formatTokens(estimate.inputTokens)} input and{' '}
        {formatTokens(estimate.outputTokens)} output tokens.
      </p>
      <p>
        {simulated ? 'Simulated cost (demo mode: nothing is sent or paid) ≈ ' : 'Estimated cost '}
        <strong className="cost">{formatUsd(estimate.costUsd)}</strong> ({formatUsd(estimate.costUsdWithBatches)} with the Batches
        API).
        {!estimate.priceKnown && ' The model’s price is unknown, so the cost is a guess.'}
      </p>
    </div>
  );
}

function NumberInput({ id, label, value, onChange, min, placeholder }: { id: string; label: string; value: string; onChange: (v: string) => void; min: number; placeholder?: string }) {
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" inputMode="numeric" min={min} step={1} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function BuildForm({ taskDatasets }: { taskDatasets: string[] }) {
  const [draft, setDraft] = useState<BuildDraft>(DEFAULT_BUILD);
  const { jobs } = useJobs();
  const estimate = useAction((config: JobArgs<'hierarchy.build'>) => getApiClient()['hierarchy.estimate']({ config }));
  const start = useAction((args: JobArgs<'hierarchy.build'>) => jobsStore.startJob({ kind: 'hierarchy.build', args }));
  const parsed = buildArgs(draft);
  const job = latestJob(jobs, 'hierarchy.build');
  const set = (key: keyof BuildDraft) => (value: string | boolean) => {
    setDraft((d) => ({ ...d, [key]: value }));
    estimate.reset();
  };

  const onEstimate = (e: FormEvent) => {
    e.preventDefault();
    if (parsed.ok) void estimate.run(parsed.args);
  };

  return (
    <form className="panel" onSubmit={onEstimate} aria-labelledby="build-title">
      <h3 id="build-title">Build a hierarchy</h3>
      <div className="field-grid">
        <div className="form-field">
          <label htmlFor="build-name">Name</label>
          <input id="build-name" type="text" value={draft.name} onChange={(e) => set('name')(e.target.value)} placeholder="O*NET task hierarchy" />
        </div>
        <div className="form-field">
          <label htmlFor="build-dataset">Task dataset</label>
          <input id="build-dataset" type="text" list="task-datasets" value={draft.taskDataset} onChange={(e) => set('taskDataset')(e.target.value)} placeholder="aei-2025-02-10" />
          <datalist id="task-datasets">
            {taskDatasets.map((d) => (
              <option key={d} value={d} />
            ))}
          </datalist>
        </div>
        <NumberInput id="build-levels" label="Levels (2–6)" value={draft.levels} onChange={set('levels')} min={2} />
        <NumberInput id="build-top" label="Top-level size" value={draft.nTop} onChange={set('nTop')} min={2} />
        <NumberInput id="build-sample" label="Sample of base tasks (optional)" value={draft.sampleSize} onChange={set('sampleSize')} min={50} placeholder="all tasks" />
        <NumberInput id="build-seed" label="Seed" value={draft.seed} onChange={set('seed')} min={0} />
      </div>
      <label className="inline-choice">
        <input id="build-batches" type="checkbox" checked={draft.batches} onChange={(e) => set('batches')(e.target.checked)} /> Use the Batches API (half
        price, can take hours)
      </label>
      <EstimateFirst
        parsed={parsed}
        estimate={estimate}
        start={start}
        ids={{ estimate: 'build-estimate', start: 'build-start' }}
        startLabel="Build"
        what="the build"
        renderEstimate={(e) => <EstimateView estimate={e} />}
      />
      {job && (
        <div className="page-job" id="hierarchy-job">
          <JobCard job={job} dismissable={false} />
        </div>
      )}
    </form>
  );
}
