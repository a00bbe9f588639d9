// App shell: header, wizard-step navigation and the active page. Explore and Validate exist so far; the
// other steps are listed (disabled) so the workflow is visible without pretending to work.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { AppInfo } from '../../src-shared/api';
import { ExplorePage } from '../features/explore/ExplorePage';
import { ValidatePage } from '../features/validate/ValidatePage';
import { ReviewBanner, ReviewPage } from '../features/review/ReviewPage';
import { restoreReviewSession } from '../features/review/session';
import { getApiClient, getApiClientVersion, subscribeApiClient } from '../transport/client';
import './app.css';

interface Step {
  id: string;
  label: string;
  enabled: boolean;
}

const STEPS: Step[] = [
  { id: 'project', label: 'Project', enabled: false },
  { id: 'reference', label: 'Reference data', enabled: false },
  { id: 'hierarchy', label: 'Hierarchy', enabled: false },
  { id: 'conversations', label: 'Conversations', enabled: false },
  { id: 'classify', label: 'Classify', enabled: false },
  { id: 'validate', label: 'Validate', enabled: true },
  { id: 'explore', label: 'Explore', enabled: true },
  { id: 'export', label: 'Export', enabled: false },
  { id: 'review', label: 'Review', enabled: true },
];

// A reload in review mode keeps answering from the bundle: swap the client before first use.
restoreReviewSession();

/** The step named by a `#/<step>` hash; other hashes (e.g. the skip link's #main) name none. */
function stepFromHash(): string | undefined {
  const id = /^#\/([\w-]+)$/.exec(window.location.hash)?.[1];
  return STEPS.some((step) => step.id === id && step.enabled) ? id : undefined;
}

type InfoState = { info: AppInfo } | { error: string } | undefined;

function useAppInfo(): InfoState {
  const [state, setState] = useState<InfoState>();
  // Re-read when the client changes (review mode swaps it).
  const clientVersion = useSyncExternalStore(subscribeApiClient, getApiClientVersion);
  useEffect(() => {
    let live = true;
    const api = getApiClient();
    api['app.info']({}).then(
      (info) => live && setState({ info }),
      (err: unknown) => live && setState({ error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [clientVersion]);
  return state;
}

function ProjectLabel({ state }: { state: InfoState }) {
  if (!state) return null;
  if ('error' in state) return <span className="project-path project-error">Project info unavailable: {state.error}</span>;
  return (
    <span className="project-path" title={state.info.projectPath}>
      {state.info.projectPath}
    </span>
  );
}

function StepNav({ active, onSelect }: { active: string; onSelect: (id: string) => void }) {
  return (
    <nav className="steps" aria-label="Wizard steps">
      <ol>
        {STEPS.map((step) => (
          <li key={step.id}>
            {/* aria-disabled rather than disabled: the step stays focusable, so keyboard and
                screen-reader users can still discover that it exists and is coming. */}
            <button
              type="button"
              className="step"
              aria-current={step.id === active ? 'page' : undefined}
              aria-disabled={step.enabled ? undefined : true}
              title={step.enabled ? undefined : 'Coming soon'}
              onClick={() => step.enabled && onSelect(step.id)}
            >
              {step.label}
              {!step.enabled && <span className="visually-hidden"> (coming soon)</span>}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function App() {
  const info = useAppInfo();
  const [active, setActive] = useState(() => stepFromHash() ?? 'explore');
  const mainRef = useRef<HTMLElement>(null);

  // The active step is mirrored in the URL hash (#/validate), so a step can be linked to directly.
  useEffect(() => {
    const onHash = () => {
      const id = stepFromHash();
      if (id) setActive(id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Selecting a step moves focus to its content, as a page change would.
  const select = (id: string) => {
    setActive(id);
    if (window.location.hash !== `#/${id}`) window.history.replaceState(null, '', `#/${id}`);
    mainRef.current?.focus();
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <h1 className="brand">Task Atlas</h1>
        <ProjectLabel state={info} />
        <ReviewBanner />
      </header>
      <StepNav active={active} onSelect={select} />
      <main id="main" ref={mainRef} tabIndex={-1} className="content">
        {active === 'explore' && <ExplorePage />}
        {active === 'validate' && <ValidatePage />}
        {active === 'review' && <ReviewPage onExplore={() => select('explore')} />}
      </main>
    </div>
  );
}
