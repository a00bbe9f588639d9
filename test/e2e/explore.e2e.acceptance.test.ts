// End to end: real project file, bundled data plus an own run classified against the fake Claude
// server, real HTTP server, the built renderer (out/web, from `npm run build:web`) in headless
// Chromium. Asserts the numbers Plotly actually drew — for the release, after filtering, for the run
// and in the comparison — the CSV a download saves, and that the page ran without console errors
// (CSP violations would surface there).
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Project } from '../../src-main/engine/project';
import type { ApiHandlers } from '../../src-main/engine/service';
import * as compare from '../../src-shared/charts/compare';
import * as fig2 from '../../src-shared/charts/fig2Drilldown';
import * as fig3 from '../../src-shared/charts/fig3Categories';
import { fmt, fmtInt } from '../../src-shared/charts/format';
import { tableToCsv } from '../../src-shared/charts/table';
import { closeSession, openSession, tracesOf as traces, type BrowserSession, type Trace } from './browser-session';
import { exploreProject, RELEASE_ID, RUN_NAME, RUN_SOURCE } from './explore-setup';

const FIGURES = ['fig2', 'fig3', 'fig4', 'fig6', 'fig7', 'fig13'];
const SECTIONS = ['fig2', 'fig3', 'fig4', 'fig5', 'fig6', 'fig7', 'fig8', 'fig10', 'fig13', 'table2'];
const RUN_FIGURES = ['fig5', 'fig8', 'fig10'];

let tmp: string;
let handlers: ApiHandlers;
let project: Project | undefined;
let session: BrowserSession | undefined;
let page: Page;
const problems: string[] = [];

const tracesOf = (figId: string) => traces(page, figId);

const numbers = (values: (number | string | null)[]) => values.filter((v): v is number => typeof v === 'number');
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Linear interpolation on the depth curve, in case the engine's grid has no point at exactly x. */
function yAt(trace: Trace, x: number): number {
  const xs = numbers(trace.x);
  const ys = numbers(trace.y);
  const i = xs.findIndex((v) => v >= x);
  if (i <= 0) return ys[Math.max(i, 0)] ?? NaN;
  const [x0, x1, y0, y1] = [xs[i - 1]!, xs[i]!, ys[i - 1]!, ys[i]!];
  return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}

beforeAll(async () => {
  ({ project, dir: tmp } = await exploreProject());
  // Console errors, page errors and CSP violations (which Chromium reports only as events, e.g. a
  // caught `new Function` probe) all go into `problems`, so the no-errors assertion covers the policy.
  session = await openSession(project, problems);
  ({ handlers, page } = session);
  await page.goto(session.server.pageUrl('/explore'));
  for (const id of FIGURES) await page.waitForSelector(`#${id}[data-drawn="true"]`, { timeout: 90_000 });
}, 300_000);

afterAll(() => closeSession(session, project, tmp));

describe('Explore page in Chromium', () => {
  it('shows the project path from app.info', async () => {
    await expect(page.textContent('.app-header')).resolves.toContain('project.sqlite');
  });

  it('draws Figure 3 with real category shares', async () => {
    const usage = (await tracesOf('fig3')).find((t) => t.name === 'Claude usage (%)');
    expect(usage).toBeDefined();
    const values = numbers(usage!.x);
    expect(values.length).toBeGreaterThan(10);
    expect(sum(values)).toBeGreaterThan(99.5);
    expect(sum(values)).toBeLessThan(100.5);
    const computing = usage!.y.findIndex((title) => String(title).startsWith('Computer and Mathematical'));
    expect(computing).toBeGreaterThanOrEqual(0);
    expect(usage!.x[computing]).toBeGreaterThan(30);
    expect(usage!.x[computing]).toBeLessThan(45);
  });

  it('draws the Figure 4 depth curve through the paper range at 25%', async () => {
    const curve = (await tracesOf('fig4')).find((t) => t.mode === 'lines');
    expect(curve).toBeDefined();
    const at25 = yAt(curve!, 25);
    expect(at25).toBeGreaterThan(20);
    expect(at25).toBeLessThan(50);
  });

  it('draws Figure 6 with one point per occupation kept', async () => {
    const [scatter] = await tracesOf('fig6');
    expect(numbers(scatter!.x).length).toBeGreaterThan(100);
    expect(numbers(scatter!.x).every((wage) => wage > 100)).toBe(true);
  });

  it('draws five collaboration-pattern bars summing to 100%', async () => {
    const bars = (await tracesOf('fig7')).filter((t) => t.type === 'bar');
    const values = bars.flatMap((t) => numbers(t.y));
    expect(values).toHaveLength(5);
    expect(Math.abs(sum(values) - 100)).toBeLessThan(0.5);
  });

  it('draws the top tasks', async () => {
    const [bars] = await tracesOf('fig13');
    expect(numbers(bars!.x)).toHaveLength(20);
  });

  it('renders Table 2 with five numeric zone rows', async () => {
    const rows = await page.$$eval('#table2 tbody tr', (trs) =>
      // No DOM lib in the node tsconfig: type the cells structurally.
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td as { textContent: string | null }).textContent ?? '')),
    );
    expect(rows).toHaveLength(5);
    for (const cells of rows) {
      // The first column group (the engine's first variant) must be filled for every zone.
      expect(cells.length).toBeGreaterThanOrEqual(3);
      for (const cell of cells.slice(0, 3)) expect(Number.isFinite(Number(cell))).toBe(true);
    }
  });

});

