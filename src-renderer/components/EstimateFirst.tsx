// The end of every form that starts paid work (hierarchy build, classification run): the form's
// own validation message, "Estimate cost" (the form's submit), then the start button, enabled only
// once an estimate for the current inputs is on screen (a successful start uses it up), and the
// errors of either call.
import type { ReactNode } from 'react';
import type { Action } from './useAction';
import { ErrorBox } from './ErrorBox';

type Parsed<A> = { ok: true; args: A } | { ok: false; error: string };

interface Props<A, E> {
  parsed: Parsed<A>;
  estimate: Action<[A], E>;
  start: Action<[A], unknown>;
  /** Element ids: `${ids.estimate}` and `${ids.start}` (the browser tests use them). */
  ids: { estimate: string; start: string };
  startLabel: string;
  /** "the build", "the run": used in error titles. */
  what: string;
  renderEstimate: (estimate: E) => ReactNode;
}

export function EstimateFirst<A, E>({ parsed, estimate, start, ids, startLabel, what, renderEstimate }: Props<A, E>) {
  const estimated = estimate.state.status === 'done';
  // Starting spends the estimate: the next start is a new decision about money and needs its own.
  const startThenForget = async (args: A) => {
    if ((await start.run(args)) !== undefined) estimate.reset();
  };
  return (
    <>
      {!parsed.ok && (
        <p className="field-error" role="alert">
          {parsed.error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button secondary" id={ids.estimate} disabled={!parsed.ok || estimate.state.status === 'running'}>
          Estimate cost
        </button>
        <button
          type="button"
          className="button"
          id={ids.start}
          disabled={!parsed.ok || !estimated || start.state.status === 'running'}
          aria-describedby={parsed.ok && !estimated ? `${ids.start}-why` : undefined}
          onClick={() => parsed.ok && void startThenForget(parsed.args)}
        >
          {startLabel}
        </button>
        {/* Said beside the button, not in a hover title: touch screens and keyboards never see a title. */}
        {parsed.ok && !estimated && (
          <span className="why-disabled" id={`${ids.start}-why`}>
            {startLabel} is enabled once the cost is estimated.
          </span>
        )}
      </div>
      {estimate.state.status === 'done' && renderEstimate(estimate.state.result)}
      {estimate.state.status === 'error' && <ErrorBox title={`Could not estimate ${what}`} error={estimate.state.error} />}
      {start.state.status === 'error' && <ErrorBox title={`Could not start ${what}`} error={start.state.error} />}
    </>
  );
}
