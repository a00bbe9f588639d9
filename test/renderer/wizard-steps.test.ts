// The step nav's badges and where a reopened project resumes.
import { describe, expect, it } from 'vitest';
import type { StepState, StepStatus } from '../../src-shared/api';
import { rememberedStep, rememberStep, resumeStep, stepBadge, stepFromHash } from '../../src-renderer/app/steps';

function status(states: Partial<Record<keyof StepStatus, StepState>> = {}): StepStatus {
  const s = (k: keyof StepStatus) => states[k] ?? 'todo';
  return {
    reference: { state: s('reference'), datasets: 0, summary: 'ref' },
    hierarchy: { state: s('hierarchy'), hierarchies: 0, summary: 'hier' },
    conversations: { state: s('conversations'), conversations: 0, summary: 'conv' },
    classify: { state: s('classify'), runs: 0, summary: 'runs' },
    validate: { state: s('validate'), summary: 'val' },
    explore: { state: s('explore'), sources: 0, summary: 'exp' },
    export: { state: s('export'), summary: 'out' },
  };
}

describe('step badges', () => {
  it('takes each work step’s state and summary from project.steps', () => {
    const steps = status({ reference: 'done', hierarchy: 'partial' });
    expect(stepBadge('reference', steps, true)).toEqual({ state: 'done', summary: 'ref' });
    expect(stepBadge('hierarchy', steps, true)).toEqual({ state: 'partial', summary: 'hier' });
    expect(stepBadge('classify', steps, true)).toEqual({ state: 'todo', summary: 'runs' });
  });

  it('marks Project done once a project is open, and gives Review no badge', () => {
    expect(stepBadge('project', undefined, true)?.state).toBe('done');
    expect(stepBadge('project', undefined, false)?.state).toBe('todo');
    expect(stepBadge('review', status(), true)).toBeUndefined();
    expect(stepBadge('explore', undefined, true)).toBeUndefined();
  });
});

describe('resuming a project', () => {
  it('returns to the step last visited in this project', () => {
    expect(resumeStep(status({ reference: 'done' }), 'classify')).toBe('classify');
  });

  it('otherwise opens the first work step left half-done', () => {
    expect(resumeStep(status({ reference: 'done', hierarchy: 'done', conversations: 'partial', classify: 'partial' }), undefined)).toBe('conversations');
  });

  it('sends an empty project to Reference data, a first run to the Overview and a worked-on one to Explore', () => {
    expect(resumeStep(status(), undefined)).toBe('reference');
    expect(resumeStep(status({ reference: 'done' }), undefined)).toBe('overview');
    expect(resumeStep(status({ reference: 'done', hierarchy: 'done', conversations: 'done', classify: 'done' }), undefined)).toBe('explore');
    expect(resumeStep(undefined, undefined)).toBe('explore');
  });

  it('ignores a remembered value that is no step', () => {
    expect(resumeStep(status(), 'nonsense')).toBe('reference');
  });

  it('remembers the step per project path', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    rememberStep('/a.sqlite', 'hierarchy', storage);
    expect(rememberedStep('/a.sqlite', storage)).toBe('hierarchy');
    expect(rememberedStep('/b.sqlite', storage)).toBeUndefined();
  });
});

describe('URL hash', () => {
  it('names a step, Settings, or nothing', () => {
    expect(stepFromHash('#/classify')).toBe('classify');
    expect(stepFromHash('#/settings')).toBe('settings');
    expect(stepFromHash('#main')).toBeUndefined();
    expect(stepFromHash('#/unknown')).toBeUndefined();
    expect(stepFromHash('')).toBeUndefined();
  });
});
