// Importing one reference file: pick its kind, type its path, preview what would be read (columns,
// first rows, problems with file:line), then import. Problems are shown before anything is written.
import { useState, type FormEvent } from 'react';
import { IMPORT_KINDS, type ImportKind, type ReferencePreview } from '../../../src-shared/api';
import { ErrorBox } from '../../components/ErrorBox';
import { formatBytes, formatInt } from '../../components/format';
import { PathInput } from '../../components/PathInput';
import { useAction } from '../../components/useAction';
import { getApiClient } from '../../transport/client';
import { importReferenceFile } from './store';
import { progressText, useAbortable, useCallProgress } from './cancellable';

function PreviewView({ preview }: { preview: ReferencePreview }) {
  return (
    <section className="preview" aria-labelledby="ref-preview-title" id="reference-preview">
      <h4 id="ref-preview-title">
        Preview of <code>{preview.file}</code> ({formatBytes(preview.sizeBytes)}, {preview.columns.length} columns)
      </h4>
      {preview.problems.length > 0 ? (
        <ul className="problems" aria-label="Problems found">
          {preview.problems.map((p, i) => (
            <li key={i}>
              <code>{[preview.file, p.line, p.column].filter((x) => x !== undefined).join(':')}</code> {p.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="note">No problems found in the preview.</p>
      )}
      <div className="table-wrap">
        <table className="data-table preview-table">
          <thead>
            <tr>
              {preview.columns.map((c, i) => (
                <th key={i} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ImportFileForm() {
  const [kind, setKind] = useState<ImportKind>('onet-tasks');
  const [path, setPath] = useState('');
  const [dataset, setDataset] = useState('');
  const previewRun = useAbortable();
  const importRun = useAbortable();
  const preview = useAction((k: ImportKind, p: string) => getApiClient()['reference.preview']({ kind: k, path: p }, { signal: previewRun.next() }));
  const importing = useAction((k: ImportKind, p: string, d: string | undefined, replace: boolean) => importReferenceFile(k, p, d, importRun.next(), replace));
  const progress = useCallProgress('reference.importFile', importing.state.status === 'running');

  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    importing.reset();
    if (path.trim()) void preview.run(kind, path.trim());
  };
  const shown = preview.state.status === 'done' ? preview.state.result : undefined;
  // Import the previewed file only: changing kind or path after a preview needs a new preview.
  const previewMatches = shown !== undefined && shown.kind === kind;

  return (
    <form className="panel" onSubmit={onPreview} aria-labelledby="import-file-title">
      <h3 id="import-file-title">Import a file</h3>
      <div className="field-grid">
        <div className="form-field">
          <label htmlFor="import-kind">Kind of file</label>
          <select id="import-kind" value={kind} onChange={(e) => setKind(e.target.value as ImportKind)}>
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="import-dataset">Dataset name (optional)</label>
          <input id="import-dataset" type="text" value={dataset} placeholder="e.g. onet-29.2" onChange={(e) => setDataset(e.target.value)} />
        </div>
      </div>
      <PathInput id="import-path" label="File path" value={path} onChange={(v) => { setPath(v); preview.reset(); }} required hint="CSV, TSV or Excel file as published (O*NET, BLS, AEI releases)." />
      <div className="actions">
        <button type="submit" className="button secondary" disabled={!path.trim() || preview.state.status === 'running'}>
          {preview.state.status === 'running' ? 'Reading…' : 'Preview'}
        </button>
        <button
          type="button"
          className="button"
          disabled={!previewMatches || importing.state.status === 'running'}
          onClick={() => void importing.run(kind, path.trim(), dataset.trim() || undefined, false)}
        >
          {importing.state.status === 'running' ? 'Importing…' : 'Import'}
        </button>
        {(preview.state.status === 'running' || importing.state.status === 'running') && (
          <button
            type="button"
            className="button secondary"
            id="import-cancel"
            onClick={() => {
              previewRun.cancel();
              importRun.cancel();
            }}
          >
            Cancel
          </button>
        )}
      </div>
      {importing.state.status === 'running' && (
        <p role="status" className="muted" id="import-progress">
          {progressText(progress)}
        </p>
      )}
      {preview.state.status === 'error' && preview.state.error.kind !== 'cancelled' && (
        <ErrorBox title="Could not preview the file" error={preview.state.error} />
      )}
      {shown && <PreviewView preview={shown} />}
      {importing.state.status === 'error' &&
        (importing.state.error.kind === 'cancelled' ? (
          <p role="status">Import cancelled. A file still being read is not imported; the table above shows what the project holds.</p>
        ) : (
          <>
            <ErrorBox title="Import failed; nothing was written" error={importing.state.error} />
            {importing.state.error.kind === 'conflict' && (
              <button
                type="button"
                className="button danger"
                id="import-replace"
                onClick={() => void importing.run(kind, path.trim(), dataset.trim() || undefined, true)}
              >
                Replace the dataset&apos;s file with this one
              </button>
            )}
          </>
        ))}
      {importing.state.status === 'done' && (
        <p role="status" className="success">
          Imported {formatInt(importing.state.result.rows)} rows of {importing.state.result.kind} into {importing.state.result.dataset}.
        </p>
      )}
    </form>
  );
}
