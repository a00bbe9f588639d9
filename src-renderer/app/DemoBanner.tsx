// Shown on every page while demo mode is on, so no demo result is ever mistaken for a real one.
import { useEffect } from 'react';
import { DEMO_PROVENANCE } from '../../src-shared/demo';
import { ErrorBox } from '../components/ErrorBox';
import { useAction } from '../components/useAction';
import { demoStore, stopDemo } from '../features/project/demo';
import { useResource } from './resource';

export function DemoBanner() {
  const status = useResource(demoStore);
  const stop = useAction(() => stopDemo());
  useEffect(() => demoStore.ensure(), []);
  if (status.data?.active !== true) return null;
  return (
    <section className="banner demo-banner" style={{ borderColor: 'var(--accent)' }} aria-labelledby="demo-banner-title" role="status">
      <h2 id="demo-banner-title">Demo mode — {DEMO_PROVENANCE}</h2>
      <p>
        Claude’s answers come from a built-in fake server and the embeddings from a tiny stand-in model: nothing is sent anywhere or paid for,
        costs are simulated, and the results mean nothing. Hierarchies and runs made now are named “demo-…” and stay in the demo project.
      </p>
      <button type="button" className="button secondary" disabled={stop.state.status === 'running'} onClick={() => void stop.run()}>
        {stop.state.status === 'running' ? 'Leaving…' : 'Leave demo mode'}
      </button>
      {stop.state.status === 'error' && <ErrorBox title="Could not leave demo mode" error={stop.state.error} />}
    </section>
  );
}
