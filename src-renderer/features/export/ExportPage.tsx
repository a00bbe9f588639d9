// Export: a release or a run's tables for R, Stata, Python or a spreadsheet, plus the HTML report,
// chart images and a review bundle. Conversation text and account ids are off unless opted into.
import { useState, type FormEvent } from 'react';
import type { JobArgs, JobResults } from '../../../src-shared/jobs';
import type { SourceRef } from '../../../src-shared/report';
import { createResource, useResource } from '../../app/resource';
import { ErrorBox } from '../../components/ErrorBox';
import { PathInput } from '../../components/PathInput';
import { useAction } from '../../components/useAction';
import { runsStore } from '../classify/store';
import { JobCard } from '../jobs/JobCard';
import { latestJob } from '../jobs/model';
import { jobsStore, useJobs } from '../jobs/store';
import { DEFAULT_EXPORT, EXPORT_FORMATS, exportArgs, type ExportDraft } from './export-args';
import { PrivacyOptIns } from './PrivacyOptIns';
import { ReviewDownload } from './ReviewDownload';

const sourcesStore = createResource<SourceRef[]>((api) => api['sources.list']({}));

const FORMAT_TEXT = { csv: 'CSV', r: 'R', dta: 'Stata (.dta)', parquet: 'Parquet' } as const;

function SourceChoice({ draft, set }: { draft: ExportDraft; set: <K extends keyof ExportDraft>(k: K, v: ExportDraft[K]) => void }) {
  const sources = (useResource(sourcesStore).data ?? []).filter((s) => s.kind === 'release');
  const runs = useResource(runsStore).data ?? [];
  return (
    <fieldset className="settings-group">
      <legend>What to export</legend>
      <label className="inline-choice">
        <input type="radio" name="export-from" checked={draft.from === 'source'} onChange={() => set('from', 'source')} /> A published release
      </label>
      <label className="inline-choice">
        <input type="radio" name="export-from" checked={draft.from === 'run'} onChange={() => set('from', 'run')} /> A classification run
      </label>
      {draft.from === 'source' ? (
        <div className="form-field">
          <label htmlFor="export-source">Release</label>
          <select id="export-source" value={draft.source} onChange={(e) => set('source', e.target.value)}>
            <option value="">Choose…</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="form-field">
          <label htmlFor="export-run">Run</label>
          <select id="export-run" value={draft.run} onChange={(e) => set('run', e.target.value)}>
            <option value="">Choose…</option>
            {runs.map((r) => (
              <option key={r.run} value={r.run}>
                {r.run} ({r.status})
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}

/** Paths under the output folder, shown relative to it (the heading names the folder once). */
function relativeTo(dir: string, file: string): string {
  const prefix = dir.endsWith('/') || dir.endsWith('\\') ? dir : `${dir}/`;
  return file.startsWith(prefix) || file.startsWith(prefix.replace(/\/$/, '\\')) ? file.slice(prefix.length) : file;
}

function WrittenFiles({ result }: { result: JobResults['export.run'] }) {
  return (
    <section aria-labelledby="written-title" id="export-files">
      <h4 id="written-title">
        Files written to <code>{result.dir}</code>
      </h4>
      <ul className="file-list">
        {result.files.map((f) => (
          <li key={f}>
            <code title={f}>{relativeTo(result.dir, f)}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ExportPage() {
  const { jobs } = useJobs();
  const [draft, setDraft] = useState<ExportDraft>(DEFAULT_EXPORT);
  const start = useAction((args: JobArgs<'export.run'>) => jobsStore.startJob({ kind: 'export.run', args }));
  const parsed = exportArgs(draft);
  const job = latestJob(jobs, 'export.run');
  const set = <K extends keyof ExportDraft>(key: K, value: ExportDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const toggleFormat = (f: (typeof EXPORT_FORMATS)[number], on: boolean) =>
    set('formats', on ? [...draft.formats, f] : draft.formats.filter((x) => x !== f));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (parsed.ok) void start.run(parsed.args);
  };

  return (
    <div className="wizard-page">
      <h2>Export</h2>
      <p className="summary">Tables and figures for your own analysis and for the paper’s appendix, with a manifest of where every number came from.</p>
      <form className="panel" onSubmit={submit} aria-labelledby="export-title">
        <h3 id="export-title">Write files</h3>
        <SourceChoice draft={draft} set={set} />
        <PathInput id="export-dir" label="Output folder" value={draft.outDir} onChange={(v) => set('outDir', v)} required hint="Created if missing. An earlier export there is replaced as a whole; a folder holding other files is refused." />
        <fieldset className="settings-group">
          <legend>Formats and extras</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f} className="inline-choice">
              <input type="checkbox" checked={draft.formats.includes(f)} onChange={(e) => toggleFormat(f, e.target.checked)} /> {FORMAT_TEXT[f]}
            </label>
          ))}
          <label className="inline-choice">
            <input type="checkbox" checked={draft.html} onChange={(e) => set('html', e.target.checked)} /> HTML report
          </label>
          <label className="inline-choice">
            <input type="checkbox" checked={draft.charts} onChange={(e) => set('charts', e.target.checked)} /> Chart images
          </label>
          <label className="inline-choice">
            <input type="checkbox" checked={draft.review} onChange={(e) => set('review', e.target.checked)} /> Review bundle
          </label>
          <label className="inline-choice">
            <input type="checkbox" checked={draft.replication} onChange={(e) => set('replication', e.target.checked)} /> Replication scripts (R, Python, Stata; needs CSV)
          </label>
        </fieldset>
        <PrivacyOptIns draft={draft} set={set} />
        {!parsed.ok && <p className="field-error">{parsed.error}</p>}
        <button type="submit" className="button" id="export-start" disabled={!parsed.ok || start.state.status === 'running'}>
          Export
        </button>
        {start.state.status === 'error' && <ErrorBox title="Could not start the export" error={start.state.error} />}
      </form>
      {job && (
        <div className="page-job" id="export-job">
          <JobCard job={job} dismissable={false} />
          {job.status === 'done' && job.result && <WrittenFiles result={job.result as JobResults['export.run']} />}
        </div>
      )}
      <ReviewDownload />
    </div>
  );
}
