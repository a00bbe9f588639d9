// Review: open a `.taskatlas-review.json` bundle exported by a colleague. Once open, the app is
// read-only and every page answers from the bundle (see transport/review-client.ts).
import { useId, useState, type ChangeEvent } from 'react';
import { enterReviewMode, exitReviewMode, parseReviewBundle, ReviewBundleError, selectReviewSource, useReview } from './session';
import { REVIEW_EXTENSION } from './schema';
import { ReviewRuns } from './ReviewRuns';
import { IntegrityStatus } from './IntegrityStatus';
import './review.css';

/** Shown in the app header while review mode is on. */
export function ReviewBanner() {
  const { bundle, integrity } = useReview();
  if (!bundle) return null;
  return (
    <p className={`review-banner${integrity?.status === 'modified' ? ' modified' : ''}`} role="status">
      Review mode — read only: {bundle.title}
    </p>
  );
}

function BundleSummary({ onExplore }: { onExplore?: () => void }) {
  const { bundle, sourceId, notPersisted } = useReview();
  const selectId = useId();
  if (!bundle) return null;
  return (
    <section className="review-summary" aria-label="Open review bundle">
      <h3>{bundle.title}</h3>
      <p>
        Exported {new Date(bundle.createdAt).toLocaleString()} by Task Atlas {bundle.appVersion}.{' '}
        {bundle.paper ? 'Includes the paper’s published numbers.' : 'No published paper numbers included.'}
      </p>
      {notPersisted && (
        <p className="note">This bundle could not be kept for this session: reloading the page leaves review mode.</p>
      )}
      <p>
        <label htmlFor={selectId}>Usage source shown in Explore: </label>
        <select id={selectId} value={sourceId} onChange={(e) => selectReviewSource(e.target.value)}>
          {bundle.sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label} ({s.kind})
            </option>
          ))}
        </select>
      </p>
      <div className="review-actions">
        {onExplore && (
          <button type="button" className="button" onClick={onExplore}>
            Show in Explore
          </button>
        )}
        <button type="button" className="button" onClick={exitReviewMode}>
          Leave review mode
        </button>
      </div>
      <ReviewRuns runs={bundle.runs} runInfo={bundle.runInfo} />
      {bundle.provenance.dataFiles.length > 0 && (
        <details>
          <summary>Data files behind these numbers ({bundle.provenance.dataFiles.length})</summary>
          <table className="data-table review-provenance">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Dataset</th>
                <th scope="col">File</th>
                <th scope="col">Rows</th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {bundle.provenance.dataFiles.map((f) => (
                <tr key={`${f.kind}/${f.dataset}`}>
                  <td>{f.kind}</td>
                  <td>{f.dataset}</td>
                  <td>{f.file}</td>
                  <td>{f.rows}</td>
                  <td>
                    <code title={f.sha256}>{f.sha256.slice(0, 12)}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}

export function ReviewPage({ onExplore }: { onExplore?: () => void }) {
  const inputId = useId();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { bundle, integrity } = useReview();

  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const text = await file.text();
      enterReviewMode(await parseReviewBundle(text), text);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setError(err instanceof ReviewBundleError ? message : `Could not read ${file.name}: ${message}`);
    } finally {
      setBusy(false);
      input.value = ''; // the same file can be chosen again after fixing it
    }
  };

  return (
    <>
      <h2>Review</h2>
      {bundle && <IntegrityStatus bundle={bundle} integrity={integrity} />}
      <p>
        Open a review bundle (<code>{REVIEW_EXTENSION}</code>) exported from Task Atlas to look at its results. The
        app becomes read-only: every figure and table comes from the bundle, nothing is imported or recomputed.
      </p>
      <p className="review-open">
        <label htmlFor={inputId}>Open review bundle</label>{' '}
        <input id={inputId} type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void open(e)} />
      </p>
      {busy && (
        <p className="status" role="status">
          Checking the bundle…
        </p>
      )}
      {error && (
        <div className="error-box review-error" role="alert">
          <p>
            <strong>Could not open the review bundle.</strong> {error}
          </p>
        </div>
      )}
      <BundleSummary onExplore={onExplore} />
    </>
  );
}
