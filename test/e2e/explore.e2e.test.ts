// End to end: real project file, bundled data, real HTTP server, the built renderer (out/web, from
// `npm run build:web`) in headless Chromium. Asserts the numbers Plotly actually drew, and that the
// page ran without console errors (CSP violations would surface there).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeProject, importBundledDefaults, openProject, type Project } from '../../src-main/engine/project';
import { createService } from '../../src-main/engine/service';
import { startHttpServer } from '../../src-main/http/server';
import { launchChromium, watchCsp } from '../support/browser';

const FIGURES = ['fig3', 'fig4', 'fig6', 'fig7', 'fig13'];

interface Trace {
  name?: string;
  type?: string;
  mode?: string;
  x: (number | string | null)[];
  y: (number | string | null)[];
}

let tmp: string;
let project: Project | undefined;
let server: Awaited<ReturnType<typeof startHttpServer>> | undefined;
let browser: Browser | undefined;
let page: Page;
const problems: string[] = [];

/** The traces Plotly holds on the graph div inside a figure container (what it actually drew). */
async function tracesOf(figId: string): Promise<Trace[]> {
  return page.$eval(`#${figId} .js-plotly-plot`, (el) =>
    (el as unknown as { data: Trace[] }).data.map((t) => ({ name: t.name, type: t.type, mode: t.mode, x: t.x, y: t.y })),
  );
}

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
  tmp = mkdtempSync(path.join(tmpdir(), 'task-atlas-e2e-'));
  project = openProject(path.join(tmp, 'project.sqlite'));
  await importBundledDefaults(project);
  server = await startHttpServer({ handlers: createService(project), staticDir: path.resolve('out/web') });

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  // Chromium reports some CSP violations (e.g. a caught `new Function` probe) only as events, not
  // console messages; forward them so the no-errors assertion covers the whole policy.
  await watchCsp(page, problems);
  await page.goto(server.url);
  for (const id of FIGURES) await page.waitForSelector(`#${id}[data-drawn="true"]`, { timeout: 90_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (project) closeProject(project);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

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

  it('ran without console or page errors, and leaves a screenshot', async () => {
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/explore.png', fullPage: true });
    expect(problems).toEqual([]);
  });
});
