// The engine's implementation of the API contract, one file per group of calls. Transports (IPC,
// HTTP, tests) call these handlers only through dispatch(), which validates arguments with the
// contract's zod schemas. Every handler acts on the host's current project at call time, so
// switching projects needs no new handler table.
import { AppHost } from '../host';
import type { Project } from '../project';
import { analysisHandlers } from './analysis';
import { classifyHandlers } from './classify';
import { conversationHandlers } from './conversations';
import { demoHandlers } from './demo';
import { hierarchyHandlers } from './hierarchy';
import { jobHandlers } from './jobs';
import { projectHandlers } from './project';
import { reconstructHandlers } from './reconstruct';
import { referenceHandlers } from './reference';
import { settingsHandlers } from './settings';
import { sourceHandlers } from './sources';
import { validateHandlers } from './validate';
import type { ApiHandlers } from './types';

export type { ApiHandlers, CallContext } from './types';
export { DEFAULT_SOURCE_ID } from './sources';

export function createAppService(host: AppHost): ApiHandlers {
  return {
    ...sourceHandlers(host),
    ...projectHandlers(host),
    ...referenceHandlers(host),
    ...hierarchyHandlers(host),
    ...conversationHandlers(host),
    ...classifyHandlers(host),
    ...reconstructHandlers(host),
    ...validateHandlers(host),
    ...analysisHandlers(() => host.project.db, host.resourcesDir),
    ...jobHandlers(host),
    ...settingsHandlers(host),
    ...demoHandlers(host),
  };
}

/**
 * The service over one already open project, with settings and the API key in memory only (tests,
 * scripts). The caller keeps ownership of the project and closes it.
 */
export function createService(project: Project): ApiHandlers {
  return createAppService(hostFor(project));
}

export function hostFor(project: Project): AppHost {
  const host = new AppHost({ configDir: null, resourcesDir: project.resourcesDir });
  host.adopt(project);
  return host;
}
