// A hierarchy as a JSON file: export one to share or archive it, import one built elsewhere (or by
// hand) to classify against it. Paths are on the machine running Task Atlas.
import { useState, type FormEvent } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { formatInt } from '../../components/format';
import { PathInput } from '../../components/PathInput';
import { useAction } from '../../components/useAction';
import { getApiClient } from '../../transport/client';
import { hierarchiesStore } from './store';

export function ImportHierarchy() {
  const [path, setPath] = useState('');
  const [as, setAs] = useState('');
  const action = useAction(async (p: string) => {
    const result = await getApiClient()['hierarchy.import']({ path: p, ...(as.trim() ? { as: as.trim() } : {}) });
    void hierarchiesStore.load();
    return result;
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim()) void action.run(path.trim());
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="import-hier-title">
      <h3 id="import-hier-title">Import a hierarchy</h3>
      <PathInput id="hierarchy-import-path" label="Hierarchy JSON file" value={path} onChange={setPath} required hint="A file written by Export below (or the same format)." />
      <div className="form-field">
        <label htmlFor="hierarchy-import-as">Import as id (optional)</label>
        <input
          id="hierarchy-import-as"
          value={as}
          onChange={(e) => setAs(e.target.value)}
          pattern="[\w.\-]+"
          spellCheck={false}
          aria-describedby="hierarchy-import-as-hint"
        />
        <p id="hierarchy-import-as-hint" className="note">
          Needed when the project already has other content under the file&apos;s id: runs computed from that one keep their results.
        </p>
      </div>
      <button type="submit" className="button secondary" disabled={!path.trim() || action.state.status === 'running'}>
        Import
      </button>
      {action.state.status === 'done' && (
        <p role="status" className="success">
          {action.state.result.unchanged ? 'Already had' : 'Imported'} hierarchy {action.state.result.id} with{' '}
          {formatInt(action.state.result.nodes)} nodes (content {action.state.result.contentHash.slice(0, 12)}).
        </p>
      )}
      {action.state.status === 'error' && <ErrorBox title="Could not import the hierarchy" error={action.state.error} />}
    </form>
  );
}

export function ExportHierarchy({ id }: { id: string }) {
  const [path, setPath] = useState('');
  const action = useAction((p: string) => getApiClient()['hierarchy.export']({ id, path: p }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim()) void action.run(path.trim());
  };
  return (
    <form className="inline-form export-hierarchy" onSubmit={submit}>
      <PathInput id="hierarchy-export-path" label="Export this hierarchy to (JSON file)" value={path} onChange={setPath} required />
      <button type="submit" className="button secondary" disabled={!path.trim() || action.state.status === 'running'}>
        Export
      </button>
      {action.state.status === 'done' && (
        <p role="status" className="success">
          Written to <code>{action.state.result.path}</code>.
        </p>
      )}
      {action.state.status === 'error' && <ErrorBox title="Could not export the hierarchy" error={action.state.error} />}
    </form>
  );
}
