// The HTML report with a run's Appendix G reconstruction: the intro and Figures 14–27 appear after the
// report's own figures, in the paper's order, listed in the contents, escaped; opened offline in
// Chromium every one of them is drawn and passes Plotly's own schema check (the MSE's second axis).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FIGURE_IDS, renderHtmlReport, writeHtmlReport, type HtmlReportInput } from '../../src-main/engine/report-html';
import { reconstructionSections } from '../../src-main/engine/report-html/reconstruct';
import { launchChromium } from '../support/browser';
import { makeReport } from '../renderer/fixture';
import { makeReconstruction } from '../charts/reconstruct-fixture';
import { numbers, openOffline, plotlyProblems, tracesOf } from './support';

const G_IDS = ['fig14', 'fig15', 'fig16', 'fig17', 'fig18', 'fig19', 'fig20', 'fig21', 'fig22', 'fig23', 'fig24', 'fig25', 'fig26'];

let tmp: string;
let input: HtmlReportInput;
let html: string;
let browser: Browser | undefined;
let page: Page;
let problems: string[];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-report-g-'));
  const reconstruction = makeReconstruction();
  reconstruction.levels[0]!.shares.occupation[0]!.label = '<img src=x onerror=alert(1)>';
  input = { report: makeReport(), reconstruction, title: 'G', provenance: {}, methods: '', generatedAt: '2025-01-01T00:00:00Z' };
  html = renderHtmlReport(input);
  const file = join(tmp, 'report.html');
  writeHtmlReport(file, input);
  browser = await launchChromium();
  ({ page, problems } = await openOffline(browser, pathToFileURL(file).href, [...FIGURE_IDS, ...G_IDS]));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the reconstruction part of the HTML report', () => {
  it('is absent without a reconstruction', () => {
    const plain = renderHtmlReport({ ...input, reconstruction: undefined });
    expect(plain).not.toContain('id="reconstruction"');
    expect(plain).not.toContain('id="fig14"');
  });

  it('opens with the intro, then Figures 14–27 in the paper’s order, each in the contents', () => {
    expect(reconstructionSections(input.reconstruction!).map((s) => s.id)).toEqual(G_IDS);
    const intro = html.indexOf('<section id="reconstruction">');
    expect(intro).toBeGreaterThan(html.indexOf('<section id="fig13"'));
    expect(intro).toBeLessThan(html.indexOf('<section id="fig14"'));
    const order = G_IDS.map((id) => html.indexOf(`<section id="${id}"`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toContain('<li><a href="#fig16">Figure 16: categories, agreement of clusters with direct assignment by level</a></li>');
    expect(html).toContain('≈10 per cluster (k = 1,200), ≈100 per cluster (k = 120), ≈1,000 per cluster (k = 12)');
    expect(html).toContain('At ≈1,000 per cluster (k = 12) the clusters found 2 of the 5 tasks direct assignment found (40%).');
  });

  it('tables every level × granularity and escapes names', () => {
    const overview = html.slice(html.indexOf('id="reconstruction-metrics"'), html.indexOf('</table>', html.indexOf('id="reconstruction-metrics"')));
    expect(overview.match(/<tr>/g)).toHaveLength(1 + 9);
    expect(overview).toContain('<td class="num">0.990</td>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('draws every figure offline, valid by Plotly’s schema, with its numbers', async () => {
    expect(problems).toEqual([]);
    const figures = Object.fromEntries(reconstructionSections(input.reconstruction!).map((s) => [s.id, s.figure]));
    expect(await plotlyProblems(page, figures)).toEqual({});
    const scatter = await tracesOf(page, 'fig14');
    expect(scatter.map((t) => t.name)).toContain('≈1,000 per cluster (k = 12)');
    const metrics = await tracesOf(page, 'fig16');
    expect(numbers(metrics.find((t) => t.name === 'MSE (right axis)')?.y)).toEqual([1.5, 2.5, 3.5]);
  });
});
