// The two privacy opt-ins of an export. Off by default; turning one on shows what it means, since
// the files may then identify people or reveal what they wrote.
import type { ExportDraft } from './export-args';

interface PrivacyOptInsProps {
  draft: ExportDraft;
  set: <K extends keyof ExportDraft>(key: K, value: ExportDraft[K]) => void;
}

export function PrivacyOptIns({ draft, set }: PrivacyOptInsProps) {
  const isRun = draft.from === 'run';
  return (
    <fieldset className="settings-group privacy" disabled={!isRun}>
      <legend>Privacy (runs only)</legend>
      <label className="inline-choice">
        <input id="include-text" type="checkbox" checked={isRun && draft.includeConversationText} onChange={(e) => set('includeConversationText', e.target.checked)} />{' '}
        Include conversation text
      </label>
      {isRun && draft.includeConversationText && (
        <p className="warning" role="alert">
          The exported files will contain what people wrote to the assistant. Share them only under your data agreement.
        </p>
      )}
      <label className="inline-choice">
        <input id="include-accounts" type="checkbox" checked={isRun && draft.includeAccountIds} onChange={(e) => set('includeAccountIds', e.target.checked)} /> Include
        account ids
      </label>
      {isRun && draft.includeAccountIds && (
        <p className="warning" role="alert">
          Account ids let readers link conversations to one person. The paper’s thresholds (15 conversations, 5 accounts) exist to prevent this.
        </p>
      )}
    </fieldset>
  );
}
