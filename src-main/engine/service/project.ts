// Wizard: which project is open, opening and creating project files, recent projects, and the
// state of each wizard step in the current project.
import type { AppHost } from '../host';
import { stepStatus } from './steps';
import type { HandlerGroup } from './types';

type ProjectCalls = 'project.current' | 'project.open' | 'project.create' | 'project.recent' | 'project.steps';

export function projectHandlers(host: AppHost): HandlerGroup<ProjectCalls> {
  return {
    'project.current': async () => host.info(),
    'project.open': async (args) => host.openProject(args.path),
    'project.create': async (args) => host.createProject(args.path),
    'project.recent': async () => host.recent.list(),
    'project.steps': async () => stepStatus(host.project.db),
  };
}
