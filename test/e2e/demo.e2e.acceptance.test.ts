// Demo mode end to end in Chromium, as a new user with no API key and no network would try it: the
// browser build over the in-process HTTP server, a host with no ANTHROPIC_API_KEY, and every page
// request to anything but 127.0.0.1 aborted (and recorded). "Try with demo data" → banner → build a
// small hierarchy → the sample corpus → classify (costs "simulated") → a validation packet → Explore
// (figures drawn, "demo" shown) → export (manifest says demo). Leaves test-artifacts/demo/NN-step.png.
// Needs `npm run build:web` first. Steps share one page, so they run in order.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AppHost } from '../../src-main/engine/host';
import { findResourcesDir } from '../../src-main/engine/project';
import { createAppService } from '../../src-main/engine/service';
import { startFakeAnthropic } from '../../src-main/fake-anthropic/server';
import { startHttpServer, type HttpServerHandle } from '../../src-main/http/server';
import { DEMO_DATASET, DEMO_PROVENANCE } from '../../src-shared/demo';
import { launchChromium, watchCsp } from '../support/browser';
import { count, goToStep, points, textOf, tracesOf, waitForJob } from './wizard-setup';

const ARTIFACTS = path.resolve('test-artifacts/demo');
const STEP_TIMEOUT = 120_000;

let tmp: string;
let host: AppHost;
let server: HttpServerHandle;
let browser: Browser;
let page: Page;
/** Console errors, page errors and CSP violations. */
const problems: string[] = [];
/** Every request the page tried to send off this machine (each one aborted). */
const offMachine: string[] = [];
let run = '';
const started = Date.now();

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'task-atlas-demo-e2e-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  // env: {} — no ANTHROPIC_API_KEY, whatever the machine running the test has.
  host = new AppHost({
    configDir: path.join(tmp, 'config'),
    resourcesDir: findResourcesDir(),
    env: {},
    demoServer: () => startFakeAnthropic({ latencyMs: 5 }),
  });
  host.openOrCreate(path.join(tmp, 'mine.sqlite'));
  server = await startHttpServer({ handlers: createAppService(host), staticDir: path.resolve('out/web'), logger: host.logger, events: (l) => host.jobs.subscribe(l) });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  // No network: the page may reach this machine's server and nothing else.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    offMachine.push(url.href);
    return route.abort('internetdisconnected');
  });
  await watchCsp(context, problems);
  page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
}, 60_000);

