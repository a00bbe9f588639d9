// The open project, its recent list and what each wizard step already holds (project.steps). Steps
// are re-read whenever a job settles, so the step nav's ✓ follows the work as it lands.
import type { ApiClient, ProjectInfo, RecentProject, StepStatus } from '../../../src-shared/api';
import { createResource } from '../../app/resource';
import { getApiClient } from '../../transport/client';
import { jobsStore } from '../jobs/store';

export const projectStore = createResource<ProjectInfo>((api) => api['project.current']({}));
export const recentStore = createResource<RecentProject[]>((api) => api['project.recent']({}));
export const stepsStore = createResource<StepStatus>((api) => api['project.steps']({}));

/** Steps and the file size change with every import or run; refresh both after any job. */
jobsStore.onSettled(() => {
  void stepsStore.load();
  void projectStore.load();
});

/** After data lands outside a job (reference imports), the step nav must catch up too. */
export function refreshProjectState(): void {
  void stepsStore.load();
  void projectStore.load();
}

/**
 * Switching projects reloads the page: every store (including Explore's, owned elsewhere) was
 * filled from the old file, and a reload is the one reset that cannot forget any of them. The
 * server keeps the newly opened project, so the reloaded page starts from it.
 */
export function reloadAt(hash: string): void {
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  window.history.replaceState(null, '', url);
  window.location.reload();
}

export async function openProject(path: string, client: () => ApiClient = getApiClient): Promise<ProjectInfo> {
  const info = await client()['project.open']({ path });
  reloadAt('');
  return info;
}

export async function createProject(path: string, client: () => ApiClient = getApiClient): Promise<ProjectInfo> {
  const info = await client()['project.create']({ path });
  // A new project has nothing yet: the next thing to do is importing reference data.
  reloadAt('#/reference');
  return info;
}
