// The CSV column mapping form: one select per conversation field, listing the file's columns.
import { MAPPING_FIELDS, mappingProblem, type MappingDraft, type MappingField } from './mapping';

interface MappingFormProps {
  columns: string[];
  draft: MappingDraft;
  onChange: (draft: MappingDraft) => void;
}

export function MappingForm({ columns, draft, onChange }: MappingFormProps) {
  const problem = mappingProblem(draft);
  const set = (field: MappingField, column: string) => onChange({ ...draft, [field]: column });
  return (
    <fieldset className="settings-group" id="column-mapping">
      <legend>Column mapping</legend>
      <p className="note">Prefilled from the file’s header; check it before importing.</p>
      <div className="field-grid">
        {MAPPING_FIELDS.map(({ field, label }) => (
          <div className="form-field" key={field}>
            <label htmlFor={`map-${field}`}>{label}</label>
            <select id={`map-${field}`} value={draft[field]} onChange={(e) => set(field, e.target.value)}>
              <option value="">(not in the file)</option>
              {columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
