// The validation report of one run (paper Appendix C): accuracy per level with Wilson 95% intervals,
// agreement between validators, the disagreements to adjudicate, and pattern shares corrected for
// misclassification. Tables with captions and header cells, so a screen reader reads them as data.
import {
  accuracyRows,
  agreementRows,
  correctionMethod,
  disagreementSummary,
  reportSummary,
  shareRows,
  type AnalystReport,
} from './analyst-report';

/** The first disagreements, for adjudication; the full list is in `task-atlas validate report --json`. */
const SHOWN_DISAGREEMENTS = 20;

function Accuracy({ report }: { report: AnalystReport }) {
  const rows = accuracyRows(report);
  if (rows.length === 0) return <p className="note">No labels have been imported for this run yet: import the validators’ label files above.</p>;
  return (
    <div className="table-wrap">
      <table className="data-table list-table" id="validation-accuracy">
        <caption>Accuracy per level (majority of validators; Wilson 95% intervals)</caption>
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col">Accuracy</th>
            <th scope="col">95% interval</th>
            <th scope="col">Correct / judged</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.level}</th>
              <td className="accuracy">{r.accuracy}</td>
              <td>{r.interval}</td>
              <td>{r.counts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Agreement({ report }: { report: AnalystReport }) {
  return (
    <div className="table-wrap">
      <table className="data-table list-table" id="validation-agreement">
        <caption>Agreement between validators</caption>
        <thead>
          <tr>
            <th scope="col">Facet</th>
            <th scope="col">Validators</th>
            <th scope="col">Shared units</th>
            <th scope="col">Cohen’s κ</th>
            <th scope="col">Krippendorff’s α</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {agreementRows(report).map((r) => (
            <tr key={r.facet}>
              <th scope="row">{r.facet}</th>
              <td>{r.validators}</td>
              <td>{r.sharedUnits}</td>
              <td className="kappa">{r.kappa}</td>
              <td className="alpha">{r.alpha}</td>
              <td>{r.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Disagreements({ report }: { report: AnalystReport }) {
  const shown = report.disagreements.slice(0, SHOWN_DISAGREEMENTS);
  return (
    <>
      <p id="validation-disagreements" data-count={report.disagreements.length}>
        {disagreementSummary(report)}
      </p>
      {shown.length > 0 && (
        <details>
          <summary>
            {shown.length < report.disagreements.length ? `The first ${shown.length}` : 'List them'}
          </summary>
          <ul className="disagreement-list">
            {shown.map((d) => (
              <li key={`${d.itemId}:${d.level ?? 'p'}`}>
                <code>{d.itemId}</code> {d.facet === 'task' ? `task, level ${d.level}` : 'pattern'}:{' '}
                {Object.entries(d.judgements)
                  .map(([v, j]) => `${v} ${j}`)
                  .join('; ')}
                {d.tie && ' (tie)'}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function CorrectedShares({ report }: { report: AnalystReport }) {
  const c = report.correctedPatternShares;
  if (!c) return null;
  return (
    <div className="table-wrap">
      <table className="data-table list-table" id="validation-shares">
        <caption>Collaboration pattern shares, raw and corrected for misclassification</caption>
        <thead>
          <tr>
            <th scope="col">Pattern</th>
            <th scope="col">Raw</th>
            <th scope="col">Corrected</th>
            <th scope="col">95% interval</th>
            <th scope="col">Change (points)</th>
          </tr>
        </thead>
        <tbody>
          {shareRows(c).map((r) => (
            <tr key={r.pattern}>
              <th scope="row">{r.pattern}</th>
              <td>{r.raw}</td>
              <td>{r.corrected}</td>
              <td>{r.interval}</td>
              <td>{r.change}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">{correctionMethod(c)}</p>
    </div>
  );
}

export function ValidationReportView({ report }: { report: AnalystReport }) {
  return (
    <div className="validation-report" id="validation-report" aria-live="polite">
      <p className="report-summary">{reportSummary(report)}</p>
      <Accuracy report={report} />
      {report.validators.length > 0 && <Agreement report={report} />}
      <Disagreements report={report} />
      <CorrectedShares report={report} />
    </div>
  );
}
