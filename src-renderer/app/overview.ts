// The first-run overview: what the project already has (a fresh install: the paper's release,
// imported and analysed) and what to do next, each with the step it leads to. Pure, so what a new
// user is told is tested without a page.
import type { StepStatus } from '../../src-shared/api';
import type { StepId } from './steps';

export interface OverviewLine {
  text: string;
  /** The step the line links to, or the Settings dialog. */
  step: StepId | 'settings';
  /** The link's words, e.g. "Open Explore". */
  action: string;
}

export interface Overview {
  ready: OverviewLine[];
  next: OverviewLine[];
}

/** True while the project has none of the user's own work: no hierarchy, conversations or runs. */
export function isFirstRun(steps: StepStatus): boolean {
  return steps.hierarchy.state === 'todo' && steps.conversations.state === 'todo' && steps.classify.state === 'todo';
}

export function overview(steps: StepStatus, apiKeyPresent: boolean | undefined): Overview {
  const ready: OverviewLine[] = [];
  const next: OverviewLine[] = [];
  if (steps.reference.state !== 'todo') {
    ready.push({ text: `Reference data: ${steps.reference.summary} (O*NET tasks, wages, BLS employment).`, step: 'reference', action: 'See the files' });
  } else {
    next.push({ text: 'Import the reference data (bundled with the app: one click).', step: 'reference', action: 'Go to Reference data' });
  }
  if (steps.explore.sources > 0) {
    ready.push({
      text: 'The paper’s published release (2025-02-10) is imported and analysed: Figures 2–8, 10, 13 and Table 2, beside the published numbers.',
      step: 'explore',
      action: 'Open Explore',
    });
  }
  if (steps.hierarchy.state === 'todo') {
    next.push({ text: 'Build the O*NET task hierarchy with Claude (a cost preview comes first), or import one.', step: 'hierarchy', action: 'Go to Hierarchy' });
  } else ready.push({ text: `Hierarchy: ${steps.hierarchy.summary}.`, step: 'hierarchy', action: 'Browse it' });
  if (steps.conversations.state === 'todo') {
    next.push({ text: 'Import your own conversations (JSONL, CSV, Claude or ChatGPT exports, oasst, WildChat).', step: 'conversations', action: 'Go to Conversations' });
  } else ready.push({ text: `Conversations: ${steps.conversations.summary}.`, step: 'conversations', action: 'See them' });
  if (steps.classify.state === 'todo') {
    next.push({ text: 'Classify them the way the paper does, with an estimate before anything is sent; then Validate and Export.', step: 'classify', action: 'Go to Classify' });
  } else ready.push({ text: `Classification: ${steps.classify.summary}.`, step: 'classify', action: 'See the runs' });
  if (apiKeyPresent === false) {
    next.push({ text: 'Building and classifying with Claude need an API key (or a gateway): add it in Settings.', step: 'settings', action: 'Open Settings' });
    next.push({
      text: 'No key yet? Try the whole pipeline on a bundled sample with simulated answers: “Try with demo data”.',
      step: 'project',
      action: 'Go to Project',
    });
  }
  return { ready, next };
}
