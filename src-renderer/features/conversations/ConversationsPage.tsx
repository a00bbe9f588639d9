// Conversations: bring in the chats to classify. Type a path, preview what would be read (format,
// samples, rejections by line), map CSV columns, then import as a job with an error report.
import { useState, type FormEvent } from 'react';
import type { ConversationPreview } from '../../../src-shared/api';
import { CONVERSATION_FORMATS } from '../../../src-shared/jobs';
import { useResource } from '../../app/resource';
import { ErrorBox } from '../../components/ErrorBox';
import { formatDateTime, formatInt } from '../../components/format';
import { PathInput } from '../../components/PathInput';
import { useAction } from '../../components/useAction';
import { getApiClient } from '../../transport/client';
import { coverageText } from '../classify/coverage';
import { latestJob } from '../jobs/model';
import { jobsStore, useJobs } from '../jobs/store';
import { ImportReport } from './ImportReport';
import { datasetStatusText } from './dataset-status';
import { importArgs, initialMapping, isFormat, mappingProblem, type MappingDraft, type OasstMode } from './mapping';
import { MappingForm } from './MappingForm';
import { PreviewView } from './PreviewView';
import { datasetsStore } from './store';

type Format = (typeof CONVERSATION_FORMATS)[number];

function ImportForm() {
  const [path, setPath] = useState('');
  const [format, setFormat] = useState<Format>('auto');
  const [dataset, setDataset] = useState('');
  const [mapping, setMapping] = useState<MappingDraft>();
  const [oasstMode, setOasstMode] = useState<OasstMode>('branches');
  const preview = useAction(async (p: string, f: Format) => {
    const result = await getApiClient()['conversations.preview']({ path: p, ...(f === 'auto' ? {} : { format: f }) });
    setMapping(result.columns ? initialMapping(result) : undefined);
    return result;
  });
  const start = useAction((args: ReturnType<typeof importArgs>) => jobsStore.startJob({ kind: 'conversations.import', args }));
  const shown: ConversationPreview | undefined = preview.state.status === 'done' ? preview.state.result : undefined;
  const badName = dataset.trim() !== '' && !/^[\w.-]+$/.test(dataset.trim());
  const blocked = (mapping ? mappingProblem(mapping) : undefined) ?? (badName ? 'bad dataset name' : undefined);

  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim()) void preview.run(path.trim(), format);
  };

  return (
    <form className="panel" onSubmit={onPreview} aria-labelledby="conv-import-title">
      <h3 id="conv-import-title">Import conversations</h3>
      <PathInput
        id="conversations-path"
        label="Conversations file"
        value={path}
        onChange={(v) => {
          setPath(v);
          preview.reset();
        }}
        required
        hint="JSONL, CSV, a Claude or ChatGPT export, ShareGPT, OpenAssistant (oasst) or WildChat."
      />
      <div className="field-grid">
        <div className="form-field">
          <label htmlFor="conversations-format">Format</label>
          <select id="conversations-format" value={format} onChange={(e) => isFormat(e.target.value) && (setFormat(e.target.value), preview.reset())}>
            {CONVERSATION_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f === 'auto' ? 'Detect automatically' : f}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="conversations-dataset">Dataset name (optional)</label>
          <input id="conversations-dataset" type="text" value={dataset} placeholder="from the file name" aria-invalid={badName} onChange={(e) => setDataset(e.target.value)} />
          {badName && <p className="field-error">Use letters, digits, “.”, “_” or “-”.</p>}
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button secondary" id="conversations-preview" disabled={!path.trim() || preview.state.status === 'running'}>
          {preview.state.status === 'running' ? 'Reading…' : 'Preview'}
        </button>
        <button
          type="button"
          className="button"
          id="conversations-import"
          disabled={!shown || Boolean(blocked) || start.state.status === 'running'}
          onClick={() => shown && void start.run(importArgs(path.trim(), format, shown, dataset, mapping, oasstMode))}
        >
          Import
        </button>
        {!shown && path.trim() !== '' && <span className="why-disabled">Preview the file first: Import is enabled once it has been read.</span>}
        {shown && blocked && <span className="why-disabled">Fix the {blocked === 'bad dataset name' ? 'dataset name' : 'column mapping'} first.</span>}
      </div>
      {preview.state.status === 'error' && <ErrorBox title="Could not preview the file" error={preview.state.error} />}
      {shown?.columns && mapping && <MappingForm columns={shown.columns} draft={mapping} onChange={setMapping} />}
      {shown?.format === 'oasst' && <OasstChoice value={oasstMode} onChange={setOasstMode} />}
      {shown && <PreviewView preview={shown} />}
      {start.state.status === 'error' && <ErrorBox title="Could not start the import" error={start.state.error} />}
    </form>
  );
}

/**
 * oasst files hold message trees: every reply starts a branch, and each root-to-leaf branch is one
 * conversation, so one question answered several ways counts several times unless told otherwise.
 */
function OasstChoice({ value, onChange }: { value: OasstMode; onChange: (m: OasstMode) => void }) {
  return (
    <fieldset className="settings-group" id="oasst-mode">
      <legend>OpenAssistant message trees</legend>
      <p className="note">
        This file holds message trees: each reply to a message starts a branch, and each branch from the first prompt to a last reply is
        imported as one conversation, so one tree can give several overlapping conversations.
      </p>
      <label className="inline-choice">
        <input type="radio" name="oasst-mode" value="branches" checked={value === 'branches'} onChange={() => onChange('branches')} /> One
        conversation per branch
      </label>
      <label className="inline-choice">
        <input type="radio" name="oasst-mode" id="oasst-longest" value="longest" checked={value === 'longest'} onChange={() => onChange('longest')} /> One
        conversation per tree (longest branch)
      </label>
    </fieldset>
  );
}

function DatasetList() {
  const state = useResource(datasetsStore);
  if (state.error && !state.data) return <ErrorBox title="Could not list the datasets" error={state.error} onRetry={() => void datasetsStore.load()} />;
  if (!state.data) return <p className="status">Reading…</p>;
  if (state.data.length === 0) return <p className="note">No conversations imported yet.</p>;
  return (
    <table className="data-table list-table" id="conversation-datasets">
      <thead>
        <tr>
          <th scope="col">Dataset</th>
          <th scope="col">Conversations</th>
          <th scope="col">Accounts</th>
          <th scope="col">Account ids</th>
          <th scope="col">Bad rows</th>
          <th scope="col">Files</th>
          <th scope="col">Imported</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {state.data.map((d) => (
          <tr key={d.dataset}>
            <td>{d.dataset}</td>
            <td>{formatInt(d.conversations)}</td>
            <td>{formatInt(d.accounts)}</td>
            <td>{coverageText(d)}</td>
            <td>{formatInt(d.badRows)}</td>
            <td>
              {d.files.map((f) => (
                <code key={f}>{f} </code>
              ))}
            </td>
            <td>{formatDateTime(d.importedAt)}</td>
            <td className={d.status === 'complete' ? undefined : 'warning'}>{datasetStatusText(d) ?? 'complete'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ConversationsPage() {
  const { jobs } = useJobs();
  const job = latestJob(jobs, 'conversations.import');
  return (
    <div className="wizard-page">
      <h2>Conversations</h2>
      <p className="summary">The chats to classify. They stay in the project file on this machine; only a Claude classification run sends them out, to Claude.</p>
      <ImportForm />
      {job && <ImportReport job={job} />}
      <section aria-labelledby="datasets-title">
        <h3 id="datasets-title">Datasets in this project</h3>
        <DatasetList />
      </section>
    </div>
  );
}
