// The offline HTML report of a classification run (the hand-made run of test/export/run-fixture.ts):
// besides the release figures it carries the run's Figures 5, 8 and 10 and what the privacy
// thresholds kept. Opened from file:// in headless Chromium with every non-file request aborted.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { closeProject, type Project } from '../../src-main/engine/project';
import { reproduce } from '../../src-main/engine/analyze/reproduce';
import { runReport } from '../../src-main/engine/classify/report';
import { figureIds, FIGURE_IDS, RUN_FIGURE_IDS, writeHtmlReport } from '../../src-main/engine/report-html';
import * as fig5 from '../../src-shared/charts/fig5Skills';
import * as fig8 from '../../src-shared/charts/fig8Models';
import * as fig10 from '../../src-shared/charts/fig10ConvVsAccount';
import type { RunReport } from '../../src-shared/report';
import { launchChromium } from '../support/browser';
import { ACCOUNT_MARKER, DROPPED, TEXT_MARKER, runProject } from '../export/run-fixture';
import { drawnMarks, numbers, openOffline, plotlyProblems, tracesOf, type OfflinePage } from './support';

let tmp: string;
let project: Project | undefined;
let run: RunReport;
let html: string;
let browser: Browser | undefined;
let view: OfflinePage;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-report-run-'));
  project = runProject();
  run = runReport(project.db, 'r', 'mini');
  const file = join(tmp, 'report.html');
  writeHtmlReport(file, {
    report: reproduce(project.db, run.sourceId),
    run,
    title: 'Run r',
    provenance: { run: 'r' },
    methods: '',
    generatedAt: '2025-01-01T00:00:00Z',
  });
  html = readFileSync(file, 'utf8');
  browser = await launchChromium();
  view = await openOffline(browser, pathToFileURL(file).href, figureIds({ run }));
});

afterAll(async () => {
  await browser?.close();
  if (project) closeProject(project);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the HTML report of a run', () => {
  it('holds the release figures and the run figures', () => {
    expect(figureIds({ run })).toEqual([...FIGURE_IDS, ...RUN_FIGURE_IDS]);
    expect(figureIds({})).toEqual([...FIGURE_IDS]);
    for (const id of ['fig2', 'fig5', 'fig8', 'fig10', 'run']) expect(html).toContain(`<section id="${id}"`);
  });

  it('names no task under the thresholds, no conversation text and no account id', () => {
    for (const needle of [...DROPPED, TEXT_MARKER, ACCOUNT_MARKER]) expect(html).not.toContain(needle);
  });

  it('draws every figure offline, each with traces and marks in its SVG', async () => {
    expect(await view.page.locator('.js-plotly-plot').count()).toBe(figureIds({ run }).length);
    // The fixture's hierarchy has two levels, so Figure 12 (middle level) is drawn as its "no data" message.
    for (const id of figureIds({ run }).filter((f) => f !== 'fig12')) {
      expect((await tracesOf(view.page, id)).length, id).toBeGreaterThan(0);
      expect(await drawnMarks(view.page, id), id).toBeGreaterThan(0);
    }
    expect(await view.page.textContent('#fig12 .plot')).toContain('No middle-level tasks');
  });

  it('passes Plotly’s own schema check for every figure, and for the run figures’ empty forms', async () => {
    const figures = JSON.parse((await view.page.textContent('#figure-data')) ?? '{}') as Record<string, unknown>;
    expect(Object.keys(figures)).toEqual(figureIds({ run }));
    const bare = { ...run, skills: [], byModel: [], accountsKnown: false };
    const empty = { fig5: fig5.toFigure(bare), fig8: fig8.toFigure(bare), fig10: fig10.toFigure(bare) };
    expect(await plotlyProblems(view.page, { ...figures, ...empty })).toEqual({});
  });

  it('draws the run’s own numbers in Figures 5, 8 and 10', async () => {
    const [skills] = await tracesOf(view.page, 'fig5');
    // Every one of the 79 classified conversations exhibited "writing".
    expect(skills?.y).toEqual(['writing']);
    expect(skills?.x).toEqual([100]);
    const models = await tracesOf(view.page, 'fig8');
    expect(models.map((t) => t.name)).toEqual(run.byModel.map(fig8.traceName));
    for (const [i, m] of run.byModel.entries()) {
      const share = new Map(m.categories.map((c) => [c.title, c.usagePct]));
      expect(models[i]!.x).toEqual(models[i]!.y!.map((title) => share.get(String(title)) ?? 0));
    }
    const [byConversations, byAccounts] = await tracesOf(view.page, 'fig10');
    const row = (title: unknown) => run.conversationVsAccount.categories.find((c) => c.title === title)!;
    expect(numbers(byConversations!.x)).toEqual(byConversations!.y!.map((t) => row(t).byConversations));
    expect(numbers(byAccounts!.x)).toEqual(byAccounts!.y!.map((t) => row(t).byAccounts));
  });

  it('draws Figure 2 from the run’s kept tasks only', async () => {
    const [sunburst] = await tracesOf(view.page, 'fig2');
    const roots = sunburst!.ids!.filter((id) => !id.includes('/'));
    expect(roots).toEqual(['cat:15', 'cat:11']); // Writers' task fell under the thresholds
  });

  it('says what the thresholds kept', async () => {
    const text = await view.page.textContent('#run');
    expect(text).toContain('2 of 4 tasks kept (45 conversations)');
    expect(text).toContain('2 tasks with 34 conversations fell under the thresholds');
  });

  it('ran without console or page errors, loaded nothing, and leaves a screenshot', async () => {
    mkdirSync('test-artifacts', { recursive: true });
    await view.page.screenshot({ path: 'test-artifacts/report-run.png', fullPage: true });
    expect(view.problems).toEqual([]);
    expect(view.aborted).toEqual([]);
  });
});
