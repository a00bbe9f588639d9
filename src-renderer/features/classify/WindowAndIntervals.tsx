// The classify form's time window (Appendix E: only conversations with a timestamp in these whole
// days) and the bootstrap settings of the report's 95% confidence intervals.
import type { ClassifyDraft } from './classify-args';

interface Props {
  draft: ClassifyDraft;
  set: <K extends keyof ClassifyDraft>(key: K, value: ClassifyDraft[K]) => void;
}

export function WindowAndIntervals({ draft, set }: Props) {
  return (
    <fieldset className="settings-group">
      <legend>Time window and confidence intervals</legend>
      <p className="note">
        Leave the dates empty to classify every conversation. With a window, conversations without a readable timestamp are left
        out; the report states the span covered. Intervals resample accounts (conversations when there are no account ids); 0
        replicates reports none, and the same seed gives the same intervals.
      </p>
      <div className="field-grid">
        <div className="form-field">
          <label htmlFor="classify-from">From (first day, UTC)</label>
          <input id="classify-from" type="date" value={draft.from} onChange={(e) => set('from', e.target.value)} />
        </div>
        <div className="form-field">
          <label htmlFor="classify-to">To (last day, UTC)</label>
          <input id="classify-to" type="date" value={draft.to} onChange={(e) => set('to', e.target.value)} />
        </div>
        <div className="form-field">
          <label htmlFor="classify-replicates">Bootstrap replicates</label>
          <input id="classify-replicates" type="number" min={0} max={100000} step={100} value={draft.replicates} onChange={(e) => set('replicates', e.target.value)} />
        </div>
        <div className="form-field">
          <label htmlFor="classify-bootstrap-seed">Bootstrap seed</label>
          <input id="classify-bootstrap-seed" type="number" min={0} step={1} value={draft.bootstrapSeed} onChange={(e) => set('bootstrapSeed', e.target.value)} />
        </div>
      </div>
    </fieldset>
  );
}
