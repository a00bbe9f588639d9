// Figures 5, 8 and 10 from a hand-made run report: order, traces, notes for missing data, tables.
import { describe, expect, it } from 'vitest';
import * as fig5 from '../../src-shared/charts/fig5Skills';
import * as fig8 from '../../src-shared/charts/fig8Models';
import * as fig10 from '../../src-shared/charts/fig10ConvVsAccount';
import { filterRunReport, NO_FILTERS } from '../../src-shared/explore-filters';
import { makeRun } from './fixtures';

describe('Figure 5 skills', () => {
  it('draws one horizontal bar per skill, largest on top, ties by name', () => {
    const { data, layout } = fig5.toFigure(makeRun());
    expect(data).toHaveLength(1);
    expect(data[0]?.orientation).toBe('h');
    expect(data[0]?.y).toEqual(['Critical Thinking', 'Active Listening', 'Programming', 'Writing']);
    expect(data[0]?.x).toEqual([62.5, 55, 40, 40]);
    expect(layout.yaxis?.autorange).toBe('reversed');
    expect(layout.title?.text).toContain('r1');
  });

  it('shows a note instead of empty axes when the run has no skills', () => {
    const { data, layout } = fig5.toFigure({ ...makeRun(), skills: [] });
    expect(data).toEqual([]);
    expect(layout.annotations?.[0]?.text).toBe(fig5.NO_DATA_TEXT);
  });

  it('tabulates skills in the figure’s order', () => {
    expect(fig5.toTable(makeRun()).rows[0]).toEqual(['Critical Thinking', 62.5]);
  });
});

describe('Figure 8 models', () => {
  it('groups one trace per model over the categories any model used, by mean share', () => {
    const { data, layout } = fig8.toFigure(makeRun());
    expect(data.map((t) => t.name)).toEqual(['claude-sonnet (600 conversations)', 'claude-opus (300 conversations)']);
    // Means: computing (80+40)/2, arts 50/2, education 30/2; military used by neither.
    expect(data[0]?.y).toEqual(['Computer and Mathematical', 'Arts and Media', 'Education']);
    expect(data[0]?.x).toEqual([80, 0, 20]);
    expect(data[1]?.x).toEqual([40, 50, 10]);
    expect(layout.barmode).toBe('group');
    expect(layout.annotations).toEqual([]);
  });

  it('draws one trace and says there is nothing to compare with a single model', () => {
    const run = makeRun();
    const { data, layout } = fig8.toFigure({ ...run, byModel: [run.byModel[1]!] });
    expect(data).toHaveLength(1);
    expect(layout.annotations?.[0]?.text).toBe(fig8.ONE_MODEL_TEXT);
  });

  it('explains an "unknown" model and an empty breakdown', () => {
    const run = makeRun();
    const unknown = fig8.toFigure({ ...run, byModel: [{ ...run.byModel[0]!, model: fig8.UNKNOWN_MODEL }] });
    expect(unknown.data).toHaveLength(1);
    expect(unknown.layout.annotations?.[0]?.text).toBe(fig8.UNKNOWN_MODEL_TEXT);
    const empty = fig8.toFigure({ ...run, byModel: [] });
    expect(empty.data).toEqual([]);
    expect(empty.layout.annotations?.[0]?.text).toBe(fig8.NO_DATA_TEXT);
  });

  it('draws bars for every model in the legend: a model with no usage to show gets a note, not an empty entry', () => {
    const run = makeRun();
    const gpt = (model: string, conversations: number, categories: { title: string; usagePct: number }[]) => ({ model, conversations, categories });
    const { data, layout } = fig8.toFigure({
      ...run,
      byModel: [...run.byModel, gpt('gpt-4o', 12, [{ title: 'Education', usagePct: 0 }]), gpt('gpt-3.5-turbo', 4, [])],
    });
    expect(data.map((t) => t.name)).toEqual(['claude-sonnet (600 conversations)', 'claude-opus (300 conversations)']);
    for (const t of data) expect((t.x as number[]).some((x) => x > 0)).toBe(true);
    expect(layout.annotations?.[0]?.text).toBe(`${fig8.NOT_SHOWN_TEXT}: gpt-4o, gpt-3.5-turbo`);
  });

  it('keeps legend and bars in step under a category filter (Explore)', () => {
    const run = makeRun();
    const filtered = filterRunReport(run, { ...NO_FILTERS, categories: ['Arts and Media'] });
    const { data, layout } = fig8.toFigure(filtered);
    expect(data.map((t) => t.name)).toEqual(['claude-opus (300 conversations)']);
    expect(data[0]?.x).toEqual([50]);
    expect(layout.annotations?.map((a) => a.text)).toContain(`${fig8.NOT_SHOWN_TEXT}: claude-sonnet`);
  });

  it('tabulates model, conversations, category and share', () => {
    const table = fig8.toTable(makeRun());
    expect(table.columns).toEqual(['Model', 'Conversations', 'Category', 'Usage (%)']);
    expect(table.rows).toContainEqual(['claude-opus', 300, 'Arts and Media', 50]);
    expect(table.rows).toHaveLength(6);
  });
});

describe('Figure 10 conversations vs accounts', () => {
  it('pairs the two counts per category, by conversations first, with Pearson r in the title', () => {
    const { data, layout } = fig10.toFigure(makeRun());
    expect(data.map((t) => t.name)).toEqual([fig10.CONVERSATIONS_TRACE, fig10.ACCOUNTS_TRACE]);
    expect(data[0]?.y).toEqual(['Computer and Mathematical', 'Management', 'Education']);
    expect(data[0]?.x).toEqual([70, 20, 10]);
    expect(data[1]?.x).toEqual([60, 25, 15]);
    expect(layout.title?.text).toContain('Pearson r = 0.988');
  });

  it('shows conversations only, with a note, when the data carry no account ids', () => {
    const run = { ...makeRun(), accountsKnown: false };
    const { data, layout } = fig10.toFigure(run);
    expect(data.map((t) => t.name)).toEqual([fig10.CONVERSATIONS_TRACE]);
    expect(layout.annotations?.[0]?.text).toBe(fig10.NO_ACCOUNTS_TEXT);
    expect(layout.title?.text).toContain('no account ids');
    expect(fig10.toTable(run).rows[0]).toEqual(['Computer and Mathematical', 70, null]);
  });

  it('says so when no category has usage', () => {
    const run = makeRun();
    const { data, layout } = fig10.toFigure({ ...run, conversationVsAccount: { ...run.conversationVsAccount, categories: [] } });
    expect(data).toEqual([]);
    expect(layout.annotations?.[0]?.text).toBe(fig10.NO_DATA_TEXT);
  });
});
