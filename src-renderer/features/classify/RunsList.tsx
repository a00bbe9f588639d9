// The project's classification runs with their counts; a finished run links to Explore, where its
// figures are drawn from the run's thresholded usage source.
import type { RunInfo } from '../../../src-shared/api';
import { useResource } from '../../app/resource';
import { ErrorBox } from '../../components/ErrorBox';
import { formatDateTime, formatInt } from '../../components/format';
import { keptShort } from './coverage';
import { runsStore } from './store';

export function RunsList({ onExplore }: { onExplore: (run: RunInfo) => void }) {
  const state = useResource(runsStore);
  if (state.error && !state.data) return <ErrorBox title="Could not list the runs" error={state.error} onRetry={() => void runsStore.load()} />;
  if (!state.data) return <p className="status">Reading…</p>;
  if (state.data.length === 0) return <p className="note">No runs yet.</p>;
  return (
    <div className="table-wrap">
      <table className="data-table list-table" id="classify-runs">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Method</th>
            <th scope="col">Datasets</th>
            <th scope="col">Status</th>
            <th scope="col">Conversations</th>
            <th scope="col">Classified</th>
            <th scope="col">Screened out</th>
            <th scope="col">Unclassified</th>
            <th scope="col">Kept by the thresholds</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Explore</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {state.data.map((r) => (
            <tr key={r.run} data-run={r.run}>
              <td>{r.run}</td>
              <td>{r.method}</td>
              <td>{r.datasets.join(', ')}</td>
              <td>{r.status}</td>
              <td>{formatInt(r.conversations)}</td>
              <td className="classified">{formatInt(r.classified)}</td>
              <td>{formatInt(r.screenedOut)}</td>
              <td>{formatInt(r.unclassified)}</td>
              <td className="kept">{r.privacy ? keptShort(r.privacy) : '—'}</td>
              <td>{formatDateTime(r.createdAt)}</td>
              <td>
                {r.sourceId ? (
                  <button type="button" className="button secondary" onClick={() => onExplore(r)}>
                    Explore<span className="visually-hidden"> run {r.run}</span>
                  </button>
                ) : (
                  <span className="note">not reported yet</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
