// The offline HTML report: built for the bundled release, written to disk, opened from file:// in
// headless Chromium with every non-file request aborted. Asserts what Plotly actually drew.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeProject, type Project } from '../../src-main/engine/project';
import { openBundledProject } from '../support/shared-projects';
import { reproduce } from '../../src-main/engine/analyze/reproduce';
import { FIGURE_IDS, REPORT_CSP, renderHtmlReport, writeHtmlReport, type HtmlReportInput } from '../../src-main/engine/report-html';
import { jsonForScript, scriptForInline } from '../../src-main/engine/report-html/html';
import type { PaperReference } from '../../src-shared/report';
import * as fig2 from '../../src-shared/charts/fig2Drilldown';
import { shortCategory, TOP_CATEGORIES } from '../../src-shared/charts/fig2Drilldown';
import { launchChromium } from '../support/browser';
import { drawnMarks, numbers, openOffline, plotlyProblems, tracesOf as traces } from './support';

const RESOURCES = resolve(__dirname, '../../resources');

let tmp: string;
let project: Project | undefined;
let input: HtmlReportInput;
let html: string;
let file: string;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let aborted: string[];
let problems: string[];

const tracesOf = (figId: string) => traces(page, figId);

/** The document's own markup: the bodies of inline <script> elements (Plotly, JSON) removed. */
function markupOnly(source: string): string {
  return source.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2');
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-report-html-'));
  project = openBundledProject(join(tmp, 'p.sqlite'));
  const report = reproduce(project.db, 'aei-2025-02-10');
  const paper = JSON.parse(readFileSync(join(RESOURCES, 'reference/paper-figures.json'), 'utf8')) as PaperReference;
  input = {
    report,
    paper,
    title: 'Task Atlas report <test> & “quotes”',
    methods: 'Reproduced from the bundled release.\n\nNo classification run was involved.',
    provenance: {
      'App version': '0.1.0',
      'Source id': report.source.id,
      'Data files': [{ file: 'onet_task_mappings.csv', sha256: 'ab'.repeat(32) }],
    },
  };
  html = renderHtmlReport(input);
  file = join(tmp, 'out', 'report.html');
  writeHtmlReport(file, input);

  browser = await launchChromium();
  ({ context, page, aborted, problems } = await openOffline(browser, pathToFileURL(file).href, FIGURE_IDS));
});

