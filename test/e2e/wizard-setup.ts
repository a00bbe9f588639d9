// Set-up and helpers for the wizard walk: a real AppHost (temp config folder, temp default project)
// behind the in-process HTTP server, a fake Anthropic server, the tiny embedding model, and Chromium
// with console, page-error and CSP watchers. The built renderer (out/web) must exist.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AppHost } from '../../src-main/engine/host';
import { closeProject, findResourcesDir, openProject } from '../../src-main/engine/project';
import { JobStore } from '../../src-main/engine/jobs/store';
import { createAppService } from '../../src-main/engine/service';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { startHttpServer, type HttpServerHandle } from '../../src-main/http/server';
import { launchChromium, watchPage } from '../support/browser';
import { ensureTinyModel } from '../embed/tiny-model';

export const ARTIFACTS = path.resolve('test-artifacts/wizard');
export const OASST_FILE = path.resolve('../shared/data/conversations/oasst1-en-validation/en-validation.jsonl');

export interface Wizard {
  tmp: string;
  host: AppHost;
  server: HttpServerHandle;
  fake: FakeAnthropic;
  browser: Browser;
  page: Page;
  tinyModelDir: string;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
}

export async function startWizard(): Promise<Wizard> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'task-atlas-wizard-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const tinyModelDir = ensureTinyModel();
  const host = new AppHost({ configDir: path.join(tmp, 'config'), resourcesDir: findResourcesDir(), env: {} });
  const defaultProject = path.join(tmp, 'default.sqlite');
  leaveRunningJob(defaultProject, path.join(tmp, 'never'));
  host.openOrCreate(defaultProject);
  const server = await startHttpServer({ handlers: createAppService(host), staticDir: path.resolve('out/web'), logger: host.logger, events: (l) => host.jobs.subscribe(l) });
  const fake = await startFakeAnthropic({ seed: 11 });

  const problems: string[] = [];
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await watchPage(page, problems);
  return { tmp, host, server, fake, browser, page, tinyModelDir, problems };
}

export const INTERRUPTED_LABEL = 'Export left running by a crash';

/** A job row still 'running' in the project file, as a crash leaves it: opening marks it interrupted. */
function leaveRunningJob(file: string, outDir: string): void {
  const project = openProject(file, { resourcesDir: findResourcesDir() });
  const now = new Date().toISOString();
  new JobStore(project.db).insert({
    id: 'crashed-export',
    kind: 'export.run',
    label: INTERRUPTED_LABEL,
    args: { source: 'aei-2025-02-10', outDir },
    status: 'running',
    progress: null,
    startedAt: now,
    updatedAt: now,
    finishedAt: null,
    attempts: 1,
    error: null,
    result: null,
  });
  closeProject(project);
}

export async function stopWizard(w: Partial<Wizard>): Promise<void> {
  await w.browser?.close();
  await w.server?.close();
  await w.host?.close();
  await w.fake?.close();
}

/** Full-page screenshot of the step, numbered in walk order. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export async function goToStep(page: Page, step: string): Promise<void> {
  await page.click(`#step-${step}`);
  await page.waitForSelector(`#step-${step}[aria-current="page"]`);
}

/** Waits for the page's job card of `kind` to reach `status` (long builds and runs: minutes). */
export async function waitForJob(page: Page, container: string, status: string, timeout = 240_000): Promise<void> {
  const failed = page.waitForSelector(`${container} .job-card[data-status="failed"]`, { timeout }).then(async () => {
    throw new Error(`job in ${container} failed: ${await page.textContent(`${container} .job-card`)}`);
  });
  const done = page.waitForSelector(`${container} .job-card[data-status="${status}"]`, { timeout });
  await Promise.race([done, failed]);
  failed.catch(() => undefined);
}

export async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.textContent(selector)) ?? '';
}

/** The numbers in a formatted count such as "1,003". */
export function count(text: string): number {
  return Number(text.replace(/[^\d]/g, ''));
}

export interface Trace {
  type?: string;
  x: unknown[];
  y: unknown[];
  /** Sunburst / treemap traces (Figure 2) carry values, not x and y. */
  values: unknown[];
}

/** How many data points a trace drew, whatever its type. */
export function points(t: Trace): number {
  return Math.max(t.x.length, t.y.length, t.values.length);
}

/** The traces Plotly holds on a figure's graph div (what it actually drew). */
export async function tracesOf(page: Page, figId: string): Promise<Trace[]> {
  return page.$eval(`#${figId} .js-plotly-plot`, (el) =>
    (el as unknown as { data: Partial<Trace>[] }).data.map((t) => ({
      type: t.type,
      x: Array.from(t.x ?? []),
      y: Array.from(t.y ?? []),
      values: Array.from(t.values ?? []),
    })),
  );
}
