// One progress for the whole job: weighted phases give a fraction that never goes back and an ETA
// for the whole job; parallel lanes add up instead of overwriting each other; the phase tables of a
// hierarchy build and a classification run name their phases in plain words.
import { describe, expect, it } from 'vitest';
import { PhaseTracker, type PhaseSpec } from '../../src-main/engine/pipeline/phases';
import { combineLanes } from '../../src-main/engine/pipeline/lanes';
import type { StepProgress } from '../../src-main/engine/pipeline/steps';
import { fromStep } from '../../src-main/engine/jobs/progress';
import { hierarchyPhases } from '../../src-main/engine/hierarchy/phases';
import { HierarchyConfigSchema, levelSizes } from '../../src-main/engine/hierarchy/config';
import { classifyPhases, facetLanes } from '../../src-main/engine/classify/phases';
import { resolveConfig } from '../../src-main/engine/classify/run';

const specs: PhaseSpec[] = [
  { key: 'a', label: 'Screening conversations', weight: 1 },
  { key: 'b', label: 'Clustering 100 tasks', weight: 3, unit: 'iterations' },
];

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const step = (s: string, done: number, total: number, fromCheckpoint = 0): StepProgress => ({
  step: s,
  done,
  total,
  failed: 0,
  fromCheckpoint,
  elapsedMs: 0,
  etaMs: null,
});

describe('phase tracker', () => {
  it('weights each phase by its share, names it, and never goes back', () => {
    const c = clock();
    const t = new PhaseTracker(specs, c.now);
    c.advance(1000);
    expect(t.update('a', 1, 2)).toMatchObject({ label: 'Screening conversations', phaseIndex: 1, phaseCount: 2, unit: 'items', fraction: 0.125 });
    // A step that restarts its count (a second pass) does not move the bar back.
    expect(t.update('a', 0, 2).fraction).toBe(0.125);
    // Reaching phase b finishes phase a, whatever it last reported.
    const b = t.update('b', 1, 3);
    expect(b).toMatchObject({ label: 'Clustering 100 tasks', phaseIndex: 2, unit: 'iterations' });
    expect(b.fraction).toBeCloseTo(0.5);
    expect(t.update('unknown', 5, 5).fraction).toBeCloseTo(0.5);
    expect(t.finish('b').fraction).toBe(1);
  });

  it('estimates the time left for the whole job from the pace of work done in this attempt', () => {
    const c = clock();
    const t = new PhaseTracker(specs, c.now);
    expect(t.update('a', 0, 10).etaMs).toBeNull();
    c.advance(2000);
    // A quarter of the job (all of phase a) in 2 s: three quarters left take 6 s.
    expect(t.update('a', 10, 10).etaMs).toBe(6000);
    c.advance(3000);
    expect(t.update('b', 3, 6).etaMs).toBe(Math.round((0.375 * 5000) / 0.625));
  });

  it('does not count checkpointed work as pace (a resumed job does not promise to finish at once)', () => {
    const c = clock();
    const t = new PhaseTracker(specs, c.now);
    c.advance(1000);
    // Phase a was answered entirely from checkpoints: no real work measured yet, so no ETA.
    expect(t.update('a', 10, 10, 10).etaMs).toBeNull();
    c.advance(1000);
    // Then half of b (3/8 of the job) in 2 s of real work... measured is 3/8, left 3/8.
    expect(t.update('b', 1, 2).etaMs).toBe(2000);
  });

  it('carries the whole-job view into the JobProgress the runner publishes', () => {
    const t = new PhaseTracker(specs, () => 0);
    const events: StepProgress[] = [];
    const ctx = t.context('b', { onProgress: (p) => events.push(p) });
    ctx.onProgress?.(step('k-means', 2, 4));
    const p = fromStep(events[0]!);
    expect(p).toMatchObject({ phase: 'k-means', phaseLabel: 'Clustering 100 tasks', phaseIndex: 2, phaseCount: 2, unit: 'iterations', done: 2, total: 4 });
    expect(p.fraction).toBeCloseTo(0.625);
  });
});

describe('parallel lanes', () => {
  it('adds up side-by-side steps into one progress instead of overwriting each other', () => {
    const seen: StepProgress[] = [];
    const lanes = [
      { name: 'tasks', steps: ['task.L1', 'task.L0'] },
      { name: 'patterns', steps: ['pattern'] },
    ];
    const ctx = combineLanes(lanes, 10, { onProgress: (p) => seen.push(p) }, 'facets', (s) => `tasks at step ${s[0]!.step}`);
    ctx.onProgress?.(step('pattern', 5, 10));
    ctx.onProgress?.(step('task.L1', 10, 10));
    ctx.onProgress?.(step('pattern (batch)', 4, 10)); // a late, lower report of the same step
    ctx.onProgress?.(step('task.L0', 2, 8, 1));
    ctx.onProgress?.(step('other', 9, 9)); // not a lane's step: ignored
    expect(seen.map((p) => [p.step, p.done, p.total])).toEqual([
      ['facets', 5, 30],
      ['facets', 15, 30],
      ['facets', 15, 30],
      ['facets', 18, 30],
    ]);
    expect(seen.at(-1)).toMatchObject({ label: 'tasks at step 1', fromCheckpoint: 1 });
  });
});

describe('phase tables', () => {
  it('names every step of a hierarchy build in plain words, clustering counted in iterations', () => {
    const cfg = HierarchyConfigSchema.parse({ levels: 3 });
    const targets = levelSizes(18428, 12, 3);
    const phases = hierarchyPhases(cfg, targets);
    expect(phases).toHaveLength(16);
    expect(phases[1]).toMatchObject({ key: 'L1 cluster', label: 'Clustering 18,428 tasks', unit: 'iterations' });
    expect(phases.map((p) => p.label)).toContain('Naming level 2 tasks');
    expect(phases.every((p) => p.weight > 0)).toBe(true);
    // The base level's Claude steps outweigh the small top level's.
    const weight = (key: string) => phases.find((p) => p.key === key)!.weight;
    expect(weight('L1 propose')).toBeGreaterThan(weight('L2 propose'));
  });

  it('plans a classification as screening then facets per chunk, then adding up', () => {
    const cfg = resolveConfig({ name: 'r', datasets: ['d'], hierarchyId: 'h' });
    const phases = classifyPhases(cfg, 2500, 2000, 2);
    expect(phases.map((p) => p.key)).toEqual(['c1 screen', 'c1 facets', 'c2 screen', 'c2 facets', 'summary']);
    expect(phases[0]!.label).toBe('Screening 2,000 conversations, part 1 of 2');
    expect(phases[1]!.weight).toBe(2000 * 5); // 3 task levels + pattern + skills per conversation
    const { lanes, label } = facetLanes(cfg, 2);
    expect(label(lanes.map((lane, i) => ({ lane, step: i === 0 ? 1 : 0 })))).toBe(
      'Choosing tasks, level 2 of 3 (with collaboration patterns and skills alongside)',
    );
  });
});
