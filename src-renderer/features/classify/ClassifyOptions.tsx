// The classify form's choices that are plain controls: datasets, hierarchy, method, thresholds and
// switches. Kept apart from ClassifyForm so each file stays readable.
import type { ReactNode } from 'react';
import type { ConversationDatasetInfo, HierarchySummary } from '../../../src-shared/api';
import { formatInt } from '../../components/format';
import type { ClassifyDraft, Method } from './classify-args';
import { coverageText } from './coverage';
import { datasetStatusText, isUsable } from '../conversations/dataset-status';

interface OptionsProps {
  draft: ClassifyDraft;
  set: <K extends keyof ClassifyDraft>(key: K, value: ClassifyDraft[K]) => void;
  datasets: ConversationDatasetInfo[];
  hierarchies: HierarchySummary[];
}

const METHODS: { value: Method; label: string }[] = [
  { value: 'claude', label: 'Claude (the paper’s method: screening, then top-down task choice, pattern, skills)' },
  { value: 'offline-embedding', label: 'Offline embeddings (no network; nearest task by sentence embedding)' },
];

export function DatasetChoice({ draft, set, datasets }: Pick<OptionsProps, 'draft' | 'set' | 'datasets'>) {
  const toggle = (name: string, on: boolean) => set('datasets', on ? [...draft.datasets, name] : draft.datasets.filter((d) => d !== name));
  return (
    <fieldset className="settings-group" id="classify-datasets">
      <legend>Conversation datasets</legend>
      {datasets.length === 0 && <p className="note">Import conversations first (step Conversations).</p>}
      {datasets.map((d) => (
        <label key={d.dataset} className="inline-choice">
          <input
            type="checkbox"
            checked={draft.datasets.includes(d.dataset)}
            disabled={!isUsable(d) && !draft.datasets.includes(d.dataset)}
            onChange={(e) => toggle(d.dataset, e.target.checked)}
          />{' '}
          {d.dataset} ({formatInt(d.conversations)} conversations, {formatInt(d.accounts)} accounts, <span className="account-coverage">{coverageText(d)}</span>)
          {!isUsable(d) && <span className="tag warning"> {datasetStatusText(d)}</span>}
        </label>
      ))}
    </fieldset>
  );
}

export function MethodChoice({ draft, set, hierarchies }: Pick<OptionsProps, 'draft' | 'set' | 'hierarchies'>) {
  return (
    <>
      <div className="form-field">
        <label htmlFor="classify-hierarchy">Hierarchy</label>
        <select id="classify-hierarchy" value={draft.hierarchyId} onChange={(e) => set('hierarchyId', e.target.value)}>
          <option value="">Choose…</option>
          {hierarchies.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name} ({h.sizes.map(formatInt).join(' → ')})
            </option>
          ))}
        </select>
      </div>
      <fieldset className="settings-group">
        <legend>Method</legend>
        {METHODS.map((m) => (
          <label key={m.value} className="inline-choice">
            <input type="radio" name="classify-method" value={m.value} checked={draft.method === m.value} onChange={() => set('method', m.value)} /> {m.label}
          </label>
        ))}
      </fieldset>
    </>
  );
}

export function Thresholds({ draft, set }: Pick<OptionsProps, 'draft' | 'set'>) {
  return (
    <fieldset className="settings-group">
      <legend>Privacy thresholds and trial size</legend>
      <p className="note">A task is reported only when at least this many conversations from this many accounts map to it (paper: 15 and 5).</p>
      <div className="field-grid">
        <div className="form-field">
          <label htmlFor="min-conversations">Minimum conversations per task</label>
          <input id="min-conversations" type="number" min={1} step={1} value={draft.minConversations} onChange={(e) => set('minConversations', e.target.value)} />
        </div>
        <div className="form-field">
          <label htmlFor="min-accounts">Minimum accounts per task</label>
          <input id="min-accounts" type="number" min={1} step={1} value={draft.minAccounts} onChange={(e) => set('minAccounts', e.target.value)} />
        </div>
        <div className="form-field">
          <label htmlFor="classify-limit">Only the first N conversations (optional)</label>
          <input id="classify-limit" type="number" min={1} step={1} value={draft.limit} placeholder="all" onChange={(e) => set('limit', e.target.value)} />
        </div>
      </div>
      <label className="inline-choice">
        <input id="privacy-summary" type="checkbox" checked={draft.privacySummary} onChange={(e) => set('privacySummary', e.target.checked)} /> Classify from a
        privacy-preserving summary instead of the raw conversation
      </label>
      <ClaudeOnly id="classify-batches" field="batches" draft={draft} set={set} why="the offline method makes no calls.">
        Use the Batches API (half price, can take hours)
      </ClaudeOnly>
      <ClaudeOnly id="classify-multi-task" field="multiTask" draft={draft} set={set} why="the offline method picks one task.">
        Up to three tasks per conversation, in order of fit (the paper’s k = 3 check, with an adapted F.2 prompt: one task call at
        the top level and up to three per lower level; reported beside the single-task shares)
      </ClaudeOnly>
      <ClaudeOnly id="classify-composition" field="composition" draft={draft} set={set} why="the offline method asks no questions.">
        Also ask whether each conversation is work, coursework or personal use (the paper’s Appendix B.7 check, with our own prompt: one
        more call per conversation, screened in or out, by the screening model; shown in Explore as “Composition”)
      </ClaudeOnly>
    </fieldset>
  );
}

/** A switch only the Claude method has: unchecked and disabled for the offline method, which says why. */
function ClaudeOnly({
  id,
  field,
  draft,
  set,
  why,
  children,
}: Pick<OptionsProps, 'draft' | 'set'> & { id: string; field: 'batches' | 'multiTask' | 'composition'; why: string; children: ReactNode }) {
  const claude = draft.method === 'claude';
  return (
    <label className="inline-choice">
      <input id={id} type="checkbox" checked={draft[field] && claude} disabled={!claude} onChange={(e) => set(field, e.target.checked)} />{' '}
      {children}
      {!claude && <span className="why-disabled">Only for the Claude method: {why}</span>}
    </label>
  );
}
