// The classification runs of an open review bundle: one row per run, and the chosen run's paper
// Figures 5 (skills), 8 (usage by model) and 10 (conversations vs accounts), drawn from the
// bundled RunReport with the same chart modules as the app and the HTML report.
import { useId, useMemo, useState } from 'react';
import type { RunReport } from '../../../src-shared/report';
import type { RunInfo } from '../../../src-shared/api';
import * as fig5 from '../../../src-shared/charts/fig5Skills';
import * as fig8 from '../../../src-shared/charts/fig8Models';
import * as fig10 from '../../../src-shared/charts/fig10ConvVsAccount';
import { fmt, fmtInt } from '../../../src-shared/charts/format';
import { Plot } from '../../components/Plot';
import { appliedThresholds, thresholdsText } from '../../../src-shared/thresholds';


function RunFigures({ report }: { report: RunReport }) {
  const figures = useMemo(
    () => ({ fig5: fig5.toFigure(report), fig8: fig8.toFigure(report), fig10: fig10.toFigure(report) }),
    [report],
  );
  const r = report.conversationVsAccount.correlation.pearson;
  return (
    <div className="review-run-figures">
      <h4>Figure 5 · Skills exhibited</h4>
      <Plot id="review-fig5" figure={figures.fig5} label="Bar chart: share of classified conversations exhibiting each skill" />
      <h4>Figure 8 · Usage by model</h4>
      <Plot id="review-fig8" figure={figures.fig8} label="Bar chart: category shares of usage per model" />
      <h4>Figure 10 · Conversations vs accounts</h4>
      <Plot id="review-fig10" figure={figures.fig10} label="Bar chart: category shares counted by conversations and by accounts" />
      <p className="caption">
        {report.accountsKnown ? `Pearson r between the two counts: ${fmt(r, 3)}.` : fig10.NO_ACCOUNTS_TEXT + '.'}
      </p>
    </div>
  );
}

export function ReviewRuns({ runs, runInfo }: { runs: Record<string, RunReport>; runInfo: Record<string, RunInfo> }) {
  const names = Object.keys(runs);
  const [chosen, setChosen] = useState<string | undefined>(names[0]);
  const selectId = useId();
  if (names.length === 0) return <p className="review-runs-none">This bundle holds no classification runs.</p>;
  const current = chosen !== undefined && runs[chosen] ? runs[chosen] : runs[names[0]!]!;
  return (
    <section className="review-runs" aria-label="Classification runs in the bundle">
      <h3>Classification runs ({names.length})</h3>
      <table className="data-table review-runs-table">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Method</th>
            <th scope="col">Conversations classified</th>
            <th scope="col">Tasks kept</th>
            <th scope="col">Privacy thresholds</th>
            <th scope="col">Usage source</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const r = runs[name]!;
            const info = runInfo[name];
            return (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{r.method}</td>
                <td>{info ? fmtInt(info.classified) : 'n/a'}</td>
                <td>
                  {fmtInt(r.tasks.kept)} of {fmtInt(r.tasks.total)}
                </td>
                <td>{thresholdsText(appliedThresholds(r))}</td>
                <td>
                  <code>{r.sourceId}</code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        <label htmlFor={selectId}>Run shown: </label>
        <select id={selectId} value={current.run} onChange={(e) => setChosen(e.target.value)}>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </p>
      <RunFigures report={current} />
    </section>
  );
}
