// The app header: project name (path on hover), review-mode banner, Settings and the job tray.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { ReviewBanner } from '../features/review/ReviewPage';
import { JobTray } from '../features/jobs/JobTray';
import { projectStore } from '../features/project/store';
import { getApiClient, getApiClientVersion, subscribeApiClient } from '../transport/client';
import { useResource } from './resource';

/** app.info's path: the fallback label when project.current is unavailable (e.g. review mode). */
function useAppInfoPath(): string | undefined {
  const [path, setPath] = useState<string>();
  const clientVersion = useSyncExternalStore(subscribeApiClient, getApiClientVersion);
  useEffect(() => {
    let live = true;
    const api = getApiClient();
    api['app.info']({})
      .then((info) => live && setPath(info.projectPath))
      .catch(() => live && setPath(undefined));
    return () => {
      live = false;
    };
  }, [clientVersion]);
  return path;
}

function ProjectLabel() {
  const project = useResource(projectStore);
  const fallback = useAppInfoPath();
  if (project.data) {
    return (
      <span className="project-label" id="project-name" title={project.data.path}>
        <strong>{project.data.name}</strong> <span className="project-path">{project.data.path}</span>
      </span>
    );
  }
  if (fallback) return <span className="project-path" title={fallback}>{fallback}</span>;
  return null;
}

export function Header({ onSettings }: { onSettings: () => void }) {
  return (
    <header className="app-header">
      <h1 className="brand">Task Atlas</h1>
      <ProjectLabel />
      <ReviewBanner />
      <div className="header-tools">
        <JobTray />
        <button type="button" className="button secondary" id="open-settings" onClick={onSettings}>
          Settings
        </button>
      </div>
    </header>
  );
}
