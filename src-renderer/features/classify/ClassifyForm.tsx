// Starting a classification run: the form, the models in use (from Settings), a cost estimate that
// must come before the Run button, and the run's live job card with Pause / Cancel / Resume.
import { useEffect, useReducer, type FormEvent } from 'react';
import type { ClassifyEstimateView } from '../../../src-shared/api';
import type { JobArgs } from '../../../src-shared/jobs';
import { useResource } from '../../app/resource';
import { formatInt, formatTokens, formatUsd } from '../../components/format';
import { useAction } from '../../components/useAction';
import { getApiClient } from '../../transport/client';
import { datasetsStore } from '../conversations/store';
import { hierarchiesStore } from '../hierarchy/store';
import { jobsStore } from '../jobs/store';
import { settingsStore } from '../settings/store';
import { classifyArgs, defaultDraft, type ClassifyDraft } from './classify-args';
import { planOfDraft, thresholdWarnings } from './coverage';
import { draftReducer, nameNote } from './draft';
import { DatasetChoice, MethodChoice, Thresholds } from './ClassifyOptions';
import { runsStore } from './store';
import { EstimateFirst } from '../../components/EstimateFirst';
import { useDemoActive } from '../project/demo';
import { WindowAndIntervals } from './WindowAndIntervals';

// The draft outlives the page, so stepping to Settings and back does not lose what was typed.
let savedDraft: ClassifyDraft | undefined;

function EstimateView({ estimate }: { estimate: ClassifyEstimateView }) {
  const simulated = useDemoActive();
  return (
    <div className="estimate" id="classify-estimate" role="status">
      <p>
        {formatInt(estimate.conversations)} conversations: about {formatInt(estimate.calls)} Claude calls, {formatTokens(estimate.inputTokens)} input and{' '}
        {formatTokens(estimate.outputTokens)} output tokens.
      </p>
      <p>
        {simulated ? 'Simulated cost (demo mode: nothing is sent or paid) ≈ ' : 'Estimated cost '}
        <strong className="cost">{formatUsd(estimate.costUsd)}</strong> ({formatUsd(estimate.costUsdWithCaching)} with prompt caching,{' '}
        {formatUsd(estimate.costUsdWithBatches)} with the Batches API).
        {!estimate.priceKnown && ' A model’s price is unknown, so the cost is a guess.'}
      </p>
      {estimate.note && <p className="note">{estimate.note}</p>}
    </div>
  );
}

function ThresholdWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="warnings" id="classify-warnings" aria-label="Before you run">
      {warnings.map((w) => (
        <li key={w}>{w}</li>
      ))}
    </ul>
  );
}

function ModelsInUse({ onSettings }: { onSettings: () => void }) {
  const settings = useResource(settingsStore);
  const models = settings.data?.settings.models;
  return (
    <p className="note" id="classify-models">
      Models:{' '}
      {models
        ? `screening ${models.screening}, task ${models.task}, pattern ${models.pattern}, skills ${models.skills}, summary ${models.summary}.`
        : 'reading the settings…'}{' '}
      <a href="#/settings" onClick={(e) => (e.preventDefault(), onSettings())}>
        Change them in Settings
      </a>
    </p>
  );
}

export function ClassifyForm({ onSettings }: { onSettings: () => void }) {
  const datasets = useResource(datasetsStore).data ?? [];
  const hierarchies = (useResource(hierarchiesStore).data ?? []).filter((h) => h.status !== 'failed');
  const runs = useResource(runsStore).data;
  const [draft, dispatch] = useReducer(draftReducer, undefined, () => savedDraft ?? defaultDraft());
  const runNames = runs?.map((r) => r.run);
  const note = nameNote(draft.name, runNames);
  const estimate = useAction((config: JobArgs<'classify.run'>) => getApiClient()['classify.estimate']({ config }));
  const start = useAction(async (args: JobArgs<'classify.run'>) => {
    const job = await jobsStore.startJob({ kind: 'classify.run', args });
    dispatch({ type: 'started', args });
    return job;
  });
  const parsed = classifyArgs(draft);

  useEffect(() => {
    savedDraft = draft;
  }, [draft]);
  // Suggest a free run name once the existing runs are known (the reducer never overwrites one).
  useEffect(() => {
    if (runs && !draft.name) dispatch({ type: 'runs-loaded', runs: runs.map((r) => r.run) });
  }, [runs, draft.name]);

  const set = <K extends keyof ClassifyDraft>(key: K, value: ClassifyDraft[K]) => {
    dispatch({ type: 'set', patch: { [key]: value } as Partial<ClassifyDraft> });
    estimate.reset();
  };
  const onEstimate = (e: FormEvent) => {
    e.preventDefault();
    if (parsed.ok) void estimate.run(parsed.args);
  };

  return (
    <form className="panel" onSubmit={onEstimate} aria-labelledby="classify-title">
      <h3 id="classify-title">New run</h3>
      <div className="form-field">
        <label htmlFor="run-name">Run name</label>
        <input id="run-name" type="text" value={draft.name} onChange={(e) => set('name', e.target.value)} required aria-describedby={note ? 'run-name-note' : undefined} />
        {note && (
          <p className="note" id="run-name-note">
            {note}
          </p>
        )}
      </div>
      <DatasetChoice draft={draft} set={set} datasets={datasets} />
      <MethodChoice draft={draft} set={set} hierarchies={hierarchies} />
      <Thresholds draft={draft} set={set} />
      <WindowAndIntervals draft={draft} set={set} />
      <ThresholdWarnings warnings={thresholdWarnings(datasets, planOfDraft(draft))} />
      {draft.method === 'claude' && <ModelsInUse onSettings={onSettings} />}
      <EstimateFirst
        parsed={parsed}
        estimate={estimate}
        start={start}
        ids={{ estimate: 'classify-estimate-button', start: 'classify-start' }}
        startLabel="Run"
        what="the run"
        renderEstimate={(e) => <EstimateView estimate={e} />}
      />
    </form>
  );
}