const ctx = { transport: 'http' as const };
const topIds = (t: Trace | undefined) => (t?.ids ?? []).filter((id) => !id.includes('/'));

/** Clicks a download button and returns the saved file's name and bytes. */
async function download(selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(saved) };
}

describe('Explore: every figure, filters, downloads', () => {
  it('has a section for every figure and Table 2, each linked from the contents', async () => {
    for (const id of SECTIONS) {
      await expect(page.locator(`#sec-${id}`).count()).resolves.toBe(1);
      await expect(page.locator(`.explore-toc a[href="#sec-${id}"]`).count()).resolves.toBe(1);
    }
  });

  it('reaches a figure from the contents with the keyboard', async () => {
    await page.focus('.explore-toc a[href="#sec-fig10"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('sec-fig10');
  });

  it('draws Figure 2 as a sunburst of the top categories that switches to a treemap', async () => {
    const report = await handlers['analysis.reproduce']({ sourceId: RELEASE_ID }, ctx);
    const [sun] = await tracesOf('fig2');
    expect(sun?.type).toBe('sunburst');
    expect(topIds(sun)).toEqual(fig2.shownDrilldown(report).map((s) => `cat:${s.category.code}`));
    expect(sun!.ids!.length).toBeGreaterThan(20);
    await page.check('input[name="fig2-kind"][value="treemap"]');
    await expect.poll(async () => (await tracesOf('fig2'))[0]?.type).toBe('treemap');
    await page.check('input[name="fig2-kind"][value="sunburst"]');
    await expect.poll(async () => (await tracesOf('fig2'))[0]?.type).toBe('sunburst');
  });

  it('explains Figures 5, 8 and 10 for a published release, with a way to Classify', async () => {
    for (const id of RUN_FIGURES) {
      await expect(page.textContent(`#sec-${id} [data-unavailable]`)).resolves.toContain('A published release carries only aggregated task shares');
      await expect(page.getAttribute(`#sec-${id} .unavailable a`, 'href')).resolves.toBe('#/classify');
      await expect(page.locator(`#${id}`).count()).resolves.toBe(0);
    }
  });

  it('filters what the charts draw by Job Zone and category, says so, and resets', async () => {
    const report = await handlers['analysis.reproduce']({ sourceId: RELEASE_ID }, ctx);
    const zoneOf = new Map(report.drilldown.flatMap((c) => c.occupations.map((o) => [o.code, o.jobZone] as const)));
    const points = async () => numbers((await tracesOf('fig6'))[0]!.x).length;
    const all = await points();
    expect(all).toBe(report.wage.points.length);

    await page.check('input[name="filter-job-zone"][value="4"]');
    const inZone4 = report.wage.points.filter((p) => zoneOf.get(p.code) === 4).length;
    expect(inZone4).toBeGreaterThan(0);
    expect(inZone4).toBeLessThan(all);
    await expect.poll(points).toBe(inZone4);
    await expect(page.textContent('.filter-summary')).resolves.toContain('Job Zones: 4');
    await expect(page.locator('#table2 tbody tr').count()).resolves.toBe(1);

    const biggest = [...report.categories].sort((a, b) => b.usagePct - a.usagePct)[0]!.title;
    await page.selectOption('#filter-categories', [biggest]);
    await expect.poll(async () => (await tracesOf('fig3'))[0]?.y).toEqual([biggest]);

    await page.click('text=Reset filters');
    await expect.poll(points).toBe(all);
    await expect.poll(async () => (await tracesOf('fig3'))[0]?.y.length).toBe(report.categories.length);
    await expect(page.textContent('.filter-summary')).resolves.toContain('No filters');
  });

  it('downloads the data of Figure 3 as CSV with the columns and rows of toTable', async () => {
    const table = fig3.toTable(await handlers['analysis.reproduce']({ sourceId: RELEASE_ID }, ctx));
    const { name, bytes } = await download('#sec-fig3 [data-download="csv"]');
    expect(name).toBe(`fig3-${RELEASE_ID}.csv`);
    const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe(tableToCsv({ columns: table.columns, rows: [] }).trimEnd());
    expect(lines).toHaveLength(table.rows.length + 1);
  });

  it('downloads Figure 3 as SVG and PNG', async () => {
    const svg = await download('#sec-fig3 [data-download="svg"]');
    expect(svg.name).toBe(`fig3-${RELEASE_ID}.svg`);
    expect(svg.bytes.toString('utf8')).toMatch(/^<svg[^>]*>/);
    expect(svg.bytes.toString('utf8')).toContain('Claude usage');
    const png = await download('#sec-fig3 [data-download="png"]');
    expect(png.name).toBe(`fig3-${RELEASE_ID}.png`);
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('shows the own run from the picker with Figures 2, 5, 8 and 10 drawn', async () => {
    await page.selectOption('#explore-source', RUN_SOURCE);
    for (const id of RUN_FIGURES) await page.waitForSelector(`#${id}[data-drawn="true"]`, { timeout: 60_000 });
    const report = await handlers['analysis.reproduce']({ sourceId: RUN_SOURCE }, ctx);
    const expected = fig2.shownDrilldown(report).map((s) => `cat:${s.category.code}`);
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(async () => topIds((await tracesOf('fig2'))[0])).toEqual(expected);
    const run = await handlers['analysis.runReport']({ run: RUN_NAME }, ctx);
    expect(numbers((await tracesOf('fig5'))[0]!.x)).toHaveLength(run.skills.length);
    expect(run.skills.length).toBeGreaterThan(0);
    expect(await tracesOf('fig8')).toHaveLength(run.byModel.length);
    expect(await tracesOf('fig10')).toHaveLength(run.accountsKnown ? 2 : 1);
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/explore-run.png', fullPage: true });
  });

  it('compares the release with the run and shows the agreement metrics', async () => {
    await page.selectOption('#compare-a', RELEASE_ID);
    await page.selectOption('#compare-b', RUN_SOURCE);
    await page.click('#sec-compare button[type="submit"]');
    await page.waitForSelector('#compare-chart[data-drawn="true"]', { timeout: 60_000 });
    const cmp = await handlers['analysis.compare']({ a: RELEASE_ID, b: RUN_SOURCE }, ctx);
    const rows = await page.$$eval('#compare-metrics tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (c) => (c as { textContent: string | null }).textContent ?? '')),
    );
    expect(rows.map((r) => r[0])).toEqual(['Categories', 'Occupations', 'Tasks']);
    const cat = cmp.metrics.find((m) => m.level === 'category')!.metrics;
    expect(rows[0]!.slice(1, 3)).toEqual([fmtInt(cat.n), fmt(cat.pearson, 3)]);
    const points = (await tracesOf('compare-chart')).find((t) => t.name === compare.POINTS_TRACE);
    expect(numbers(points!.x)).toHaveLength(cmp.categories.length);
    await page.check('input[name="compare-level"][value="occupation"]');
    await expect.poll(async () => numbers((await tracesOf('compare-chart')).find((t) => t.name === compare.POINTS_TRACE)!.x).length).toBe(cmp.occupations.length);
  });

  it('ran without console or page errors, and leaves a screenshot', async () => {
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/explore.png', fullPage: true });
    expect(problems).toEqual([]);
  });
});
