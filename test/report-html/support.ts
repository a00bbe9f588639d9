// Opening a written HTML report offline in headless Chromium (every non-file request aborted and
// recorded), and reading back what Plotly drew: trace data and the marks in the SVG.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { watchCsp } from '../support/browser';

export interface Trace {
  name?: string;
  type?: string;
  mode?: string;
  x?: (number | string | null)[];
  y?: (number | string | null)[];
  ids?: string[];
  values?: number[];
}

export interface OfflinePage {
  context: BrowserContext;
  page: Page;
  aborted: string[];
  problems: string[];
}

export async function openOffline(browser: Browser, url: string, figureIds: readonly string[]): Promise<OfflinePage> {
  const aborted: string[] = [];
  const problems: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested.startsWith('file://')) return route.continue();
    aborted.push(requested);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => {
    if (!aborted.includes(req.url())) problems.push(`requestfailed: ${req.url()}`);
  });
  await watchCsp(page, problems);
  await page.goto(url);
  for (const id of figureIds) await page.waitForSelector(`#${id}[data-drawn="true"]`, { timeout: 90_000 });
  return { context, page, aborted, problems };
}

export async function tracesOf(page: Page, figId: string): Promise<Trace[]> {
  return page.$eval(`#${figId} .js-plotly-plot`, (el) =>
    (el as unknown as { data: Trace[] }).data.map((t) => ({
      name: t.name,
      type: t.type,
      mode: t.mode,
      x: t.x,
      y: t.y,
      ids: t.ids,
      values: t.values,
    })),
  );
}

/** Drawn marks in the figure's SVG: bar and scatter traces, sunburst/treemap sectors. */
export async function drawnMarks(page: Page, figId: string): Promise<number> {
  return page.locator(`#${figId} .js-plotly-plot :is(.bars path, .scatterlayer .trace path, .scatterlayer .point, g.slice)`).count();
}

export const numbers = (values: (number | string | null)[] | undefined) =>
  (values ?? []).filter((v): v is number => typeof v === 'number');

/**
 * Plotly's own schema check (Plotly.validate) of each figure, run in the report page: unknown or
 * invalid attributes come back as messages keyed by figure name. Empty means every figure is valid.
 */
export async function plotlyProblems(page: Page, figures: Record<string, unknown>): Promise<Record<string, string[]>> {
  return page.evaluate((figs) => {
    type Issue = { msg: string };
    const plotly = (globalThis as unknown as { Plotly: { validate(data: unknown, layout: unknown): Issue[] | undefined } }).Plotly;
    const out: Record<string, string[]> = {};
    for (const [name, fig] of Object.entries(figs as Record<string, { data: unknown; layout: unknown }>)) {
      const issues = plotly.validate(fig.data, fig.layout) ?? [];
      if (issues.length > 0) out[name] = issues.map((i) => i.msg);
    }
    return out;
  }, figures);
}
