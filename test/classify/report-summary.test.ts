// Explore's summary of a run report (report-summary.ts): the largest tables cut to the rows the
// figures can draw, so each figure drawn from the summary is the one drawn from the full report —
// for every level and every pair of models, with ties at the cut — while the other fields are the
// report's own.
import { describe, expect, it } from 'vitest';
import type { ModelTaskRow, PatternBreakdown, RunReport } from '../../src-shared/report';
import { PATTERN_KEYS } from '../../src-shared/report';
import * as patterns from '../../src-shared/charts/patternsByTask';
import * as fig8Tasks from '../../src-shared/charts/fig8ModelTasks';
import { summariseReport } from '../../src-main/engine/classify/report-summary';
import { mulberry32 } from '../../src-main/engine/hierarchy/random';
import { makeRunReport } from '../renderer/explore-fixture';

const MODELS = ['m-a', 'm-b', 'm-c', 'unknown'];

/** Many rows with few distinct values, so ties at every cut are common. */
function bigReport(rows: number): RunReport {
  const rand = mulberry32(7);
  const pick = (n: number) => Math.floor(rand() * n);
  const patternsByTask: PatternBreakdown[] = Array.from({ length: rows }, (_, i) => ({
    name: `Task ${String(pick(rows)).padStart(4, '0')} ${i}`,
    conversations: pick(5) === 0 ? 0 : 1 + pick(30),
    automationPct: 50, augmentationPct: 40, nonePct: 10,
    patternPct: Object.fromEntries(PATTERN_KEYS.map((p) => [p, pick(4) * 10])),
  })).sort((a, b) => b.conversations - a.conversations);
  const level = (n: number, prefix: string): ModelTaskRow[] =>
    Array.from({ length: n }, (_, i) => ({
      nodeId: `${prefix}-${i}`,
      task: `${prefix} task ${pick(n)}`,
      shares: Object.fromEntries(MODELS.filter(() => pick(3) > 0).map((m) => [m, pick(6) / 4])),
      difference: null,
      ratio: null,
    }));
  const models = MODELS.map((model, i) => ({ model, conversations: 100 - i }));
  return {
    ...makeRunReport(),
    patternsByTask,
    modelTasks: { models, compared: ['m-a', 'm-b'], levels: { top: level(12, 'top'), middle: level(150, 'mid'), base: level(rows, 'base') } },
  };
}

describe('run report summary', () => {
  const full = bigReport(3000);
  const summary = summariseReport(full);

  it('is much smaller, says how many rows the full tables have, and keeps every other field', () => {
    expect(summary.summary).toEqual({ patternsByTask: 3000, modelTasks: { top: 12, middle: 150, base: 3000 } });
    expect(summary.patternsByTask.length).toBeLessThan(300);
    expect(summary.modelTasks!.levels.base.length).toBeLessThan(1500);
    const others = (r: RunReport) => Object.fromEntries(Object.entries(r).filter(([k]) => !['patternsByTask', 'modelTasks', 'summary'].includes(k)));
    expect(others(summary)).toEqual(others(full));
    expect(Object.keys(summary)).toEqual([...Object.keys(full), 'summary']);
  });

  it('draws the patterns by task figure exactly as the full report', () => {
    expect(patterns.toFigure(summary, 'task')).toEqual(patterns.toFigure(full, 'task'));
    expect(patterns.toFigure(summary, 'occupation')).toEqual(patterns.toFigure(full, 'occupation'));
  });

  it('draws Figure 8 by task exactly as the full report, at every level and for every pair of models', () => {
    for (const { level } of fig8Tasks.TASK_LEVELS) {
      expect(fig8Tasks.toFigure(summary, { level })).toEqual(fig8Tasks.toFigure(full, { level }));
      for (const a of MODELS) {
        // Two different models: the card never compares a model with itself (picking B = A swaps them).
        for (const b of MODELS.filter((m) => m !== a)) expect(fig8Tasks.toFigure(summary, { level, a, b })).toEqual(fig8Tasks.toFigure(full, { level, a, b }));
      }
    }
  });

  it('draws a one-model run\'s Figure 8 by task exactly as the full report', () => {
    const one = bigReport(3000);
    one.modelTasks = { ...one.modelTasks!, models: [{ model: 'm-a', conversations: 100 }], compared: ['m-a'] };
    const cut = summariseReport(one);
    for (const { level } of fig8Tasks.TASK_LEVELS) expect(fig8Tasks.toFigure(cut, { level })).toEqual(fig8Tasks.toFigure(one, { level }));
  });

  it('leaves a small report whole but for the marker', () => {
    const small = bigReport(10);
    const rest = summariseReport(small);
    expect(rest.summary).toEqual({ patternsByTask: 10, modelTasks: { top: 12, middle: 150, base: 10 } });
    expect(rest.patternsByTask).toEqual(small.patternsByTask.filter((b) => b.conversations > 0));
    expect(rest.modelTasks!.levels.base).toEqual(small.modelTasks!.levels.base.filter((r) => Object.values(r.shares).some((s) => s > 0)));
  });
});
