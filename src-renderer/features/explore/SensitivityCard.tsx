// The privacy-threshold sweep of the run on show (paper B: tasks need ≥15 conversations from ≥5
// accounts): for each setting, recomputed from the stored classifications with no API calls, the
// tasks kept, the share of conversations they hold and the largest change of a category share
// against the run's own thresholds (the marked row). Says so when the account threshold cannot apply.
import { useEffect, useState } from 'react';
import type { ApiErrorPayload } from '../../../src-shared/api';
import type { RunReport } from '../../../src-shared/report';
import type { SensitivityReport } from '../../../src-shared/sensitivity';
import { fmt, fmtInt } from '../../../src-shared/charts/format';
import { thresholdsText } from '../../../src-shared/thresholds';
import { ErrorBox } from '../../components/ErrorBox';
import { toErrorPayload } from '../../components/errors';
import { getApiClient } from '../../transport/client';
import { Section } from './ChartCard';
import { sectionTitle } from './Contents';

export const SENSITIVITY_SECTION = 'sensitivity';

type Result = { status: 'ready'; report: SensitivityReport } | { status: 'error'; error: ApiErrorPayload };
type State = { status: 'loading' } | Result;

/** The sweep of `run`; results are kept with the run they belong to, so a switch shows "loading" at once. */
function useSweep(run: string | undefined): State | null {
  const [result, setResult] = useState<{ run: string; result: Result } | null>(null);
  useEffect(() => {
    if (run === undefined) return;
    let live = true;
    const api = getApiClient();
    api['analysis.sensitivity']({ run })
      .then((report) => live && setResult({ run, result: { status: 'ready', report } }))
      .catch((err: unknown) => live && setResult({ run, result: { status: 'error', error: toErrorPayload(err) } }));
    return () => {
      live = false;
    };
  }, [run]);
  if (run === undefined) return null;
  return result?.run === run ? result.result : { status: 'loading' };
}

function SweepTable({ report }: { report: SensitivityReport }) {
  return (
    <div className="table-wrap" role="region" aria-label="Threshold sweep" tabIndex={0}>
      <table id="sensitivity-table" className="data-table">
        <thead>
          <tr>
            <th scope="col">≥ conversations</th>
            <th scope="col">≥ accounts</th>
            <th scope="col">Tasks kept</th>
            <th scope="col">Conversations kept</th>
            <th scope="col">Largest category change</th>
          </tr>
        </thead>
        <tbody>
          {report.cells.map((c) => (
            <tr key={`${c.minConversations}-${c.minAccounts}`} className={c.chosen ? 'chosen' : undefined} aria-current={c.chosen ? 'true' : undefined}>
              <td>
                {fmtInt(c.minConversations)}
                {c.chosen && <strong> (this run)</strong>}
              </td>
              <td>{report.chosen.accountsApplied ? fmtInt(c.minAccounts) : 'not applied'}</td>
              <td>
                {fmtInt(c.tasksKept)} of {fmtInt(report.tasksTotal)}
              </td>
              <td>{fmt(c.conversationsKeptPct, 1)}%</td>
              <td>{c.maxCategoryChange.category === null ? '0 pp' : `${fmt(c.maxCategoryChange.pp, 2)} pp (${c.maxCategoryChange.category})`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SensitivityCard({ run }: { run: RunReport | undefined }) {
  const state = useSweep(run?.run);
  const caption =
    'Each row keeps the tasks with at least that many conversations (and distinct accounts, when the conversations carry account ids), ' +
    'recomputed from the stored classifications with no new API calls. The last column is the largest change of an occupational ' +
    'category’s share against the run’s own thresholds. Computed over the whole run: the filters do not apply.';
  return (
    <Section id={SENSITIVITY_SECTION} title={sectionTitle(SENSITIVITY_SECTION)} caption={caption}>
      {!run ? (
        <div className="unavailable" data-unavailable="true">
          <p>A threshold sweep needs an own classification run: a published release was thresholded before it was published.</p>
        </div>
      ) : state?.status === 'ready' ? (
        <>
          <p className="summary" id="sensitivity-summary">
            Run {state.report.run}: {fmtInt(state.report.conversations)} classified conversations in {fmtInt(state.report.tasksTotal)} tasks; chosen
            thresholds {thresholdsText(state.report.chosen, fmtInt)}.
          </p>
          <SweepTable report={state.report} />
        </>
      ) : state?.status === 'error' ? (
        <ErrorBox title="Could not compute the threshold sweep" error={state.error} />
      ) : (
        <p role="status">Computing the sweep…</p>
      )}
    </Section>
  );
}
