// Reference data: the O*NET, SOC, BLS and Anthropic Economic Index files the analyses join against.
// One click imports what ships with the app; any other file can be previewed and imported.
import { useResource } from '../../app/resource';
import { ErrorBox } from '../../components/ErrorBox';
import { formatDateTime, formatInt } from '../../components/format';
import { useAction } from '../../components/useAction';
import { ImportFileForm } from './ImportFileForm';
import { importBundled, referenceStatusStore } from './store';

function StatusTable() {
  const state = useResource(referenceStatusStore);
  if (state.error && !state.data) return <ErrorBox title="Could not read the imported data" error={state.error} onRetry={() => void referenceStatusStore.load()} />;
  if (!state.data) return <p className="status">Reading…</p>;
  if (state.data.length === 0) return <p className="note" id="reference-empty">Nothing imported yet.</p>;
  return (
    <div className="table-wrap">
      <table className="data-table list-table" id="reference-status">
        <caption className="visually-hidden">Imported reference data</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Dataset</th>
            <th scope="col">File</th>
            <th scope="col">Rows</th>
            <th scope="col">SHA-256</th>
            <th scope="col">Imported</th>
          </tr>
        </thead>
        <tbody>
          {state.data.map((d) => (
            <tr key={`${d.dataset}/${d.kind}/${d.file}`}>
              <td>{d.kind}</td>
              <td>{d.dataset}</td>
              <td>
                <code>{d.file}</code>
              </td>
              <td>{formatInt(d.rows)}</td>
              <td>
                <code title={d.sha256}>{d.sha256.slice(0, 12)}</code>
              </td>
              <td>{formatDateTime(d.importedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BundledImport() {
  const action = useAction(importBundled);
  return (
    <section className="panel" aria-labelledby="bundled-title">
      <h3 id="bundled-title">Data shipped with Task Atlas</h3>
      <p className="note">O*NET 29.2, the SOC crosswalks, BLS employment and wages, and the Anthropic Economic Index release of 2025-02-10.</p>
      <button type="button" className="button" id="import-bundled" disabled={action.state.status === 'running'} onClick={() => void action.run()}>
        {action.state.status === 'running' ? 'Importing…' : 'Import bundled data'}
      </button>
      {action.state.status === 'done' && (
        <p role="status" className="success" id="bundled-result">
          Imported {action.state.result.imported} file{action.state.result.imported === 1 ? '' : 's'}; {action.state.result.skipped} already
          present.
        </p>
      )}
      {action.state.status === 'error' && <ErrorBox title="Could not import the bundled data" error={action.state.error} />}
    </section>
  );
}

export function ReferencePage() {
  return (
    <div className="wizard-page">
      <h2>Reference data</h2>
      <p className="summary">The occupational data every analysis joins against. Files are checked (SHA-256) so a project records exactly what it used.</p>
      <BundledImport />
      <section aria-labelledby="ref-status-title">
        <h3 id="ref-status-title">In this project</h3>
        <StatusTable />
      </section>
      <ImportFileForm />
    </div>
  );
}
