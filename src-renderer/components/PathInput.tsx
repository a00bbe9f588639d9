// A file or folder path typed as text: the browser build has no native file dialog, so the path is
// the interface. The server resolves it on the machine running Task Atlas, which the hint says.
import { useId } from 'react';

interface PathInputProps {
  id?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Extra help under the field, e.g. which file kinds are expected. */
  hint?: string;
  required?: boolean;
  /** Suggestions offered by the browser's own autocomplete list (e.g. recent paths). */
  suggestions?: string[];
}

export function PathInput({ id, label, value, onChange, placeholder, hint, required, suggestions }: PathInputProps) {
  const generated = useId();
  const inputId = id ?? `path-${generated}`;
  const hintId = `${inputId}-hint`;
  const listId = `${inputId}-list`;
  return (
    <div className="form-field path-field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="text"
        className="path-input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        required={required}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={hint ? hintId : undefined}
        list={suggestions?.length ? listId : undefined}
      />
      {suggestions && suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      {hint && (
        <p id={hintId} className="note">
          {hint}
        </p>
      )}
    </div>
  );
}
