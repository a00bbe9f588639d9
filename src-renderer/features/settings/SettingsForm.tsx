// Models, rate limits, the Claude endpoint, the embedding model and offline mode. Edited as a draft
// and saved together (the engine validates the whole patch); the theme applies at once.
import { useState, type FormEvent } from 'react';
import { insecureEndpointReason } from '../../../src-shared/endpoint';
import { THEMES, type Settings, type Theme } from '../../../src-shared/settings';
import { ErrorBox } from '../../components/ErrorBox';
import { PathInput } from '../../components/PathInput';
import { useAction } from '../../components/useAction';
import { updateSettings } from './store';

const MODEL_ROLES: { key: keyof Settings['models']; label: string }[] = [
  { key: 'hierarchy', label: 'Hierarchy building' },
  { key: 'screening', label: 'Screening (is it work-related?)' },
  { key: 'task', label: 'Task classification' },
  { key: 'pattern', label: 'Collaboration pattern' },
  { key: 'skills', label: 'Skills' },
  { key: 'summary', label: 'Privacy summary' },
];

const THEME_TEXT: Record<Theme, string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

function NumberField({ id, label, value, min, max, onChange }: { id: string; label: string; value: number; min: number; max?: number; onChange: (n: number) => void }) {
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" inputMode="numeric" min={min} max={max} step={1} value={Number.isNaN(value) ? '' : value} onChange={(e) => onChange(e.target.valueAsNumber)} required />
    </div>
  );
}

/**
 * The endpoint field, and the confirmation a changed endpoint needs when the key would travel over
 * plain http to another machine (the engine refuses the change without it).
 */
function EndpointField({ value, saved, confirmed, onChange, onConfirm }: { value: string; saved: string; confirmed: boolean; onChange: (v: string) => void; onConfirm: (yes: boolean) => void }) {
  const reason = value !== saved ? insecureEndpointReason(value) : null;
  return (
    <div className="form-field">
      <label htmlFor="base-url">Claude endpoint URL</label>
      <input id="base-url" type="url" spellCheck={false} value={value} placeholder="https://api.anthropic.com" onChange={(e) => onChange(e.target.value)} aria-describedby="base-url-hint" />
      <p className="note" id="base-url-hint">
        Leave empty for Anthropic; a URL for a proxy or gateway.
      </p>
      {reason && (
        <>
          <p className="field-error" id="base-url-risk">
            {reason}
          </p>
          <label className="inline-choice">
            <input id="confirm-insecure-endpoint" type="checkbox" required checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} aria-describedby="base-url-risk" /> Send my API key
            to this endpoint anyway
          </label>
        </>
      )}
    </div>
  );
}

function ThemeChoice({ value, onChange }: { value: Theme; onChange: (t: Theme) => void }) {
  return (
    <fieldset className="settings-group">
      <legend>Theme</legend>
      {THEMES.map((theme) => (
        <label key={theme} className="inline-choice">
          <input type="radio" name="theme" value={theme} checked={value === theme} onChange={() => onChange(theme)} /> {THEME_TEXT[theme]}
        </label>
      ))}
    </fieldset>
  );
}

export function SettingsForm({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState(settings);
  const [endpointConfirmed, setEndpointConfirmed] = useState(false);
  const save = useAction(updateSettings);
  const theme = useAction(updateSettings);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setModel = (key: keyof Settings['models'], value: string) => setDraft((d) => ({ ...d, models: { ...d.models, [key]: value } }));
  // Installing a model under another name (below the form) makes it the embedding model: show it
  // (adjusted during render, not in an effect, so no extra render pass).
  const [shownModel, setShownModel] = useState(settings.embeddingModel);
  if (shownModel !== settings.embeddingModel) {
    setShownModel(settings.embeddingModel);
    setDraft((d) => ({ ...d, embeddingModel: settings.embeddingModel }));
  }

  // An emptied number field reads as NaN; say so here rather than send it and get a schema error back.
  const badNumber = [draft.concurrency, draft.requestsPerMinute, draft.inputTokensPerMinute].some((n) => !Number.isInteger(n));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!badNumber) void save.run(endpointConfirmed && draft.baseURL !== settings.baseURL ? { ...draft, confirmInsecureEndpoint: true } : draft);
  };

  return (
    <>
      <ThemeChoice
        value={draft.theme}
        onChange={(t) => {
          set('theme', t);
          void theme.run({ theme: t });
        }}
      />
      {theme.state.status === 'error' && <ErrorBox title="Could not save the theme" error={theme.state.error} />}
      <form onSubmit={submit} aria-label="Claude and embedding settings">
        <fieldset className="settings-group">
          <legend>Claude models</legend>
          <div className="field-grid">
            {MODEL_ROLES.map(({ key, label }) => (
              <div className="form-field" key={key}>
                <label htmlFor={`model-${key}`}>{label}</label>
                <input id={`model-${key}`} type="text" spellCheck={false} value={draft.models[key]} onChange={(e) => setModel(key, e.target.value)} required />
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset className="settings-group">
          <legend>Claude endpoint and limits</legend>
          <EndpointField
            value={draft.baseURL}
            saved={settings.baseURL}
            confirmed={endpointConfirmed}
            onChange={(v) => {
              set('baseURL', v);
              setEndpointConfirmed(false);
            }}
            onConfirm={setEndpointConfirmed}
          />
          <div className="field-grid">
            <NumberField id="concurrency" label="Requests in flight" value={draft.concurrency} min={1} max={256} onChange={(n) => set('concurrency', n)} />
            <NumberField id="rpm" label="Requests per minute" value={draft.requestsPerMinute} min={1} onChange={(n) => set('requestsPerMinute', n)} />
            <NumberField id="itpm" label="Input tokens per minute" value={draft.inputTokensPerMinute} min={1} onChange={(n) => set('inputTokensPerMinute', n)} />
          </div>
        </fieldset>
        <fieldset className="settings-group">
          <legend>Embeddings and offline use</legend>
          <div className="form-field">
            <label htmlFor="embedding-model">Embedding model</label>
            <input id="embedding-model" type="text" spellCheck={false} value={draft.embeddingModel} onChange={(e) => set('embeddingModel', e.target.value)} required />
          </div>
          <PathInput id="embedding-dir" label="Local model folder" value={draft.embeddingModelDir} onChange={(v) => set('embeddingModelDir', v)} hint="The model folder itself (config.json, tokenizer.json, onnx/…) or a folder holding owner/name model folders, for machines without internet; empty = use the model cache folder." />
          <PathInput id="model-cache-dir" label="Model cache folder" value={draft.modelCacheDir} onChange={(v) => set('modelCacheDir', v)} required hint="Where downloaded embedding models are kept." />
          <label className="inline-choice">
            <input id="offline" type="checkbox" checked={draft.offline} onChange={(e) => set('offline', e.target.checked)} /> Offline mode: no Claude calls and no downloads
            (classify with embeddings only)
          </label>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" id="save-settings" disabled={badNumber || save.state.status === 'running'}>
            Save settings
          </button>
          <span role="status" className="status" id="settings-saved">
            {save.state.status === 'done' ? 'Saved.' : save.state.status === 'running' ? 'Saving…' : ''}
          </span>
        </div>
        {badNumber && <p className="field-error">Requests in flight, requests per minute and input tokens per minute need whole numbers.</p>}
        {save.state.status === 'error' && <ErrorBox title="Could not save the settings" error={save.state.error} />}
      </form>
    </>
  );
}
