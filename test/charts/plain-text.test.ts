// Names from the data are plain text in every figure: Plotly reads a subset of HTML in labels, ticks,
// legends and hover text, so a task named `<a href="https://x">y</a>` (from a review bundle or an
// imported file) would become a live link. Every chart module is fed names like that and must hand
// Plotly only escaped text, while its own markup (<br>, <b>, <extra>) stays.
import { describe, expect, it } from 'vitest';
import * as compare from '../../src-shared/charts/compare';
import * as fig2 from '../../src-shared/charts/fig2Drilldown';
import * as fig3 from '../../src-shared/charts/fig3Categories';
import * as fig5 from '../../src-shared/charts/fig5Skills';
import * as fig6 from '../../src-shared/charts/fig6Wage';
import * as fig7 from '../../src-shared/charts/fig7Automation';
import * as fig8 from '../../src-shared/charts/fig8Models';
import * as fig10 from '../../src-shared/charts/fig10ConvVsAccount';
import * as fig13 from '../../src-shared/charts/fig13TopTasks';
import { plainHoverText, plainText } from '../../src-shared/charts/format';
import type { Figure, PlotData } from '../../src-shared/charts/plotly-types';
import { drilldownReport, makeRun } from './fixtures';
import { makeComparison } from '../renderer/explore-fixture';

/** Fields that hold names a user (or a forger) chose. */
const NAME_KEYS = new Set(['title', 'task', 'skill', 'model', 'category', 'pattern', 'label', 'run']);
const link = (name: string) => `<a href="https://x">${name}</a>`;

/** The value with every name wrapped in a link (short enough that no label is truncated). */
function hostile<T>(value: T): T {
  if (Array.isArray(value)) return value.map(hostile) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, NAME_KEYS.has(k) && typeof v === 'string' ? link(v.slice(0, 8)) : hostile(v)]),
    ) as T;
  }
  return value;
}

const report = hostile(drilldownReport());
const run = hostile(makeRun());
const cmp = hostile(makeComparison());
const figures: [string, Figure<PlotData>][] = [
  ['fig2 sunburst', fig2.toFigure(report)],
  ['fig2 treemap', fig2.toFigure(report, { kind: 'treemap' })],
  ['fig3', fig3.toFigure(report)],
  ['fig6', fig6.toFigure(report)],
  ['fig7', fig7.toFigure(report)],
  ['fig13', fig13.toFigure(report)],
  ['fig5', fig5.toFigure(run)],
  ['fig8', fig8.toFigure(run)],
  ['fig8 one model', fig8.toFigure({ ...run, byModel: run.byModel.slice(0, 1) })],
  ['fig10', fig10.toFigure(run)],
  ...compare.COMPARE_LEVELS.map(({ level }) => [`compare ${level}`, compare.toFigure(cmp, level)] as [string, Figure<PlotData>]),
];

describe('names are plain text in charts', () => {
  it('escapes &, < and > only', () => {
    expect(plainText('<a href="https://x">R&D</a>')).toBe('&lt;a href="https://x"&gt;R&amp;D&lt;/a&gt;');
    expect(plainText('Writers and Authors')).toBe('Writers and Authors');
    expect(plainHoverText('50%{x} <b>')).toBe('50%\u200b{x} &lt;b&gt;');
  });

  it.each(figures)('%s hands Plotly no link, only the escaped name', (_name, figure) => {
    const json = JSON.stringify(figure);
    expect(json).not.toMatch(/<a[\s>]/i);
    expect(json).not.toMatch(/<\/a>/i);
    expect(json).toContain('&lt;a href=\\"https://x\\"&gt;');
  });

  it('keeps the figures’ own markup', () => {
    expect(fig13.toFigure(report).data[0]!.y[0]).toMatch(/^1\. &lt;a href=/);
    expect(fig2.toFigure(report).data[0]!.hovertemplate?.[0]).toMatch(/^<b>%\{customdata\[0\]\}<\/b><br>/);
  });

  it('leaves the tables (drawn as text, and downloaded) with the names as they are', () => {
    expect(fig13.toTable(report).rows[0]![1]).toMatch(/^<a href="https:\/\/x">/);
    expect(fig5.toTable(run).rows.map((r) => r[0])).toContain(link('Writing'));
  });
});