afterAll(async () => {
  await browser?.close();
  if (project) closeProject(project);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the HTML (static)', () => {
  it('is one self-contained file with a no-network CSP', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP.replace(/'/g, '&#39;')}">`);
    expect(html.length).toBeGreaterThan(4_000_000); // Plotly is inlined
    expect(statSync(file).size).toBe(Buffer.byteLength(html));
    // No external resources at all: no script/link/img/iframe with a src or href that loads.
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    const markup = markupOnly(html);
    expect(markup).not.toMatch(/src="http/i);
    expect(markup).not.toMatch(/href="http/i);
    expect(markup).not.toMatch(/(src|href)='http/i);
    expect(markup).not.toMatch(/url\(\s*['"]?http/i);
    // Exactly four scripts, each closed where intended: data, still-image variants, Plotly, drawing code.
    expect(html.match(/<script\b/gi)).toHaveLength(4);
    expect(html.match(/<\/script>/gi)).toHaveLength(4);
  });

  it('escapes text and embedded JSON', () => {
    expect(html).toContain('<title>Task Atlas report &lt;test&gt; &amp; “quotes”</title>');
    expect(jsonForScript({ a: '</script><!--' })).toBe('{"a":"\\u003c/script\\u003e\\u003c!--"}');
    expect(JSON.parse(jsonForScript({ a: '</script>' }))).toEqual({ a: '</script>' });
    expect(scriptForInline('var s = "</SCRIPT>";')).toBe('var s = "<\\/SCRIPT>";');
  });

  it('has the methods and provenance sections', () => {
    const markup = markupOnly(html);
    expect(markup).toContain('id="methods"');
    expect(markup).toMatch(/divided evenly across the distinct occupations/);
    expect(markup).toMatch(/Base\. % is the share of the task statements/);
    expect(markup).toContain('No classification run was involved.');
    expect(markup).toContain('id="provenance"');
    expect(markup).toContain('ab'.repeat(32));
    expect(markup).toContain('aei-2025-02-10');
  });
});

describe('the HTML without a paper reference or pattern data', () => {
  it('omits the paper columns and says there is no pattern data', () => {
    const bare = markupOnly(
      renderHtmlReport({ ...input, paper: undefined, report: { ...input.report, automation: null }, generatedAt: '2025-01-01T00:00:00Z' }),
    );
    expect(bare).not.toContain('Paper (published)');
    expect(bare).not.toContain('Paper usage (%)');
    expect(bare).toContain('No collaboration-pattern data in this source');
    expect(bare).toContain('Generated 2025-01-01T00:00:00Z');
  });

  it('is byte-identical for the same input and timestamp', () => {
    const a = renderHtmlReport({ ...input, generatedAt: '2025-01-01T00:00:00Z' });
    expect(renderHtmlReport({ ...input, generatedAt: '2025-01-01T00:00:00Z' })).toBe(a);
  });
});

describe('the report in Chromium, offline', () => {
  it('loads nothing from the network', () => {
    expect(aborted).toEqual([]);
  });

  it('draws all seven figures, each with traces and marks in its SVG', async () => {
    expect(FIGURE_IDS).toEqual(['fig2', 'fig3', 'fig4', 'fig6', 'fig6bands', 'fig7', 'fig13']);
    expect(await page.locator('.js-plotly-plot').count()).toBe(7);
    for (const id of FIGURE_IDS) {
      expect(await page.locator(`#${id} .js-plotly-plot`).count()).toBe(1);
      expect((await tracesOf(id)).length, id).toBeGreaterThan(0);
      expect(await drawnMarks(page, id), id).toBeGreaterThan(0);
    }
    // No run in this report: no run section, no run figures.
    expect(await page.locator('#run, #fig5, #fig8, #fig10').count()).toBe(0);
  });

  it('passes Plotly’s own schema check for every figure, the treemap form of Figure 2 included', async () => {
    const figures = JSON.parse((await page.textContent('#figure-data')) ?? '{}') as Record<string, unknown>;
    expect(Object.keys(figures)).toEqual([...FIGURE_IDS]);
    const treemap = fig2.toFigure(input.report, { kind: 'treemap' });
    expect(await plotlyProblems(page, { ...figures, treemap, empty: fig2.toFigure({ ...input.report, drilldown: [] }) })).toEqual({});
    // The check does catch a wrong attribute (so the empty result above means something).
    const bad = { data: [{ type: 'sunburst', ids: ['a'], labels: ['a'], parents: [''], values: [1], branchvalue: 'total' }], layout: {} };
    expect(Object.keys(await plotlyProblems(page, { bad }))).toEqual(['bad']);
  });

  it('draws Figure 2 as a sunburst of the six largest categories, sized by their usage', async () => {
    const [sunburst] = await tracesOf('fig2');
    expect(sunburst?.type).toBe('sunburst');
    const top = input.report.drilldown.slice(0, TOP_CATEGORIES);
    const roots = sunburst!.ids!.flatMap((id, i) => (id.includes('/') ? [] : [[id, sunburst!.values![i]]]));
    expect(roots).toEqual(top.map((c) => [`cat:${c.code}`, c.usagePct]));
    expect(top[0]?.title).toBe('Computer and Mathematical Occupations');
    // Three rings as in the paper: categories, their largest occupations, those occupations' tasks.
    expect(await page.locator('#fig2 g.slice').count()).toBe(sunburst!.ids!.length);
    expect(sunburst!.ids!.filter((id) => id.includes('/task:')).length).toBeGreaterThan(TOP_CATEGORIES * 8);
    expect(await page.locator('#drilldown tbody tr').count()).toBeGreaterThan(100);
  });

  it('drills into a category when its sector is clicked, and back out from the centre', async () => {
    const computing = input.report.drilldown[0]!;
    const slices = page.locator('#fig2 g.slice');
    const sliceCount = () => slices.count();
    const before = await sliceCount();
    const label = shortCategory(computing.title);
    await slices.filter({ hasText: label }).first().click();
    await expect.poll(sliceCount, { timeout: 10_000 }).not.toBe(before);
    // Now the category is the centre: its occupations and their tasks, no other category.
    const labels = async () => (await page.locator('#fig2 g.slice text').allTextContents()).join('|');
    await expect.poll(labels, { timeout: 10_000 }).toContain(computing.occupations[0]!.title.slice(0, 20));
    expect(await labels()).not.toContain(shortCategory(input.report.drilldown[1]!.title));
    await slices.filter({ hasText: label }).first().click();
    await expect.poll(sliceCount, { timeout: 10_000 }).toBe(before);
  });

  it('draws Figure 3 with real category shares', async () => {
    const usage = (await tracesOf('fig3')).find((t) => t.name === 'Claude usage (%)');
    expect(usage).toBeDefined();
    const i = usage!.y!.findIndex((title) => String(title).startsWith('Computer and Mathematical'));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(usage!.x![i]).toBeGreaterThan(30);
    expect(usage!.x![i]).toBeLessThan(45);
    // The bars are really in the SVG, not just in the data.
    expect(await page.locator('#fig3 .js-plotly-plot .bars path').count()).toBeGreaterThan(10);
  });

  it('draws the other figures with data', async () => {
    const curve = (await tracesOf('fig4')).find((t) => t.mode === 'lines');
    expect(numbers(curve!.y).length).toBeGreaterThan(50);
    expect(numbers((await tracesOf('fig6'))[0]!.x).length).toBeGreaterThan(100);
    const patterns = (await tracesOf('fig7')).flatMap((t) => numbers(t.y));
    expect(patterns).toHaveLength(5);
    expect(numbers((await tracesOf('fig13'))[0]!.x)).toHaveLength(20);
  });

  it('renders Table 2 and the category table as HTML tables', async () => {
    const rows = await page.$$eval('#table2 tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td as { textContent: string | null }).textContent ?? '')),
    );
    expect(rows).toHaveLength(5);
    for (const cells of rows) {
      expect(cells.length).toBeGreaterThanOrEqual(9); // two engine variants + the paper, 3 metrics each
      for (const cell of cells.slice(0, 3)) expect(Number.isFinite(Number(cell))).toBe(true);
    }
    expect(await page.locator('#categories tbody tr').count()).toBeGreaterThanOrEqual(22);
  });

  it('enforces its CSP: a fetch from the page is refused before it reaches the network', async () => {
    const probe = await context.newPage();
    try {
      await probe.goto(pathToFileURL(file).href);
      const before = aborted.length;
      const outcome = await probe.evaluate(async () => {
        // Runs in the page; the node tsconfig has no DOM lib, so describe the window structurally.
        const win = globalThis as unknown as {
          addEventListener(type: 'securitypolicyviolation', listener: (e: { violatedDirective: string }) => void): void;
        };
        const violations: string[] = [];
        win.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
        const result = await fetch('https://example.com/probe').then(
          () => 'loaded',
          () => 'blocked',
        );
        await new Promise((r) => setTimeout(r, 100));
        return { result, violations };
      });
      expect(outcome.result).toBe('blocked');
      expect(outcome.violations).toContain('connect-src');
      expect(aborted.length).toBe(before); // blocked by the policy, not by the test's route
    } finally {
      await probe.close();
    }
  });

  it('ran without console or page errors, and leaves a screenshot', async () => {
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/report.png', fullPage: true });
    expect(problems).toEqual([]);
    expect(aborted).toEqual([]);
  });
});
