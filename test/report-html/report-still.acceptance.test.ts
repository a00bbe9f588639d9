// Still images behind the interactive figures (issue #17): the export embeds each figure's SVG in the
// report, shown when JavaScript is off and replaced by the live Plotly figure when it is on; a report
// written without Chromium says where the data are instead. Table 2 fits a 1024 px window.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeProject, type Project } from '../../src-main/engine/project';
import { openBundledProject } from '../support/shared-projects';
import { reproduce } from '../../src-main/engine/analyze/reproduce';
import { FIGURE_IDS, writeHtmlReport } from '../../src-main/engine/report-html';
import { stillPlaceholder, withStillImages } from '../../src-main/engine/report-html/still';
import { embedReportStills } from '../../src-main/engine/export/charts';
import { shortCategory, shownDrilldown } from '../../src-shared/charts/fig2Drilldown';
import type { PaperReference, ReproduceReport } from '../../src-shared/report';
import { launchChromium } from '../support/browser';
import { openOffline } from './support';

let tmp: string;
let project: Project | undefined;
let report: ReproduceReport;
let file: string;
let before: string;
let browser: Browser | undefined;
let noJs: Page;

/** Each figure section's markup, by id. */
function sections(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<section id="([\w-]+)" class="figure"[\s\S]*?<\/section>/g)].map((m) => [m[1]!, m[0]]));
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-report-still-'));
  project = openBundledProject(join(tmp, 'p.sqlite'));
  report = reproduce(project.db, 'aei-2025-02-10');
  const paper = JSON.parse(readFileSync(resolve(__dirname, '../../resources/reference/paper-figures.json'), 'utf8')) as PaperReference;
  file = join(tmp, 'report.html');
  writeHtmlReport(file, { report, paper, title: 'still', provenance: {}, methods: '' });
  before = readFileSync(file, 'utf8');
  expect(await embedReportStills(file, '/usr/bin/chromium')).toBe(FIGURE_IDS.length);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, javaScriptEnabled: false });
  noJs = await context.newPage();
  await noJs.goto(pathToFileURL(file).href);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (project) closeProject(project);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('a report written without Chromium', () => {
  it('holds a note in every figure in place of the still image', () => {
    const found = sections(before);
    expect([...found.keys()]).toEqual([...FIGURE_IDS]);
    for (const [id, markup] of found) {
      expect(markup).toContain(stillPlaceholder(id));
      expect(markup).not.toContain('<svg');
    }
  });

  it('refuses a still image it has no place for, or one that is not a plain SVG', () => {
    expect(() => withStillImages(before, { nowhere: '<svg></svg>' })).toThrow(/no still-image placeholder for figure nowhere/);
    expect(() => withStillImages(before, { fig3: '<svg><script>x()</script></svg>' })).toThrow(/fig3: the still image is not a plain SVG/);
    expect(() => withStillImages(before, { fig3: '<svg onload="x()"></svg>' })).toThrow(/not a plain SVG/);
  });
});

describe('the exported report with JavaScript off', () => {
  it('has an <svg> in every figure section, and nothing else of the report changed', () => {
    const after = readFileSync(file, 'utf8');
    for (const [id, markup] of sections(after)) {
      expect(markup, id).toMatch(new RegExp(`<div class="still" data-still="${id}"><svg class="main-svg"`));
      expect(markup, id).not.toContain('class="no-js"');
    }
    expect(after.replace(/<div class="still" data-still="([\w-]+)"><svg[\s\S]*?<\/svg><\/div>/g, (_, id: string) => stillPlaceholder(id))).toBe(before);
  });

  it('shows every figure as an image that fits the page', async () => {
    for (const id of FIGURE_IDS) {
      const box = await noJs.locator(`#${id} .plot .still > svg.main-svg`).boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.width, id).toBeGreaterThan(600);
      expect(box!.x + box!.width, id).toBeLessThanOrEqual(1024);
    }
    await noJs.locator('#fig2').screenshot({ path: join(tmp, 'fig2-nojs.png') });
  });

  it('names every category of Figure 2 in the still image', async () => {
    const text = await noJs.locator('#fig2 .still').textContent();
    for (const s of shownDrilldown(report)) expect(text).toContain(shortCategory(s.category.title));
  });

  it('fits Table 2, with the paper’s columns, in a 1024 px window', async () => {
    const [right, scroll, page] = await noJs.evaluate(() => {
      const doc = (globalThis as unknown as { document: { getElementById(id: string): { scrollWidth: number; getBoundingClientRect(): { right: number } }; documentElement: { scrollWidth: number } } }).document;
      const table = doc.getElementById('table2');
      return [table.getBoundingClientRect().right, table.scrollWidth, doc.documentElement.scrollWidth];
    });
    expect(right).toBeLessThanOrEqual(1024);
    expect(scroll).toBeLessThanOrEqual(1024);
    expect(page).toBeLessThanOrEqual(1024);
    await noJs.locator('#table2').screenshot({ path: join(tmp, 'table2-1024.png') });
  });
});

describe('the exported report with JavaScript on', () => {
  it('replaces every still image with the live figure', async () => {
    const { context, page, problems } = await openOffline(browser!, pathToFileURL(file).href, FIGURE_IDS);
    try {
      for (const id of FIGURE_IDS) {
        expect(await page.locator(`#${id} .still`).count(), id).toBe(0);
        expect(await page.locator(`#${id} .js-plotly-plot`).count(), id).toBe(1);
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
