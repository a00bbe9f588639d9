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
  const action = useAction(async (p: string) => {
    const result = await getApiClient()['hierarchy.import']({ path: p });
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
      <button type="submit" className="button secondary" disabled={!path.trim() || action.state.status === 'running'}>
        Import
      </button>
      {action.state.status === 'done' && (
        <p role="status" className="success">
          Imported hierarchy {action.state.result.id} with {formatInt(action.state.result.nodes)} nodes.
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
