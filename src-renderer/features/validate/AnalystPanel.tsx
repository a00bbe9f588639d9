// Validate, the analyst's side (paper Appendix C): draw a packet of classifications for validators,
// import the label files they send back, and report the classifier's accuracy for the run. The
// packet is written on the machine running Task Atlas when a path is given, and can always be
// downloaded (the browser build has no file dialog).
import { useEffect, useState, type DragEvent, type FormEvent } from 'react';
import type { RunInfo } from '../../../src-shared/api';
import { useResource } from '../../app/resource';
import { ErrorBox } from '../../components/ErrorBox';
import { PathInput } from '../../components/PathInput';
import { formatInt } from '../../components/format';
import { runsStore } from '../classify/store';
import { refreshProjectState } from '../project/store';
import { saveJsonText } from '../../components/save-file';
import { importSummary, packetFileName } from './analyst-report';
import { analystStore, labelFilesToSend, sampleArgs, useAnalyst, type AnalystState, type SampleDraft } from './analyst-store';
import { ValidationReportView } from './ValidationReportView';
import './analyst.css';

/** A new packet or new labels change the Validate step's summary in the step nav. */
async function thenRefreshSteps(call: Promise<void>, key: 'sample' | 'imported'): Promise<void> {
  await call;
  if (analystStore.getSnapshot()[key].status === 'done') refreshProjectState();
}

function RunPicker({ runs, draft }: { runs: RunInfo[]; draft: SampleDraft }) {
  return (
    <div className="form-field">
      <label htmlFor="analyst-run">Classification run</label>
      <select id="analyst-run" value={draft.run} onChange={(e) => analystStore.setDraft({ run: e.target.value })}>
        {runs.map((r) => (
          <option key={r.run} value={r.run}>
            {r.run} ({formatInt(r.classified)} classified, {r.status})
          </option>
        ))}
      </select>
    </div>
  );
}

function SampleForm({ state }: { state: AnalystState }) {
  const { draft, sample } = state;
  const parsed = sampleArgs(draft);
  const set = (patch: Partial<SampleDraft>) => analystStore.setDraft(patch);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void thenRefreshSteps(analystStore.createPacket(), 'sample');
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="analyst-sample-title">
      <h3 id="analyst-sample-title">1. Create a validation packet</h3>
      <div className="panel-row">
        <div className="form-field">
          <label htmlFor="analyst-facet">What validators judge</label>
          <select id="analyst-facet" value={draft.facet} onChange={(e) => set({ facet: e.target.value as SampleDraft['facet'] })}>
            <option value="task">Task path (each hierarchy level)</option>
            <option value="pattern">Collaboration pattern</option>
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="analyst-method">Sampling</label>
          <select id="analyst-method" value={draft.method} onChange={(e) => set({ method: e.target.value as SampleDraft['method'] })}>
            <option value="stratified">Stratified (by top-level task or pattern)</option>
            <option value="simple">Simple random</option>
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="analyst-size">Items (the paper: 150)</label>
          <input id="analyst-size" type="text" inputMode="numeric" value={draft.size} onChange={(e) => set({ size: e.target.value })} />
        </div>
        <div className="form-field">
          <label htmlFor="analyst-seed">Seed (same seed, same sample)</label>
          <input id="analyst-seed" type="text" inputMode="numeric" value={draft.seed} onChange={(e) => set({ seed: e.target.value })} />
        </div>
      </div>
      <label className="inline-choice">
        <input id="analyst-redact" type="checkbox" checked={draft.redact} onChange={(e) => set({ redact: e.target.checked })} /> Redact e-mail addresses,
        links, phone and long numbers in the conversations
      </label>
      <PathInput
        id="analyst-out"
        label="Also save the packet to (optional)"
        value={draft.outPath}
        onChange={(outPath) => set({ outPath })}
        placeholder="~/validation/packet-task.json"
        hint="A path on the machine running Task Atlas. Either way you can download the packet below."
      />
      {!parsed.ok && (
        <p className="field-error" role="alert">
          {parsed.error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" id="analyst-create" disabled={!parsed.ok || sample.status === 'running'}>
          {sample.status === 'running' ? 'Creating…' : 'Create packet'}
        </button>
      </div>
      {sample.status === 'done' && <PacketResult result={sample.result} />}
      {sample.status === 'error' && <ErrorBox title="Could not create the packet" error={sample.error} />}
    </form>
  );
}

function PacketResult({ result }: { result: Extract<AnalystState['sample'], { status: 'done' }>['result'] }) {
  const download = () => saveJsonText(packetFileName(result.packetId), `${JSON.stringify(result.packet, null, 2)}\n`);
  return (
    <div className="analyst-result" id="analyst-packet" role="status">
      <p>
        Packet <code className="packet-id">{result.packetId}</code>: <span className="packet-items">{formatInt(result.items)}</span>{' '}
        {result.packet.items[0]?.facet ?? ''} items from run {result.packet.runId}.{' '}
        {result.file ? (
          <>
            Saved to <code className="packet-file">{result.file}</code>.
          </>
        ) : (
          'Not saved to a file: download it to send it to validators.'
        )}
      </p>
      <button type="button" className="button secondary" id="analyst-download" onClick={download}>
        Download packet
      </button>
    </div>
  );
}

/** Reads chosen or dropped files in the browser: the engine gets their contents, never a path. */
async function addFiles(list: FileList | null): Promise<void> {
  if (!list || list.length === 0) return;
  const files = await Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() })));
  analystStore.addLabelFiles(files);
}