afterAll(async () => {
  console.log(`demo walk took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await browser?.close();
  await server?.close();
  await host?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('demo mode, end to end in Chromium with no key and no network', () => {
  it('starts from "Try with demo data" and shows the banner', async () => {
    expect(host.secrets.get()).toBeNull();
    await page.goto(server.pageUrl('/project'));
    await page.waitForSelector('#demo-project-title');
    expect(await textOf(page, '#demo-project-title')).toBe('Try with demo data');
    await shot('01-project');
    // Starting imports the sample corpus, then reloads the page at the Hierarchy step.
    await Promise.all([page.waitForEvent('load', { timeout: STEP_TIMEOUT }), page.click('#demo-project-title ~ button:has-text("Try with demo data")')]);
    await page.waitForSelector('#step-hierarchy[aria-current="page"]');
    await page.waitForSelector('.demo-banner');
    expect(await textOf(page, '#demo-banner-title')).toBe(`Demo mode — ${DEMO_PROVENANCE}`);
    expect(await textOf(page, '#project-name')).toContain('demo');
  }, STEP_TIMEOUT);

  it('builds a small sampled hierarchy, named as a demo, with a simulated cost', async () => {
    await page.fill('#build-name', 'trial');
    await page.fill('#build-sample', '200');
    await page.fill('#build-levels', '3');
    await page.fill('#build-top', '8');
    await page.click('#build-estimate');
    await page.waitForSelector('#hierarchy-estimate');
    const estimate = await textOf(page, '#hierarchy-estimate');
    expect(estimate).toContain('200 base tasks');
    expect(estimate).toContain('Simulated cost (demo mode: nothing is sent or paid)');
    expect(estimate).not.toContain('Estimated cost');
    await page.click('#build-start');
    await waitForJob(page, '#hierarchy-job', 'done', STEP_TIMEOUT);
    const card = await textOf(page, '#hierarchy-job .job-card');
    expect(card).toMatch(/Hierarchy h-\w+: [\d,]+ → [\d,]+ → [\d,]+ nodes \(base first\), simulated \(≈ \$[\d.]+ at Claude prices, nothing paid\)/);
    // The hierarchy carries the demo prefix wherever it is listed.
    await page.waitForSelector('#hierarchy-list tbody tr:has-text("demo-trial")');
    await page.waitForSelector('#hierarchy-tree [role="treeitem"][aria-level="1"]');
    expect((await page.$$('#hierarchy-tree [role="treeitem"][aria-level="1"]')).length).toBeGreaterThanOrEqual(4);
    await page.waitForSelector('#step-hierarchy[data-state="done"]');
    await shot('02-hierarchy');
  }, STEP_TIMEOUT);

  it('lists the bundled sample corpus on the Conversations step', async () => {
    await goToStep(page, 'conversations');
    const row = `#conversation-datasets tbody tr:has-text("${DEMO_DATASET}")`;
    await page.waitForSelector(row);
    const cells = await page.$$eval(`${row} td`, (tds) => tds.map((td) => td.textContent ?? ''));
    // 300 WildChat pairs and 150 OpenAssistant threads, no bad rows (resources/data/demo/README.md).
    expect(count(cells[1] ?? '')).toBe(450);
    expect(count(cells[4] ?? '')).toBe(0);
    await shot('03-conversations');
  });

  it('estimates and runs a classification whose costs are simulated, not owed', async () => {
    await goToStep(page, 'classify');
    await page.check(`#classify-datasets label:has-text("${DEMO_DATASET}") input[type="checkbox"]`);
    await page.selectOption('#classify-hierarchy', { index: 1 });
    await page.fill('#min-conversations', '2');
    await page.fill('#min-accounts', '1');
    await page.fill('#classify-limit', '150');
    // The trial minimums (2 and 1) cannot go lower: the small-corpus warning points at the limit instead.
    expect(await textOf(page, '#classify-warnings')).toContain('raise or clear the “first N conversations” limit');
    // The whole sample (450): the first 150 by id are all OpenAssistant, which names no answering model.
    await page.fill('#classify-limit', '');
    await page.waitForSelector('#classify-warnings', { state: 'detached' });
    await page.click('#classify-estimate-button');
    await page.waitForSelector('#classify-estimate');
    expect(await textOf(page, '#classify-estimate')).toMatch(/Simulated cost \(demo mode: nothing is sent or paid\) ≈ \$/);
    await page.click('#classify-start');
    await waitForJob(page, '#classify-job', 'done', STEP_TIMEOUT);
    const result = await textOf(page, '#classify-job .job-result');
    const named = /Run (demo-\S+): ([\d,]+) of 450 conversations classified/.exec(result);
    expect(named, result).not.toBeNull();
    run = named![1]!;
    expect(count(named![2]!)).toBeGreaterThan(300);
    expect(result).toContain('simulated (≈ $');
    await page.waitForSelector(`#classify-runs tr[data-run="${run}"]`);
    await page.waitForSelector('#step-classify[data-state="done"]');
    await shot('04-classify');
  }, STEP_TIMEOUT);

  it('creates a validation packet on the analyst tab', async () => {
    await goToStep(page, 'validate');
    await page.waitForSelector('#validate-tab-prepare[aria-selected="true"]');
    await page.waitForSelector('#analyst-run');
    expect(await page.inputValue('#analyst-run')).toBe(run);
    await page.fill('#analyst-size', '10');
    await page.click('#analyst-create');
    await page.waitForSelector('#analyst-packet');
    expect(await textOf(page, '#analyst-packet .packet-items')).toBe('10');
    expect(await textOf(page, '#analyst-packet')).toContain(`from run ${run}`);
    await shot('05-validate');
  });

  it('draws the demo run in Explore and says it is a demo', async () => {
    await goToStep(page, 'explore');
    await page.waitForSelector(`#explore-source option[value="run:${run}"]`, { state: 'attached', timeout: 60_000 });
    await page.selectOption('#explore-source', `run:${run}`);
    for (const id of ['fig2', 'fig5', 'fig8', 'fig10']) await page.waitForSelector(`#${id}[data-drawn="true"]`, { timeout: 60_000 });
    for (const id of ['fig2', 'fig5', 'fig8']) {
      const traces = await tracesOf(page, id);
      expect(Math.max(...traces.map(points)), id).toBeGreaterThan(1);
    }
    // Figure 8 splits usage by the models WildChat names (OpenAssistant names none).
    const models = await page.$eval('#fig8 .js-plotly-plot', (el) => (el as unknown as { data: { name?: string }[] }).data.map((t) => t.name ?? ''));
    expect(models.some((m) => m.startsWith('gpt-')), models.join(', ')).toBe(true);
    expect(await textOf(page, '#explore-kept')).toContain(`This run is a ${DEMO_PROVENANCE}`);
    expect(await textOf(page, '#sec-fig8 .caption')).toContain(`This run is a ${DEMO_PROVENANCE}.`);
    await shot('06-explore');
    // The full page is ~8,000 px tall: also the top as a user first sees it, and one run figure.
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, '06-explore-top.png') });
    await page.locator('#sec-fig8').screenshot({ path: path.join(ARTIFACTS, '06-explore-fig8.png') });
  }, STEP_TIMEOUT);

  it('exports the run, and the manifest on disk says demo', async () => {
    const out = path.join(tmp, 'export');
    await goToStep(page, 'export');
    await page.check('input[name="export-from"] >> nth=1');
    await page.selectOption('#export-run', run);
    await page.fill('#export-dir', out);
    await page.click('#export-start');
    await waitForJob(page, '#export-job', 'done', STEP_TIMEOUT);
    await page.waitForSelector('#export-files li');
    const manifestFile = path.join(out, 'manifest.json');
    expect(existsSync(manifestFile)).toBe(true);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { run: { id: string; provenance?: string } | null };
    expect(manifest.run).toMatchObject({ id: run, provenance: DEMO_PROVENANCE });
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toContain(`This run is a ${DEMO_PROVENANCE}`);
    await shot('07-export');
  }, STEP_TIMEOUT);

  it('sent nothing off the machine and ran without console errors, page errors or CSP violations', () => {
    expect(offMachine).toEqual([]);
    expect(problems).toEqual([]);
  });
});
