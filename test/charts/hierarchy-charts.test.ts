// The chart modules of Figures 11 and 12, Figure 8 by task and the B.5 pattern breakdowns: what they
// draw from a run report, that names from the data reach Plotly only as plain text, and that a
// report without the data (empty, or made before these analyses) gives an empty figure that says so.
import { describe, expect, it } from 'vitest';
import * as fig11 from '../../src-shared/charts/fig11TopLevel';
import * as fig12 from '../../src-shared/charts/fig12MiddleLevel';
import * as fig8Tasks from '../../src-shared/charts/fig8ModelTasks';
import * as patterns from '../../src-shared/charts/patternsByTask';
import { NOT_IN_REPORT_TEXT } from '../../src-shared/charts/levelShares';
import type { Figure, PlotData } from '../../src-shared/charts/plotly-types';
import type { ModelTaskRow, RunReport } from '../../src-shared/report';
import { makeRun } from './fixtures';

const LINK = '<a href="https://x">';
const row = (task: string, shares: Record<string, number>, difference: number | null, ratio: number | null): ModelTaskRow => ({
  nodeId: `n-${task}`, task, shares, difference, ratio,
});

function hierarchyRun(): RunReport {
  const pct = (d: number, fl: number, ti: number, l: number, v: number, n: number) =>
    ({ directive: d, 'feedback loop': fl, 'task iteration': ti, learning: l, validation: v, none: n });
  const run = makeRun();
  return {
    ...run,
    topLevelTasks: [
      { nodeId: 't2', task: 'Make things', pct: 33 },
      { nodeId: 't1', task: `${LINK}Run a business`, pct: 67 },
    ],
    middleLevelTasks: [],
    modelTasks: {
      models: [{ model: 'opus', conversations: 60 }, { model: `${LINK}sonnet`, conversations: 40 }, { model: 'haiku', conversations: 5 }],
      compared: ['opus', `${LINK}sonnet`],
      levels: {
        top: [row('A', { opus: 65, [`${LINK}sonnet`]: 70, haiku: 100 }, -5, 65 / 70), row('B', { opus: 35, [`${LINK}sonnet`]: 30, haiku: 0 }, 5, 35 / 30)],
        middle: [
          row(`${LINK}Code`, { opus: 50, [`${LINK}sonnet`]: 10, haiku: 20 }, 40, 5),
          row('Write', { opus: 30, [`${LINK}sonnet`]: 60, haiku: 80 }, -30, 0.5),
          row('Teach', { opus: 20, [`${LINK}sonnet`]: 30, haiku: 0 }, -10, 2 / 3),
        ],
        base: [],
      },
    },
    patternsByTask: [
      { name: `${LINK}Write code.`, conversations: 20, automationPct: 80, augmentationPct: 20, nonePct: 0, patternPct: pct(40, 40, 10, 10, 0, 0) },
      { name: 'Edit drafts.', conversations: 30, automationPct: 0, augmentationPct: 100, nonePct: 10, patternPct: pct(0, 0, 30, 50, 10, 10) },
    ],
    characteristicTasks: [{ pattern: 'learning', tasks: [{ task: 'Edit drafts.', conversations: 30, pct: 50 }, { task: `${LINK}Write code.`, conversations: 20, pct: 10 }] }],
  };
}

const emptyText = (f: Figure<PlotData>) => (f.data.length === 0 ? f.layout.annotations?.[0]?.text : undefined);
const noLinks = (f: Figure<PlotData>) => expect(JSON.stringify(f)).not.toContain('<a href');

describe('Figures 11 and 12', () => {
  it('draws the tasks of a level largest first, names as plain text', () => {
    const f = fig11.toFigure(hierarchyRun());
    expect(f.data[0]!.y).toEqual(['1. &lt;a href="https://x"&gt;Run a business', '2. Make things']);
    expect(f.data[0]!.x).toEqual([67, 33]);
    noLinks(f);
    expect(fig11.toTable(hierarchyRun()).rows).toEqual([[1, `${LINK}Run a business`, 't1', 67], [2, 'Make things', 't2', 33]]);
  });

  it('says why a level is empty, and when the report predates the analysis', () => {
    expect(emptyText(fig12.toFigure(hierarchyRun()))).toBe(fig12.SPEC.emptyText);
    expect(emptyText(fig11.toFigure(makeRun()))).toBe(NOT_IN_REPORT_TEXT);
    expect(fig12.toTable(makeRun()).rows).toEqual([]);
  });
});

