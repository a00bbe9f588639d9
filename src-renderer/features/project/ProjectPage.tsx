// Project: which .sqlite file the work goes into. Open an existing one or create a new one by typing
// its path; the recent list remembers where earlier projects live and marks moved or deleted files.
import { useState, type FormEvent } from 'react';
import { useResource } from '../../app/resource';
import { ErrorBox } from '../../components/ErrorBox';
import { formatBytes, formatDateTime } from '../../components/format';
import { PathInput } from '../../components/PathInput';
import { useAction } from '../../components/useAction';
import { createProject, openProject, projectStore, recentStore } from './store';
import { DemoEntry } from './DemoEntry';

function CurrentProject() {
  const state = useResource(projectStore);
  if (state.error && !state.data) return <ErrorBox title="Could not read the open project" error={state.error} onRetry={() => void projectStore.load()} />;
  if (!state.data) return <p className="status">Reading the project…</p>;
  const { name, path, sizeBytes } = state.data;
  return (
    <dl className="facts" id="current-project">
      <div>
        <dt>Name</dt>
        <dd>{name}</dd>
      </div>
      <div>
        <dt>File</dt>
        <dd>
          <code>{path}</code>
        </dd>
      </div>
      <div>
        <dt>Size</dt>
        <dd>{formatBytes(sizeBytes)}</dd>
      </div>
    </dl>
  );
}

function PathForm({ id, label, button, hint, act }: { id: string; label: string; button: string; hint: string; act: (path: string) => Promise<unknown> }) {
  const [path, setPath] = useState('');
  const action = useAction(act);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim()) void action.run(path.trim());
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{button}</h3>
      <PathInput id={id} label={label} value={path} onChange={setPath} hint={hint} required placeholder="/home/me/atlas/study.sqlite" />
      <button type="submit" className="button" disabled={!path.trim() || action.state.status === 'running'}>
        {action.state.status === 'running' ? 'Working…' : button}
      </button>
      {action.state.status === 'error' && <ErrorBox title={`${button} failed`} error={action.state.error} />}
    </form>
  );
}

function RecentProjects() {
  const state = useResource(recentStore);
  const open = useAction(openProject);
  if (state.error && !state.data) return <ErrorBox title="Could not read the recent projects" error={state.error} onRetry={() => void recentStore.load()} />;
  const recent = state.data ?? [];
  return (
    <section aria-labelledby="recent-title">
      <h3 id="recent-title">Recent projects</h3>
      {recent.length === 0 ? (
        <p className="note">No recent projects yet.</p>
      ) : (
        <table className="data-table list-table" id="recent-projects">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Last opened</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {recent.map((r) => (
              <tr key={r.path} className={r.exists ? undefined : 'missing'}>
                <td>
                  <code>{r.path}</code>
                  {!r.exists && <span className="tag warning"> missing: moved or deleted</span>}
                </td>
                <td>{formatDateTime(r.openedAt)}</td>
                <td>
                  <button type="button" className="button secondary" disabled={!r.exists || open.state.status === 'running'} onClick={() => void open.run(r.path)}>
                    Open<span className="visually-hidden"> {r.path}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open.state.status === 'error' && <ErrorBox title="Could not open the project" error={open.state.error} />}
    </section>
  );
}

export function ProjectPage() {
  return (
    <div className="wizard-page">
      <h2>Project</h2>
      <p className="summary">
        A project is one SQLite file holding the reference data, hierarchies, conversations and runs of a study. Paths are on the
        machine running Task Atlas.
      </p>
      <CurrentProject />
      <DemoEntry id="demo-project" />
      <div className="panel-row">
        <PathForm id="open-path" label="Path of an existing project file" button="Open project" hint="An existing .sqlite project file." act={openProject} />
        <PathForm
          id="create-path"
          label="Path for the new project file"
          button="Create project"
          hint="A new file ending in .sqlite; its folder must exist."
          act={createProject}
        />
      </div>
      <RecentProjects />
    </div>
  );
}
