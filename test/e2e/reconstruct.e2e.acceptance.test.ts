// End to end: Explore's Appendix G section for an own run, in Chromium against the real HTTP server
// and the built renderer (TASK_ATLAS_WEB_DIR, else out/web from `npm run build:web`). First the run
// has no reconstruction (the section says how to make one and offers to start it); then a finished
// reconstruction is stored in the engine's own table and the page draws Figures 14–27 from it.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Project } from '../../src-main/engine/project';
import { DIAGONAL_TRACE } from '../../src-shared/charts/figGScatter';
import { makeReconstruction } from '../charts/reconstruct-fixture';
import { closeSession, openSession, tracesOf as traces, type BrowserSession } from './browser-session';
import { exploreProject, RUN_NAME, RUN_SOURCE } from './explore-setup';

const ARTIFACTS = path.resolve('test-artifacts');
const CARDS = ['figG-scatter', 'figG-prevalence', 'figG-metrics', 'figG-wage', 'figG-recovered-occupation', 'figG-recovered-task', 'figG-per-occupation'];
const HOSTILE = '<img src=x onerror=alert(1)> Writers';

let tmp: string;
let project: Project | undefined;
let session: BrowserSession | undefined;
let page: Page;
const problems: string[] = [];

const tracesOf = (id: string) => traces(page, id);

/** A fresh document each time: a goto that changes only the hash would keep the page's state. */
async function openExplore(): Promise<void> {
  await page.goto('about:blank');
  await page.goto(session!.server.pageUrl('/explore'));
  await page.waitForSelector('#explore-source');
}

async function showRun(): Promise<void> {
  await openExplore();
  await page.selectOption('#explore-source', RUN_SOURCE);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ project, dir: tmp } = await exploreProject());
  session = await openSession(project, problems);
  page = session.page;
}, 300_000);

afterAll(() => closeSession(session, project, tmp));

describe('Explore: the reconstruction section in Chromium', () => {
  it('says a release has nothing to reconstruct, and how to make a run’s before there is one', async () => {
    await openExplore();
    await expect(page.locator('#sec-reconstruct [data-unavailable="true"]').textContent()).resolves.toContain('Pick a run as the source above');
    await page.selectOption('#explore-source', RUN_SOURCE);
    const none = page.locator('#sec-reconstruct [data-reconstruction="none"]');
    await none.waitFor({ timeout: 60_000 });
    await expect(none.textContent()).resolves.toContain(`No reconstruction yet — run task-atlas reconstruct --run ${RUN_NAME} or start it here`);
    // Money first: Start is enabled only once the estimate (the CLI's --estimate figures) is shown.
    await expect(none.locator('#reconstruct-start').isDisabled()).resolves.toBe(true);
    await none.locator('#reconstruct-estimate-button').click();
    await expect(page.locator('#reconstruct-estimate').textContent()).resolves.toMatch(/conversations; levels .* Claude calls, .* tokens: \$/);
    await expect(none.locator('#reconstruct-start').isEnabled()).resolves.toBe(true);
    await page.locator('#sec-reconstruct').screenshot({ path: path.join(ARTIFACTS, 'explore-reconstruction-none.png') });
    await expect(page.locator('.explore-toc a[href="#sec-reconstruct"]').textContent()).resolves.toContain('Appendix G');
  }, 120_000);

  it('draws every Appendix G card from a stored reconstruction', async () => {
    const report = { ...makeReconstruction(), run: RUN_NAME };
    report.levels[1]!.shares.category[1]!.label = HOSTILE;
    project!.db
      .prepare("INSERT INTO reconstruct_run (run_id, config_json, status, report_json, created_at, updated_at) VALUES (?, '{}', 'complete', ?, '', '')")
      .run(RUN_NAME, JSON.stringify(report));
    await showRun();
    for (const id of CARDS) await page.waitForSelector(`#${id}[data-drawn="true"]`, { timeout: 60_000 });
    const scatter = await tracesOf('figG-scatter');
    expect(scatter.map((t) => t.name)).toEqual([DIAGONAL_TRACE, '≈10 per cluster (k = 1,200)', '≈100 per cluster (k = 120)', '≈1,000 per cluster (k = 12)']);
    expect(scatter[1]!.y).toEqual([40, 30, 29, 1]);
    // The name reached Plotly escaped, and the page holds no element made from it.
    expect(scatter[1]!.text).toContain('&lt;img src=x onerror=alert(1)&gt; Writers');
    await expect(page.locator('#sec-reconstruct img').count()).resolves.toBe(0);
    await expect(page.locator('#reconstruction-metrics tbody tr').count()).resolves.toBe(9);
    const mse = (await tracesOf('figG-metrics')).find((t) => t.name === 'MSE (right axis)');
    expect(mse?.y).toEqual([1.5, 2.5, 3.5]);
    await page.locator('#sec-reconstruct').screenshot({ path: path.join(ARTIFACTS, 'explore-reconstruction-intro.png') });
    await page.locator('#sec-figG-scatter').screenshot({ path: path.join(ARTIFACTS, 'explore-reconstruction-scatter.png') });
  }, 180_000);

  it('switches Figures 14–16 to the task level (22–24)', async () => {
    await page.check('input[name="reconstruction-granularity"][value="task"]');
    await expect(page.locator('#sec-figG-scatter h3').textContent()).resolves.toMatch(/^Figure 22: Tasks/);
    await page.waitForFunction(() => {
      const el = (globalThis as unknown as { document: { querySelector(s: string): { data?: { x: unknown[] }[] } | null } }).document.querySelector(
        '#figG-prevalence .js-plotly-plot',
      );
      return el?.data?.[0]?.x.length === 6;
    });
    // Charts off screen redraw in turn (draw-turns.ts): wait for the metrics chart's own redraw.
    await page.waitForFunction(() => {
      const el = (globalThis as unknown as { document: { querySelector(s: string): { data?: { name?: string; y: unknown[] }[] } | null } }).document.querySelector(
        '#figG-metrics .js-plotly-plot',
      );
      return el?.data?.find((t) => t.name === 'Spearman ρ')?.y.every((v) => v === null) === true;
    });
    const metrics = await tracesOf('figG-metrics');
    expect(metrics.find((t) => t.name === 'Spearman ρ')?.y).toEqual([null, null, null]);
    await expect(page.locator('#sec-figG-metrics .caption').textContent()).resolves.toContain('Figure 24. Paper Appendix G');
    await page.locator('#sec-figG-prevalence').screenshot({ path: path.join(ARTIFACTS, 'explore-reconstruction-prevalence.png') });
    await page.locator('#sec-figG-metrics').screenshot({ path: path.join(ARTIFACTS, 'explore-reconstruction-metrics.png') });
  }, 120_000);

  it('ran without console or page errors', () => {
    expect(problems).toEqual([]);
  });
});
