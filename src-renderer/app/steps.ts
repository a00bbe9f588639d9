// The wizard's steps, the state each shows in the nav (from project.steps), and which step a
// reopened project resumes at. Pure, so the rules are tested without a page.
import type { StepState, StepStatus } from '../../src-shared/api';
import { isFirstRun } from './overview';

export const STEP_IDS = [
  'overview',
  'project',
  'reference',
  'hierarchy',
  'conversations',
  'classify',
  'validate',
  'explore',
  'export',
  'review',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export const STEP_LABELS: Record<StepId, string> = {
  overview: 'Overview',
  project: 'Project',
  reference: 'Reference data',
  hierarchy: 'Hierarchy',
  conversations: 'Conversations',
  classify: 'Classify',
  validate: 'Validate',
  explore: 'Explore',
  export: 'Export',
  review: 'Review',
};

export function isStepId(id: string | undefined): id is StepId {
  return (STEP_IDS as readonly string[]).includes(id ?? '');
}

export interface StepBadge {
  state: StepState;
  summary: string;
}

/** The nav badge of a step; undefined for steps that have no progress of their own (Overview, Review). */
export function stepBadge(id: StepId, steps: StepStatus | undefined, projectOpen: boolean): StepBadge | undefined {
  if (id === 'overview') return undefined;
  if (id === 'project') return { state: projectOpen ? 'done' : 'todo', summary: projectOpen ? 'Project open' : 'No project' };
  if (id === 'review' || !steps) return undefined;
  const { state, summary } = steps[id];
  return { state, summary };
}

export const BADGE_TEXT: Record<StepState, { mark: string; words: string }> = {
  done: { mark: '✓', words: 'done' },
  partial: { mark: '◐', words: 'partly done' },
  todo: { mark: '○', words: 'to do' },
};

/** The work steps in order: a reopened project resumes at the first one left half-done. */
const WORK_STEPS = ['reference', 'hierarchy', 'conversations', 'classify'] as const;

/**
 * Where the app opens when the URL names no step: the step last visited in this project; else the
 * first work step left partial; else Reference data for an empty project; else the Overview while
 * the project has none of the user's own work (a first run: not step 7, Explore); else Explore.
 */
export function resumeStep(steps: StepStatus | undefined, remembered: string | undefined): StepId {
  if (isStepId(remembered)) return remembered;
  if (!steps) return 'explore';
  const partial = WORK_STEPS.find((id) => steps[id].state === 'partial');
  if (partial) return partial;
  if (steps.reference.state === 'todo') return 'reference';
  if (isFirstRun(steps)) return 'overview';
  return 'explore';
}

/** The step named by a `#/<step>` hash; other hashes (e.g. the skip link's #main) name none. */
export function stepFromHash(hash: string): StepId | 'settings' | undefined {
  const id = /^#\/([\w-]+)/.exec(hash)?.[1];
  if (id === 'settings') return 'settings';
  return isStepId(id) ? id : undefined;
}

const STORAGE_PREFIX = 'task-atlas.step:';

export function rememberStep(projectPath: string, step: StepId, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(STORAGE_PREFIX + projectPath, step);
  } catch {
    // Storage may be full or disabled (private windows): resuming is a convenience, not data.
  }
}

export function rememberedStep(projectPath: string, storage: Pick<Storage, 'getItem'> = localStorage): string | undefined {
  try {
    return storage.getItem(STORAGE_PREFIX + projectPath) ?? undefined;
  } catch {
    return undefined;
  }
}
