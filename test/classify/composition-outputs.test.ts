// Appendix B.7 wherever a run's report is shown: the HTML report's section and its tables, the export
// tables, the chart, and the fake server recognising the prompt and answering within its options. A run
// that did not ask the composition question has none of them.
import { describe, expect, it } from 'vitest';
import { compositionShares, type CompositionReport } from '../../src-shared/composition';
import type { RunReport } from '../../src-shared/report';
import * as chart from '../../src-shared/charts/composition';
import { compositionTemplate, parseComposition } from '../../src-shared/prompts/composition';
import { compositionSections } from '../../src-main/engine/report-html/composition';
import { compositionTables } from '../../src-main/engine/export/composition-tables';
import { answerFor } from '../../src-main/fake-anthropic/answers';

const composition: CompositionReport = {
  promptVersion: 'classify.composition@b7-composition-v1',
  beforeScreening: compositionShares([
    [{ work: 'explicitly', coursework: 'non', personal: 'non' }, 3],
    [{ work: 'non', coursework: 'likely', personal: 'possibly' }, 1],
  ]),
  afterScreening: compositionShares([[{ work: 'explicitly', coursework: 'non', personal: 'non' }, 3]]),
  unclassified: 2,
  topTasks: [
    { group: 'non-work', label: 'Non-work', conversations: 0, tasks: [], tasksUnderThresholds: 0 },
    { group: 'coursework', label: 'Explicitly, likely or possibly coursework', conversations: 1, tasks: [{ nodeId: 'b3', task: 'Write code.', conversations: 1, pct: 100 }], tasksUnderThresholds: 0 },
  ],
};
const run = { run: 'r', composition } as unknown as RunReport;

describe('the composition in the outputs', () => {
  it('the HTML report has a B.7 section with its shares and top tasks', () => {
    const [s, ...rest] = compositionSections(run);
    expect(rest).toEqual([]);
    expect(s!.id).toBe('composition');
    expect(s!.caption).toContain('work 100.0% / 100.0% / 100.0% (explicitly / +likely / +possibly), non-work 0.0%');
    expect(s!.caption).toContain('2 conversations have no valid answer');
    expect(s!.after).toContain('composition-shares');
    expect(s!.after).toContain('Write code.');
    expect(compositionSections({ ...run, composition: null })).toEqual([]);
  });

  it('exports a composition table (set × dimension × level) and the top tasks', () => {
    const [levels, tasks] = compositionTables(run);
    expect(levels!.name).toBe('composition');
    expect(levels!.rows).toHaveLength(2 * 3 * 4);
    expect(levels!.rows[1]).toEqual(['before screening', 4, 'work', 'likely', 'Likely work', 0, 0, 75]);
    expect(tasks!.rows).toEqual([['coursework', 1, 'b3', 'Write code.', 1, 100]]);
    expect(compositionTables({ ...run, composition: undefined })).toEqual([]);
  });

  it('draws one stacked bar per dimension and set, one trace per level', () => {
    const fig = chart.toFigure(composition);
    expect(fig.data.map((d) => d.name)).toEqual(['Explicitly', 'Likely', 'Possibly', 'Non-']);
    expect(fig.data[0]!.y).toHaveLength(6);
    expect(chart.toTable(composition).rows).toHaveLength(24);
  });

  it('the fake server recognises the prompt and answers within the options', () => {
    const r = compositionTemplate().render({ conversation: 'User: Please help me plan a workout and a diet for my wedding next spring.\n\nAI: Sure.' });
    const view = { prompt: r.messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n\n'), prefilled: false };
    const { kind, draft } = answerFor(view);
    expect(kind).toBe('composition');
    expect(parseComposition(draft.text)).toEqual({ ok: true, value: { work: 'non', coursework: 'non', personal: 'explicitly' } });
    expect(parseComposition(draft.outOfOptions!()).ok).toBe(false);
  });
});
