// App shell: header (project, job tray, Settings), the wizard's step nav with each step's state, the
// interrupted-jobs banner and the active page. The step is mirrored in the URL hash (#/classify),
// and #/settings opens the Settings dialog over whatever step is showing.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ClassifyPage } from '../features/classify/ClassifyPage';
import { ConversationsPage } from '../features/conversations/ConversationsPage';
import { ExplorePage } from '../features/explore/ExplorePage';
import { exploreStore } from '../features/explore/store';
import { ExportPage } from '../features/export/ExportPage';
import { HierarchyPage } from '../features/hierarchy/HierarchyPage';
import { InterruptedBanner } from '../features/jobs/InterruptedBanner';
import { jobsStore } from '../features/jobs/store';
import { ProjectPage } from '../features/project/ProjectPage';
import { projectStore, stepsStore } from '../features/project/store';
import { ReferencePage } from '../features/reference/ReferencePage';
import { ReviewPage } from '../features/review/ReviewPage';
import { restoreReviewSession } from '../features/review/session';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { settingsStore } from '../features/settings/store';
import { applyTheme, cachedTheme } from '../features/settings/theme';
import { ValidatePage } from '../features/validate/ValidatePage';
import { subscribeApiClient } from '../transport/client';
import { Header } from './Header';
import { DemoBanner } from './DemoBanner';
import { OverviewPage } from './Overview';
import { reloadAll, useResource } from './resource';
import { rememberedStep, rememberStep, resumeStep, stepFromHash, type StepId } from './steps';
import { StepNav } from './StepNav';
import './app.css';
import './wizard.css';

// A reload in review mode keeps answering from the bundle: swap the client before first use.
restoreReviewSession();
// The last theme, before the first paint; settings.get confirms or corrects it moments later.
applyTheme(cachedTheme());

/** The step to show: the URL's, else (once the project and its steps are known) where it resumes. */
function useActiveStep(): [StepId | undefined, (id: StepId) => void] {
  const project = useResource(projectStore);
  const steps = useResource(stepsStore);
  const [chosen, setChosen] = useState<StepId | undefined>(() => {
    const hash = stepFromHash(window.location.hash);
    return hash === 'settings' ? undefined : hash;
  });
  const settled = (s: { status: string }) => s.status === 'ready' || s.status === 'error';
  const resolved =
    chosen ?? (settled(project) && settled(steps) ? resumeStep(steps.data, project.data && rememberedStep(project.data.path)) : undefined);

  const choose = useCallback(
    (id: StepId) => {
      setChosen(id);
      if (project.data) rememberStep(project.data.path, id);
    },
    [project.data],
  );
  return [resolved, choose];
}

/** Explore shows a run's source: listed first (a run reported since the last visit is new to it). */
async function showInExplore(sourceId: string): Promise<void> {
  if (exploreStore.getSnapshot().status === 'idle') await exploreStore.load();
  else await exploreStore.refreshSources();
  await exploreStore.select(sourceId);
}

function Page({ step, onSelect }: { step: StepId; onSelect: (id: StepId) => void }) {
  switch (step) {
    case 'overview':
      return <OverviewPage onSelect={onSelect} />;
    case 'project':
      return <ProjectPage />;
    case 'reference':
      return <ReferencePage />;
    case 'hierarchy':
      return <HierarchyPage />;
    case 'conversations':
      return <ConversationsPage />;
    case 'classify':
      return (
        <ClassifyPage
          onExplore={(run) => {
            if (run.sourceId) void showInExplore(run.sourceId);
            onSelect('explore');
          }}
          onSettings={() => (window.location.hash = '#/settings')}
        />
      );
    case 'validate':
      return <ValidatePage />;
    case 'explore':
      return <ExplorePage />;
    case 'export':
      return <ExportPage />;
    case 'review':
      return <ReviewPage onExplore={() => onSelect('explore')} />;
  }
}

export function App() {
  const [active, choose] = useActiveStep();
  const [settingsOpen, setSettingsOpen] = useState(() => stepFromHash(window.location.hash) === 'settings');
  const project = useResource(projectStore);
  const steps = useResource(stepsStore);
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    jobsStore.start();
    settingsStore.ensure();
    return () => jobsStore.stop();
  }, []);

  // Review mode swaps the API client: everything already shown must be re-read from the new one.
  useEffect(() => subscribeApiClient(reloadAll), []);

  useEffect(() => {
    const onHash = () => {
      const id = stepFromHash(window.location.hash);
      if (id === 'settings') setSettingsOpen(true);
      else if (id) choose(id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [choose]);

  // Selecting a step moves focus to its content, as a page change would.
  const select = (id: StepId) => {
    choose(id);
    if (window.location.hash !== `#/${id}`) window.history.replaceState(null, '', `#/${id}`);
    mainRef.current?.focus();
  };

  const closeSettings = () => {
    setSettingsOpen(false);
    if (window.location.hash === '#/settings') window.history.replaceState(null, '', active ? `#/${active}` : '#');
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header onSettings={() => setSettingsOpen(true)} />
      <StepNav active={active} steps={steps.data} projectOpen={Boolean(project.data)} onSelect={select} />
      <main id="main" ref={mainRef} tabIndex={-1} className="content">
        <DemoBanner />
        <InterruptedBanner />
        {active ? <Page step={active} onSelect={select} /> : <p className="status">Opening the project…</p>}
      </main>
      <SettingsDialog open={settingsOpen} onClose={closeSettings} />
    </div>
  );
}
