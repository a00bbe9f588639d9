// Figures that read as still images (issue #17): Figure 2's still variant names every category in a
// key, Figure 13 wraps whole task statements instead of cutting them, Figure 6 has a log usage axis
// and labels the occupations the paper names.
import { describe, expect, it } from 'vitest';
import * as fig2 from '../../src-shared/charts/fig2Drilldown';
import * as fig6 from '../../src-shared/charts/fig6Wage';
import * as fig13 from '../../src-shared/charts/fig13TopTasks';
import type { ReproduceReport } from '../../src-shared/report';
import { makeReport } from '../renderer/fixture';
import { drilldownReport } from './fixtures';

describe('Figure 2 still variant', () => {
  const report = drilldownReport();
  const shown = fig2.shownDrilldown(report);
  const figure = fig2.toFigure(report, { still: true });
  const trace = figure.data[0]!;

  it('names every shown category in the key, with its colour and share', () => {
    const key = figure.layout.annotations ?? [];
    expect(key).toHaveLength(shown.length);
    shown.forEach((s, i) => {
      const colour = trace.marker?.colors?.[trace.ids.indexOf(`cat:${s.category.code}`)];
      expect(key[i]!.text).toBe(`<span style="color:${colour}">■</span> ${fig2.shortCategory(s.category.title)}: ${s.category.usagePct.toFixed(1)}%`);
    });
    expect(new Set(shown.map((_, i) => trace.marker?.colors?.[i])).size).toBeGreaterThan(0);
  });

  it('colours every node as its category, distinct per category, and leaves room for the key', () => {
    const colours = trace.marker?.colors ?? [];
    expect(colours).toHaveLength(trace.ids.length);
    trace.ids.forEach((id, i) => expect(colours[i]).toBe(colours[trace.ids.indexOf(id.split('/')[0]!)]));
    const categoryColours = shown.map((s) => colours[trace.ids.indexOf(`cat:${s.category.code}`)]);
    expect(new Set(categoryColours).size).toBe(shown.length);
    expect(trace.domain?.x?.[1]).toBeLessThan(Math.min(...(figure.layout.annotations ?? []).map((a) => Number(a.x))));
  });

  it('leaves the interactive figure without a key (hovering names every sector there)', () => {
    const live = fig2.toFigure(report);
    expect(live.layout.annotations).toBeUndefined();
    expect(live.data[0]!.marker).toBeUndefined();
    expect(JSON.stringify(live.data[0]!.ids)).toBe(JSON.stringify(trace.ids));
  });
});

describe('Figure 13 labels', () => {
  const prefix = 'Prepare and review quarterly statistical summaries of regional'; // 62 characters
  const report: ReproduceReport = {
    ...makeReport(),
    topTasks: [
      { task: `${prefix} employment for the board`, usagePct: 3, occupations: 1 },
      { task: `${prefix} wages for the press office`, usagePct: 2, occupations: 2 },
    ],
  };
  const bars = fig13.toFigure(report).data[0]!;
  const withoutRank = (label: unknown) => String(label).replace(/^\d+\. /, '').split('<br>').join(' ');

  it('gives two tasks sharing their first 60 characters different labels, each the whole task', () => {
    expect(report.topTasks[0]!.task.slice(0, 60)).toBe(report.topTasks[1]!.task.slice(0, 60));
    expect(withoutRank(bars.y[0])).toBe(report.topTasks[0]!.task);
    expect(withoutRank(bars.y[1])).toBe(report.topTasks[1]!.task);
    expect(withoutRank(bars.y[0])).not.toBe(withoutRank(bars.y[1]));
  });

  it('wraps at word boundaries within LINE_MAX and makes room for the lines', () => {
    for (const label of bars.y) for (const line of String(label).split('<br>')) expect(line.length).toBeLessThanOrEqual(fig13.LINE_MAX);
    expect(fig13.wrap('a '.repeat(40).trim(), 10)).toEqual(Array(8).fill('a a a a a'));
    expect(fig13.wrap('supercalifragilistic word', 10)).toEqual(['supercalifragilistic', 'word']);
    const lines = Math.max(...bars.y.map((l) => String(l).split('<br>').length));
    expect(fig13.toFigure(report).layout.height).toBeGreaterThanOrEqual(140 + 2 * 15 * lines);
  });

  it('keeps the interval whiskers (third parameter)', () => {
    const intervals = { tasks: report.topTasks.map((t) => ({ key: t.task, ciLow: t.usagePct - 0.5, ciHigh: t.usagePct + 1 })) };
    const whiskers = fig13.toFigure(report, fig13.TOP_N, intervals as never).data[0]!.error_x;
    expect(whiskers?.array).toEqual([1, 1]);
    expect(whiskers?.arrayminus).toEqual([0.5, 0.5]);
  });
});

describe('Figure 6 log axis and named occupations', () => {
  const point = (code: string, title: string, medianWage: number, usagePct: number) => ({ code, title, category: 'C', medianWage, usagePct });
  const report: ReproduceReport = {
    ...makeReport(),
    wage: {
      ...makeReport().wage,
      points: [
        point('15-1131.00', 'Computer Programmers', 84_280, 6.2),
        point('15-1132.00', 'Software Developers, Applications', 103_620, 3.4),
        point('15-1134.00', 'Web Developers', 69_430, 2.7),
        point('35-3031.00', 'Waiters and Waitresses', 21_780, 0.02),
        point('29-1061.00', 'Anesthesiologists', 208_000, 0.003),
        point('29-1071.01', 'Anesthesiologist Assistants', 108_610, 0.005),
        point('47-2061.00', 'Construction Laborers', 40_000, 0),
      ],
    },
  };

  it('labels the occupations the paper names, and no others', () => {
    const labels = fig6.toFigure(report).layout.annotations ?? [];
    expect(labels.map((a) => a.text).sort()).toEqual(
      ['Anesthesiologists', 'Computer Programmers', 'Software Developers, Applications', 'Waiters and Waitresses', 'Web Developers'],
    );
    const programmers = labels.find((a) => a.text === 'Computer Programmers')!;
    expect([programmers.x, programmers.y, programmers.xref, programmers.showarrow]).toEqual([84_280, 6.2, 'x', true]);
  });

  it('draws a log usage axis on request, places labels by log10 and counts the zero-usage points it cannot draw', () => {
    const figure = fig6.toFigure(report, { yAxis: 'log' });
    expect(figure.layout.yaxis?.type).toBe('log');
    expect(figure.data[0]!.y).not.toContain(0);
    expect(figure.data[0]!.y).toHaveLength(6);
    expect(figure.layout.title?.text).toContain('1 occupation(s) with no usage are not drawn on the log axis');
    const waiters = (figure.layout.annotations ?? []).find((a) => a.text === 'Waiters and Waitresses')!;
    expect(waiters.y).toBeCloseTo(Math.log10(0.02), 12);
    expect(fig6.toFigure(report).layout.yaxis?.type).toBe('linear');
    expect(fig6.toFigure(report).layout.title?.text).not.toContain('log axis');
  });

  it('hovers each value once', () => {
    const hover = fig6.toFigure(report).data[0]!.hovertemplate ?? '';
    for (const field of ['%{x', '%{y', '%{text}', '%{customdata}']) expect(hover.split(field).length - 1).toBe(1);
  });
});
