// Which source Explore shows: a published release or an own classification run. A native select
// with option groups, so it works with the keyboard and screen readers as any form control does.
import type { SourceOption } from './sources';

export const SOURCE_GROUPS: { label: string; pick: (o: SourceOption) => boolean }[] = [
  { label: 'Published releases', pick: (o) => o.kind === 'release' },
  { label: 'Own runs', pick: (o) => o.kind === 'run' && o.run !== undefined },
  { label: 'Other run sources', pick: (o) => o.kind === 'run' && o.run === undefined },
];

interface SourceSelectProps {
  id: string;
  label: string;
  options: SourceOption[];
  value: string | undefined;
  onChange: (id: string) => void;
  disabled?: boolean;
}

/** Also used by the comparison panel, so both pickers group sources the same way. */
export function SourceSelect({ id, label, options, value, onChange, disabled }: SourceSelectProps) {
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {value === undefined && <option value="">Choose a source…</option>}
        {SOURCE_GROUPS.map((g) => {
          const items = options.filter(g.pick);
          if (items.length === 0) return null;
          return (
            <optgroup key={g.label} label={g.label}>
              {items.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </span>
  );
}

interface SourcePickerProps {
  options: SourceOption[];
  selected: string | undefined;
  loading: boolean;
  note?: string;
  unreported?: number;
  onSelect: (id: string) => void;
}

export function SourcePicker({ options, selected, loading, note, unreported, onSelect }: SourcePickerProps) {
  const runs = options.filter((o) => o.run !== undefined).length;
  return (
    <div className="source-picker">
      <SourceSelect id="explore-source" label="Source" options={options} value={selected} onChange={onSelect} disabled={options.length === 0} />
      {loading && (
        <span className="status" role="status">
          Loading…
        </span>
      )}
      <p className="note">
        {runs === 0
          ? 'No own runs yet: classify conversations to see Figures 5, 8 and 10 for your own data.'
          : `${runs} own run${runs === 1 ? '' : 's'} available.`}
        {unreported ? ` ${unreported} run${unreported === 1 ? ' has' : 's have'} not been reported yet and cannot be shown.` : ''}
      </p>
      {note && <p className="note">{note}</p>}
    </div>
  );
}
