// Before a run has a reconstruction: what it would do, its cost first (the same estimate as
// `task-atlas reconstruct --estimate`), then Start, which stays disabled until that estimate is on
// screen, as in every form that spends money. A reconstruction already under way is said instead.
import type { FormEvent } from 'react';
import type { ReconstructEstimate } from '../../../src-shared/reconstruct';
import { isActive, type JobArgs } from '../../../src-shared/jobs';
import { EstimateFirst } from '../../components/EstimateFirst';
import { formatInt, formatUsd } from '../../components/format';
import { useAction } from '../../components/useAction';
import { getApiClient } from '../../transport/client';
import { jobsStore, useJobs } from '../jobs/store';

function EstimateView({ e }: { e: ReconstructEstimate }) {
  return (
    <p role="status" id="reconstruct-estimate">
      {formatInt(e.conversations)} conversations; levels {e.levels.map((l) => `≈${formatInt(l.meanClusterSize)} (k ≤ ${formatInt(l.clusters)})`).join(', ') || 'none'};{' '}
      {formatInt(e.calls)} Claude calls, {formatInt(e.inputTokens)} input and {formatInt(e.outputTokens)} output tokens:{' '}
      {e.priceKnown ? (
        <>
          <strong className="cost">{formatUsd(e.costUsd)}</strong> ({formatUsd(e.costUsdWithBatches)} with the Batches API)
        </>
      ) : (
        'price unknown for this model'
      )}
      . Note: {e.note}.
    </p>
  );
}

export function ReconstructStart({ run }: { run: string }) {
  const { jobs } = useJobs();
  const args: JobArgs<'reconstruct.run'> = { run };
  const estimate = useAction((a: JobArgs<'reconstruct.run'>) => getApiClient()['reconstruct.estimate']({ config: a }));
  const start = useAction((a: JobArgs<'reconstruct.run'>) => jobsStore.startJob({ kind: 'reconstruct.run', args: a }));
  const running = jobs.find((j) => j.kind === 'reconstruct.run' && isActive(j) && (j.args as { run?: string }).run === run);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void estimate.run(args);
  };
  return (
    <form className="unavailable" data-reconstruction="none" onSubmit={submit} aria-label="Start a reconstruction">
      <p>
        No reconstruction yet — run <code>task-atlas reconstruct --run {run}</code> or start it here. It summarises each
        conversation, clusters the summaries at mean sizes of about 10, 100 and 1,000 conversations and places every cluster
        on the run’s hierarchy, with the run’s method.
      </p>
      {running ? (
        <p role="status">A reconstruction of this run is under way; follow it in the job tray. Its charts appear here when it finishes.</p>
      ) : (
        <EstimateFirst
          parsed={{ ok: true, args }}
          estimate={estimate}
          start={start}
          ids={{ estimate: 'reconstruct-estimate-button', start: 'reconstruct-start' }}
          startLabel="Start the reconstruction"
          what="the reconstruction"
          renderEstimate={(e) => <EstimateView e={e} />}
        />
      )}
    </form>
  );
}
