// "Try with demo data": the whole pipeline with no key and no network, on the Project step and in
// Settings. While demo mode is on, the same place offers the way out.
import { useEffect } from 'react';
import { DEMO_PROVENANCE } from '../../../src-shared/demo';
import { useResource } from '../../app/resource';
import { ErrorBox } from '../../components/ErrorBox';
import { useAction } from '../../components/useAction';
import { demoStore, startDemo, stopDemo } from './demo';

export function DemoEntry({ id }: { id: string }) {
  const status = useResource(demoStore);
  const start = useAction(() => startDemo());
  const stop = useAction(() => stopDemo());
  useEffect(() => demoStore.ensure(), []);
  const active = status.data?.active === true;
  const busy = start.state.status === 'running' || stop.state.status === 'running';

  return (
    <section className="panel demo-entry" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{active ? 'Demo mode is on' : 'Try with demo data'}</h3>
      {active ? (
        <p className="note">
          You are in the demo project. Leaving reopens your previous project; demo results stay in the demo file and never mix with real runs.
        </p>
      ) : (
        <p className="note">
          Build → Conversations → Classify → Validate → Explore → Export with no API key and no network: a built-in fake Claude answers, a tiny
          bundled embedding model stands in for the real one, and a sample of a few hundred real conversations (WildChat, OpenAssistant) is
          imported. Everything happens in a separate demo project and is labelled “{DEMO_PROVENANCE}”; its numbers mean nothing.
        </p>
      )}
      <button type="button" className={active ? 'button secondary' : 'button'} disabled={busy} onClick={() => void (active ? stop.run() : start.run())}>
        {busy ? (active ? 'Leaving…' : 'Preparing the demo…') : active ? 'Leave demo mode' : 'Try with demo data'}
      </button>
      {start.state.status === 'error' && <ErrorBox title="Could not start demo mode" error={start.state.error} />}
      {stop.state.status === 'error' && <ErrorBox title="Could not leave demo mode" error={stop.state.error} />}
    </section>
  );
}
