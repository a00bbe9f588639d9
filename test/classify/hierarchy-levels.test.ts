// Usage across the hierarchy (Appendix D.1, Figures 11 and 12), Figure 8 by task and the B.5
// pattern breakdowns, on a three-level run with known counts (hierarchy-fixture.ts). Every expected
// number below is computed by hand from the fixture's table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject, type Project } from '../../src-main/engine/project';
import { runReport } from '../../src-main/engine/classify/report';
import { hierarchyLevels } from '../../src-main/engine/classify/levels';
import type { RunReport } from '../../src-shared/report';
import { hierarchyProject } from './hierarchy-fixture';

let project: Project;
let report: RunReport;

beforeAll(() => {
  project = hierarchyProject();
  report = runReport(project.db, 'r', 'mini');
});
afterAll(() => closeProject(project));

const sum = (xs: { pct: number }[]) => xs.reduce((s, x) => s + x.pct, 0);
const byTask = <T extends { task: string }>(rows: T[] | undefined) => new Map((rows ?? []).map((r) => [r.task, r]));

describe('Figures 11 and 12: shares of top- and middle-level tasks', () => {
  it('applies the thresholds at the base level: 100 kept conversations of 5 kept tasks', () => {
    expect(report.tasks).toMatchObject({ kept: 5, dropped: 2, conversationsKept: 100, conversationsDropped: 34 });
  });

  it('rolls kept base tasks up to the top level (67 + 33 of 100)', () => {
    expect(report.topLevelTasks).toEqual([
      { nodeId: 't-biz', task: 'Run a business', pct: 67 },
      { nodeId: 't-make', task: 'Make things', pct: 33 },
    ]);
    expect(sum(report.topLevelTasks!)).toBeCloseTo(100, 9);
  });

  it('rolls them up to the middle level, largest first, dropped tasks nowhere', () => {
    expect(report.middleLevelTasks!.map((t) => [t.task, t.pct])).toEqual([
      ['Manage people and money', 37],
      ['Report on the business', 30],
      ['Create written works', 18], // drafts only: stories and pitch fell under the thresholds
      ['Build software', 15],
    ]);
    expect(sum(report.middleLevelTasks!)).toBeCloseTo(100, 9);
  });

  it('names the highest level top and the one under it middle, also for deeper or flatter hierarchies', () => {
    const node = (id: string, level: number, parent: string | null) => ({ id, level, name: id, description: '', parent });
    const four = hierarchyLevels([node('a', 3, null), node('b', 2, 'a'), node('c', 1, 'b'), node('d', 0, 'c')]);
    expect([four.top, four.middle, four.ancestor('d', 3)?.id, four.ancestor('d', 2)?.id]).toEqual([3, 2, 'a', 'b']);
    const two = hierarchyLevels([node('a', 1, null), node('d', 0, 'a')]);
    expect([two.top, two.middle]).toEqual([1, null]);
  });
});

describe('Figure 8 by task: shares per model, difference and ratio', () => {
  it('lists the models with kept conversations, most first, and compares the first two', () => {
    // model-c answered only dropped tasks: like the category-level Figure 8, it has nothing to show.
    expect(report.modelTasks!.models).toEqual([
      { model: 'model-a', conversations: 60 },
      { model: 'model-b', conversations: 40 },
    ]);
    expect(report.modelTasks!.compared).toEqual(['model-a', 'model-b']);
  });

  it('gives each model shares of its own kept conversations at every level', () => {
    const { top, middle, base } = report.modelTasks!.levels;
    const biz = byTask(top).get('Run a business')!;
    expect(biz.shares['model-a']).toBeCloseTo(65, 9); // (21 + 8 + 10) / 60
    expect(biz.shares['model-b']).toBeCloseTo(70, 9); // (8 + 20) / 40
    expect(biz.difference).toBeCloseTo(-5, 9);
    expect(biz.ratio).toBeCloseTo(65 / 70, 9);
    const soft = byTask(middle).get('Build software')!;
    expect(soft.shares).toEqual({ 'model-a': 25, 'model-b': 0 });
    expect([soft.difference, soft.ratio]).toEqual([25, null]); // no ratio over a zero share
    expect(byTask(base).get('Write reports.')!.shares['model-b']).toBeCloseTo(50, 9);
    for (const level of [top, middle, base]) {
      for (const model of ['model-a', 'model-b']) expect(level.reduce((s, r) => s + r.shares[model]!, 0)).toBeCloseTo(100, 9);
    }
    expect(base.map((r) => r.task)).not.toContain('Write stories.');
  });
});

describe('Figure 8 by task: conversations that name no model', () => {
  it('lists "unknown" but compares the two named models with the most conversations', () => {
    const other = hierarchyProject();
    try {
      // Write code (15) and Direct budgets (21), both model-a, lose their model: unknown 36, model-a 24, model-b 40.
      other.db.prepare("UPDATE conversation SET model = NULL WHERE id IN (SELECT conversation_id FROM classification WHERE facet = 'task' AND value IN ('b-code', 'b-budgets'))").run();
      const cmp = runReport(other.db, 'r', 'mini').modelTasks!;
      expect(cmp.models.map((m) => [m.model, m.conversations])).toEqual([['model-b', 40], ['unknown', 36], ['model-a', 24]]);
      expect(cmp.compared).toEqual(['model-b', 'model-a']);
    } finally {
      closeProject(other);
    }
  });
});

describe('B.5: collaboration patterns by task and occupation', () => {
  it('breaks each kept task down over the five patterns and none', () => {
    const drafts = byTask(report.patternsByTask.map((p) => ({ ...p, task: p.name }))).get('Edit drafts.')!;
    expect(drafts.conversations).toBe(17); // one conversation has no pattern answer
    expect(drafts.patternPct).toEqual({
      directive: 0, 'feedback loop': 0, 'task iteration': 0,
      learning: (100 * 9) / 17, validation: (100 * 3) / 17, none: (100 * 5) / 17,
    });
    for (const p of report.patternsByTask) expect(Object.values(p.patternPct!).reduce((s, x) => s + x, 0)).toBeCloseTo(100, 9);
  });

  it('splits a task’s patterns evenly across its occupations', () => {
    // Software Developers: Write code (12 feedback loop, 3 directive) + half of Write reports (7.5 + 7.5).
    const dev = report.patternsByOccupation.find((o) => o.name === 'Software Developers')!;
    expect(dev.conversations).toBeCloseTo(30, 9);
    expect(dev.patternPct!['feedback loop']).toBeCloseTo(40, 9);
    expect(dev.patternPct!['task iteration']).toBeCloseTo(25, 9);
  });

  it('lists the tasks most characteristic of each pattern among tasks with enough conversations', () => {
    const lists = Object.fromEntries(report.characteristicTasks!.map((c) => [c.pattern, c.tasks.map((t) => [t.task, Number(t.pct.toFixed(2))])]));
    expect(lists).toEqual({
      directive: [['Direct budgets.', 66.67], ['Write code.', 20]],
      'feedback loop': [['Write code.', 80], ['Direct budgets.', 33.33]],
      // Approve hires has 14 conversations with a pattern, under the 15 of the threshold.
      'task iteration': [['Write reports.', 50]],
      learning: [['Edit drafts.', 52.94], ['Write reports.', 50]],
      validation: [['Edit drafts.', 17.65]],
    });
  });
});
