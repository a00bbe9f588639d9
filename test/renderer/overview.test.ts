// The first-run overview: a fresh install (the paper's release imported and analysed, nothing of the
// user's own yet) opens on it, says what is ready and what to do next, each with its step.
import { describe, expect, it } from 'vitest';
import type { StepState, StepStatus } from '../../src-shared/api';
import { isFirstRun, overview } from '../../src-renderer/app/overview';
import { resumeStep, STEP_IDS, STEP_LABELS, stepBadge, stepFromHash } from '../../src-renderer/app/steps';

function status(states: Partial<Record<keyof StepStatus, StepState>> = {}, sources = 1): StepStatus {
  const s = (k: keyof StepStatus) => states[k] ?? 'todo';
  return {
    reference: { state: s('reference'), datasets: 9, summary: '13 files in 9 datasets' },
    hierarchy: { state: s('hierarchy'), hierarchies: 0, summary: 'no hierarchy yet' },
    conversations: { state: s('conversations'), conversations: 0, summary: 'no conversations yet' },
    classify: { state: s('classify'), runs: 0, summary: 'no run yet' },
    validate: { state: s('validate'), summary: 'no validation sample yet' },
    explore: { state: s('explore'), sources, summary: '1 source (0 from own runs)' },
    export: { state: s('export'), summary: 'nothing exported yet' },
  };
}

const fresh = status({ reference: 'done', explore: 'done' });

describe('where a fresh install opens', () => {
  it('opens on the Overview, not on Explore (step 7), while the project has none of the user’s work', () => {
    expect(isFirstRun(fresh)).toBe(true);
    expect(resumeStep(fresh, undefined)).toBe('overview');
    expect(STEP_IDS[0]).toBe('overview');
    expect(STEP_LABELS.overview).toBe('Overview');
    expect(stepBadge('overview', fresh, true)).toBeUndefined();
    expect(stepFromHash('#/overview')).toBe('overview');
  });

  it('stops being a first run once there is a hierarchy, conversations or a run', () => {
    for (const step of ['hierarchy', 'conversations', 'classify'] as const) {
      expect(isFirstRun(status({ reference: 'done', [step]: 'done' }))).toBe(false);
    }
    expect(resumeStep(status({ reference: 'done', hierarchy: 'done' }), undefined)).toBe('explore');
  });
});

describe('the overview’s content', () => {
  it('says the paper’s release is analysed, and lists the pipeline’s next steps with their links', () => {
    const { ready, next } = overview(fresh, true);
    expect(ready.map((l) => l.step)).toEqual(['reference', 'explore']);
    expect(ready[1]!.text).toMatch(/published release \(2025-02-10\) is imported and analysed/);
    expect(ready[1]!.action).toBe('Open Explore');
    expect(next.map((l) => [l.step, l.action])).toEqual([
      ['hierarchy', 'Go to Hierarchy'],
      ['conversations', 'Go to Conversations'],
      ['classify', 'Go to Classify'],
    ]);
  });

  it('offers demo mode when there is no key yet (the pipeline can be tried without one)', () => {
    expect(overview(fresh, false).next.at(-1)).toMatchObject({ step: 'project', action: 'Go to Project' });
    expect(overview(fresh, false).next.at(-1)!.text).toMatch(/Try with demo data/);
    expect(overview(fresh, true).next.some((l) => /demo data/.test(l.text))).toBe(false);
  });

  it('points to Settings when Claude cannot be called, and only once that is known', () => {
    expect(overview(fresh, false).next.at(-2)).toMatchObject({ step: 'settings', action: 'Open Settings' });
    expect(overview(fresh, undefined).next.some((l) => l.step === 'settings')).toBe(false);
  });

  it('moves done steps to "ready" with their summaries', () => {
    const worked = status({ reference: 'done', hierarchy: 'done', conversations: 'partial' });
    worked.hierarchy.summary = '1 hierarchy, 1 complete';
    const { ready, next } = overview(worked, true);
    expect(ready.map((l) => l.text)).toContain('Hierarchy: 1 hierarchy, 1 complete.');
    expect(ready.some((l) => l.step === 'conversations')).toBe(true);
    expect(next.map((l) => l.step)).toEqual(['classify']);
  });

  it('starts an empty project at the reference data', () => {
    const { ready, next } = overview(status({}, 0), true);
    expect(ready).toEqual([]);
    expect(next[0]).toMatchObject({ step: 'reference', action: 'Go to Reference data' });
  });
});