describe('Figure 8 by task', () => {
  it('compares the two models with most conversations at the middle level by default, biggest differences first', () => {
    const run = hierarchyRun();
    const f = fig8Tasks.toFigure(run);
    expect(f.data.map((t) => t.name)).toEqual(['opus (60 conversations)', '&lt;a href="https://x"&gt;sonnet (40 conversations)']);
    expect(f.data[0]!.y).toEqual(['1. &lt;a href="https://x"&gt;Code', '2. Teach', '3. Write']);
    expect(f.data[0]!.x).toEqual([50, 20, 30]);
    noLinks(f);
    expect(fig8Tasks.captionText(run)).toContain('never re-thresholded per model');
  });

  it('recomputes difference and ratio for any pair and level the user picks', () => {
    const r = fig8Tasks.resolve(hierarchyRun().modelTasks!, { level: 'top', a: 'haiku', b: 'opus' });
    expect(r.rows.map((x) => [x.task, x.difference, x.ratio])).toEqual([['A', 35, 100 / 65], ['B', -35, 0]]);
    const t = fig8Tasks.toTable(hierarchyRun(), { level: 'top', a: 'opus', b: 'haiku' });
    expect(t.columns.slice(-2)).toEqual(['Difference, opus vs haiku (pp)', 'Ratio, opus vs haiku']);
    expect(t.rows[1]!.slice(-2)).toEqual([35, null]); // haiku's share of B is 0: no ratio
  });

  it('leaves out tasks neither compared model used', () => {
    const run = hierarchyRun();
    const onlyHaiku = row('Translate', { opus: 0, [`${LINK}sonnet`]: 0, haiku: 30 }, 0, null);
    const withIt = { ...run.modelTasks!, levels: { ...run.modelTasks!.levels, middle: [...run.modelTasks!.levels.middle, onlyHaiku] } };
    expect(fig8Tasks.toFigure({ modelTasks: withIt }).data[0]!.y).toHaveLength(3);
    expect(fig8Tasks.toFigure({ modelTasks: withIt }, { a: 'haiku', b: 'opus' }).data[0]!.y).toHaveLength(4);
    expect(fig8Tasks.toTable({ modelTasks: withIt }).rows).toHaveLength(4); // the table keeps every task
  });

  it('draws one model alone with a note, and nothing without models or rows', () => {
    const run = hierarchyRun();
    const one = { ...run.modelTasks!, models: run.modelTasks!.models.slice(0, 1), compared: ['opus'] };
    const f = fig8Tasks.toFigure({ modelTasks: one });
    expect(f.data).toHaveLength(1);
    expect(f.layout.annotations?.[0]?.text).toBe(fig8Tasks.ONE_MODEL_TEXT);
    expect(emptyText(fig8Tasks.toFigure({ modelTasks: { ...one, models: [] } }))).toBe(fig8Tasks.NO_DATA_TEXT);
    expect(emptyText(fig8Tasks.toFigure(run, { level: 'base' }))).toBe(fig8Tasks.NO_LEVEL_TEXT);
    expect(emptyText(fig8Tasks.toFigure(makeRun()))).toBe(NOT_IN_REPORT_TEXT);
  });
});

describe('collaboration patterns by task (B.5)', () => {
  it('stacks the five patterns and none per task, largest task first, adding up to 100', () => {
    const f = patterns.toFigure(hierarchyRun());
    expect(f.data.map((t) => t.name)).toEqual(['directive', 'feedback loop', 'task iteration', 'learning', 'validation', 'none']);
    expect(f.data[0]!.y).toEqual(['1. Edit drafts.', '2. &lt;a href="https://x"&gt;Write code.']);
    for (const i of [0, 1]) expect(f.data.reduce((s, t) => s + (t.x[i] as number), 0)).toBe(100);
    noLinks(f);
  });

  it('tables every task’s shares and the characteristic tasks', () => {
    expect(patterns.toTable(hierarchyRun()).rows[0]).toEqual(['Edit drafts.', 30, 0, 0, 30, 50, 10, 10]);
    expect(patterns.characteristicTable(hierarchyRun()).rows).toEqual([
      ['learning', 1, 'Edit drafts.', 30, 50],
      ['learning', 2, `${LINK}Write code.`, 20, 10],
    ]);
    expect(patterns.characteristicCaption(hierarchyRun())).toContain('at least 15 conversations');
  });

  it('says when a report has no breakdown over the five patterns', () => {
    const run = hierarchyRun();
    const older = run.patternsByTask.map(({ patternPct: _, ...rest }) => rest);
    expect(emptyText(patterns.toFigure({ ...run, patternsByTask: older }))).toBe(NOT_IN_REPORT_TEXT);
    expect(emptyText(patterns.toFigure(run, 'occupation'))).toBe(patterns.NO_DATA_TEXT);
    expect(patterns.toTable({ ...run, patternsByTask: older }).rows).toEqual([]);
  });
});
