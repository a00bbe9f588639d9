// The Claude API key: typed into a password field, sent once to the engine, and from then on only
// its status is shown (where it is kept and its last four characters).
import { useState, type FormEvent } from 'react';
import type { ApiKeyStatus } from '../../../src-shared/settings';
import { ErrorBox } from '../../components/ErrorBox';
import { useAction } from '../../components/useAction';
import { keyStatusText } from './key-status';
import { setApiKey } from './store';

export function ApiKeySection({ status }: { status: ApiKeyStatus }) {
  const [key, setKey] = useState('');
  const save = useAction(async (value: string | null) => {
    await setApiKey(value);
    setKey('');
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (key.trim().length >= 8) void save.run(key.trim());
  };
  return (
    <form className="settings-group" onSubmit={submit} aria-labelledby="api-key-title">
      <h3 id="api-key-title">Claude API key</h3>
      <p id="api-key-status" role="status">
        {keyStatusText(status)}
      </p>
      {!status.keychainAvailable && (
        <p className="note warning" id="api-key-session-note">
          No keychain is available here: a key you set now lasts only for this session.
        </p>
      )}
      <div className="form-field">
        <label htmlFor="api-key">{status.present ? 'Replace the key' : 'API key'}</label>
        <input id="api-key" type="password" autoComplete="off" spellCheck={false} value={key} onChange={(e) => setKey(e.target.value)} minLength={8} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={key.trim().length < 8 || save.state.status === 'running'}>
          Save key
        </button>
        {status.present && status.source !== 'env' && (
          <button type="button" className="button danger" disabled={save.state.status === 'running'} onClick={() => void save.run(null)}>
            Remove key
          </button>
        )}
      </div>
      {status.source === 'env' && <p className="note">A key from the environment cannot be removed here; unset ANTHROPIC_API_KEY instead.</p>}
      {save.state.status === 'error' && <ErrorBox title="Could not store the key" error={save.state.error} />}
    </form>
  );
}