function ImportForm({ state }: { state: AnalystState }) {
  const [dragging, setDragging] = useState(false);
  const parsed = labelFilesToSend(state.labelFiles);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void thenRefreshSteps(analystStore.importLabels(), 'imported');
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void addFiles(e.dataTransfer.files);
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="analyst-import-title">
      <h3 id="analyst-import-title">2. Import label files</h3>
      <div
        className={`label-drop${dragging ? ' dragging' : ''}`}
        id="analyst-label-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor="analyst-label-files">Label files returned by validators</label>
        <input
          id="analyst-label-files"
          type="file"
          multiple
          accept=".json,application/json"
          aria-describedby="analyst-label-files-hint"
          onChange={(e) => {
            void addFiles(e.target.files);
            // The same file chosen again (after fixing it) must fire change again.
            e.target.value = '';
          }}
        />
        <p id="analyst-label-files-hint" className="note">
          Choose them, or drop them here. Every file is checked before any is merged; a validator’s newer label replaces their older one.
        </p>
        {state.labelFiles.length > 0 && (
          <ul className="label-files" id="analyst-label-list" aria-label="Label files to import">
            {state.labelFiles.map((f) => (
              <li key={f.name}>
                <code>{f.name}</code>{' '}
                <button type="button" className="button secondary" onClick={() => analystStore.removeLabelFile(f.name)}>
                  Remove<span className="visually-hidden"> {f.name}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button" id="analyst-import" disabled={!parsed.ok || state.imported.status === 'running'}>
          Import labels
        </button>
        {!parsed.ok && <span className="why-disabled">{parsed.error} first.</span>}
      </div>
      {state.imported.status === 'done' && (
        <p className="analyst-result" id="analyst-import-summary" role="status">
          {importSummary(state.imported.result)}
        </p>
      )}
      {state.imported.status === 'error' && <ErrorBox title="Could not import the label files" error={state.imported.error} />}
    </form>
  );
}

function ReportSection({ state }: { state: AnalystState }) {
  const { report } = state;
  return (
    <section className="panel" aria-labelledby="analyst-report-title">
      <h3 id="analyst-report-title">3. Report</h3>
      <div className="actions">
        <button type="button" className="button" id="analyst-report" disabled={!state.draft.run || report.status === 'running'} onClick={() => void analystStore.loadReport()}>
          {report.status === 'done' && state.reportRun === state.draft.run ? 'Refresh report' : 'Show report'}
          {state.draft.run && <span className="visually-hidden"> for run {state.draft.run}</span>}
        </button>
      </div>
      {report.status === 'running' && <p className="status">Computing…</p>}
      {report.status === 'done' && <ValidationReportView report={report.result} />}
      {report.status === 'error' && <ErrorBox title="Could not compute the report" error={report.error} onRetry={() => void analystStore.loadReport()} />}
    </section>
  );
}

export function AnalystPanel() {
  const state = useAnalyst();
  const runs = useResource(runsStore);
  const names = runs.data?.map((r) => r.run) ?? [];
  // Default to the newest run; a run that has gone (another project opened) is replaced too.
  useEffect(() => {
    if (runs.data?.length && !runs.data.some((r) => r.run === state.draft.run)) analystStore.setDraft({ run: runs.data.at(-1)!.run });
  }, [runs.data, state.draft.run]);

  return (
    <div className="analyst-panel">
      <p className="summary">
        Draw a sample of the classifier’s choices, send the packet to validators (they label it under “Label a packet”), import the label files
        they send back, and read the accuracy per level (paper, Appendix C).
      </p>
      {runs.error && !runs.data && <ErrorBox title="Could not list the classification runs" error={runs.error} onRetry={() => void runsStore.load()} />}
      {runs.data && names.length === 0 && <p className="note">No classification runs yet: run one in the Classify step first.</p>}
      {!runs.data && !runs.error && <p className="status">Reading the runs…</p>}
      {names.length > 0 && (
        <>
          <RunPicker runs={runs.data!} draft={state.draft} />
          <SampleForm state={state} />
          <ImportForm state={state} />
          <ReportSection state={state} />
        </>
      )}
    </div>
  );
}
