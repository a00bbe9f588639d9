// "Install a model from a folder" (what `task-atlas models import` does): for machines without
// internet, a model folder made elsewhere is checked — config.json, tokenizer.json,
// tokenizer_config.json, onnx/model*.onnx, each missing one named — and copied into the model cache.
import { useState, type FormEvent } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { PathInput } from '../../components/PathInput';
import { useAction } from '../../components/useAction';
import { installModel } from './store';

export function ModelInstall({ current }: { current: string }) {
  const [path, setPath] = useState('');
  const [model, setModel] = useState('');
  const install = useAction(installModel);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim()) void install.run(path.trim(), model.trim() || undefined);
  };
  const done = install.state.status === 'done' ? install.state.result : undefined;
  return (
    <form className="settings-group" id="model-install" onSubmit={submit} aria-labelledby="model-install-title">
      <h3 id="model-install-title">Install a model from a folder</h3>
      <p className="note">
        For machines without internet: a folder with config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx (e.g. a copy of
        the Xenova/all-MiniLM-L6-v2 repository made on a machine that has internet). It is copied into the model cache folder.
      </p>
      <PathInput
        id="model-install-path"
        label="Model folder"
        value={path}
        onChange={(v) => {
          setPath(v);
          install.reset();
        }}
        hint="A folder on the machine running Task Atlas."
      />
      <div className="form-field">
        <label htmlFor="model-install-name">Install as</label>
        <input id="model-install-name" type="text" spellCheck={false} value={model} placeholder={current} onChange={(e) => setModel(e.target.value)} />
        <p className="note">Empty = the embedding model set above ({current}); another name becomes the embedding model.</p>
      </div>
      <div className="actions">
        <button type="submit" className="button secondary" id="model-install-button" disabled={!path.trim() || install.state.status === 'running'}>
          {install.state.status === 'running' ? 'Checking and copying…' : 'Install'}
        </button>
        {!path.trim() && <span className="why-disabled">Type the model folder first.</span>}
      </div>
      {done && (
        <p role="status" id="model-installed">
          Installed {done.model} at <code>{done.folder}</code>; builds and offline classification use it now.
        </p>
      )}
      {install.state.status === 'error' && <ErrorBox title="Could not install the model" error={install.state.error} />}
    </form>
  );
}
