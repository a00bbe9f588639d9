// End to end: Explore's hierarchy sections (Figures 11 and 12, Figure 8 by task, B.5) for an own run
// over a three-level hierarchy, in Chromium against the real HTTP server and the built renderer
// (TASK_ATLAS_WEB_DIR, else out/web from `npm run build:web`). Asserts what Plotly drew against the
// engine's report, the model and level pickers, the characteristic-task table, a release's
// "unavailable" notes, and leaves a screenshot of every section in test-artifacts/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Project } from '../../src-main/engine/project';
import type { RunReport } from '../../src-shared/report';
import { closeSession, openSession, tracesOf as traces, type BrowserSession, type Trace } from './browser-session';
import { levelsProject, RUN_SOURCE } from './hierarchy-setup';

const ARTIFACTS = path.resolve('test-artifacts');
const FIGURES = ['fig11', 'fig12', 'fig8tasks', 'patterns'];
const SECTIONS = [...FIGURES, 'patternTasks'];

let tmp: string;
let project: Project | undefined;
let report: RunReport;
let session: BrowserSession | undefined;
let page: Page;
const problems: string[] = [];

const tracesOf = (id: string) => traces(page, id);

/** Waits until the figure is redrawn with traces named `names` (a picker changed it). */
async function waitForTraces(id: string, names: string[]): Promise<Trace[]> {
  await page.waitForFunction(
    ([fig, want]) => {
      const el = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(`#${fig} .js-plotly-plot`);
      const data = (el as { data?: { name?: string }[] } | null)?.data ?? [];
      return JSON.stringify(data.map((t) => t.name)) === JSON.stringify(want);
    },
    [id, names] as const,
  );
  return tracesOf(id);
}

const numbers = (values: Trace['x']) => values.filter((v): v is number => typeof v === 'number');
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const label = (m: { model: string; conversations: number }) => `${m.model} (${m.conversations} conversations)`;

async function showSource(id: string): Promise<void> {
  await page.selectOption('#explore-source', id);
  await page.waitForSelector('#sec-fig11');
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ project, dir: tmp, report } = await levelsProject());
  session = await openSession(project, problems);
  page = session.page;
  await page.goto(session.server.pageUrl('/explore'));
  await page.waitForSelector('#explore-source');
  await showSource(RUN_SOURCE);
  for (const id of FIGURES) await page.waitForSelector(`#${id}[data-drawn="true"]`, { timeout: 90_000 });
}, 300_000);

afterAll(() => closeSession(session, project, tmp));

describe('Explore: usage across the hierarchy, in Chromium', () => {
  it('lists every hierarchy section in the contents', async () => {
    for (const id of SECTIONS) await expect(page.locator(`.explore-toc a[href="#sec-${id}"]`).count()).resolves.toBe(1);
  });

  it('draws Figures 11 and 12 with the engine’s shares, adding up to 100%', async () => {
    for (const [id, rows] of [['fig11', report.topLevelTasks!], ['fig12', report.middleLevelTasks!]] as const) {
      const [bars] = await tracesOf(id);
      expect(numbers(bars!.x)).toEqual(rows.map((r) => r.pct));
      expect(bars!.text).toEqual(rows.map((r) => r.task));
      expect(sum(numbers(bars!.x))).toBeCloseTo(100, 6);
    }
    await expect(page.textContent('#sec-fig11 .caption')).resolves.toContain('privacy thresholds apply to the base');
  });

  it('compares the two largest models by default, and any pair and level picked', async () => {
    const cmp = report.modelTasks!;
    expect(cmp.models.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = cmp.models;
    await waitForTraces('fig8tasks', [label(a!), label(b!)]);
    await page.locator('#sec-fig8tasks').screenshot({ path: path.join(ARTIFACTS, 'hierarchy-fig8tasks-default.png') });
    await page.selectOption('#fig8tasks-model-b', c!.model);
    const traces = await waitForTraces('fig8tasks', [label(a!), label(c!)]);
    const middle = new Map(cmp.levels.middle.map((r) => [r.task, r.shares]));
    for (const t of traces) {
      const model = t.name === label(a!) ? a!.model : c!.model;
      expect(numbers(t.x)).toEqual(t.text!.map((task) => middle.get(task)![model]));
    }
    await expect(page.textContent('#sec-fig8tasks .caption')).resolves.toContain(`${a!.model} vs ${c!.model}`);
    await page.check('input[name="fig8tasks-level"][value="top"]');
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document
        .querySelector('#sec-fig8tasks .gtitle')?.textContent?.includes('top level') ?? false);
    const [top] = await tracesOf('fig8tasks');
    // Tasks neither picked model used are left out (they would be empty rows).
    const used = cmp.levels.top.filter((r) => (r.shares[a!.model] ?? 0) + (r.shares[c!.model] ?? 0) > 0);
    expect([...top!.text!].sort()).toEqual(used.map((r) => r.task).sort());
  });

  it('stacks the pattern shares of each task and occupation to 100%', async () => {
    const traces = await tracesOf('patterns');
    expect(traces.map((t) => t.name)).toEqual(['directive', 'feedback loop', 'task iteration', 'learning', 'validation', 'none']);
    for (let i = 0; i < traces[0]!.x.length; i++) expect(sum(traces.map((t) => t.x[i] as number))).toBeCloseTo(100, 6);
    await page.check('input[name="patterns-by"][value="occupation"]');
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document
        .querySelector('#sec-patterns .gtitle')?.textContent?.includes('occupations') ?? false);
    const occupations = await tracesOf('patterns');
    expect(occupations[0]!.text).toEqual(report.patternsByOccupation.slice(0, 20).map((o) => o.name));
  });

  it('lists the tasks most characteristic of each pattern', async () => {
    const groups = await page.$$eval('#pattern-tasks tbody', (bodies) => bodies.map((b) => (b as unknown as { dataset: { pattern: string } }).dataset.pattern));
    expect(groups).toEqual(['directive', 'feedback loop', 'task iteration', 'learning', 'validation']);
    const listed = report.characteristicTasks!.reduce((n, c) => n + Math.max(c.tasks.length, 1), 0);
    await expect(page.locator('#pattern-tasks tbody tr').count()).resolves.toBe(listed);
  });

  it('shows the threshold sweep of the run, its own thresholds marked', async () => {
    const table = page.locator('#sensitivity-table');
    await table.waitFor({ timeout: 60_000 });
    const chosen = page.locator('#sensitivity-table tr[aria-current="true"]');
    await expect(chosen.count()).resolves.toBe(1);
    await expect(chosen.textContent()).resolves.toContain('(this run)');
    await expect(chosen.locator('td').nth(2).textContent()).resolves.toBe(`${report.tasks.kept} of ${report.tasks.total}`);
    await expect(page.locator('#sensitivity-summary').textContent()).resolves.toMatch(/chosen thresholds ≥\d+ conversations/);
    await page.locator('#sec-sensitivity').screenshot({ path: path.join(ARTIFACTS, 'explore-sensitivity.png') });
  });

  it('leaves a screenshot of every section', async () => {
    for (const id of SECTIONS) await page.locator(`#sec-${id}`).screenshot({ path: path.join(ARTIFACTS, `hierarchy-${id}.png`) });
  });

  it('says why the sections are unavailable for a published release', async () => {
    await showSource('aei-2025-02-10');
    for (const id of SECTIONS) {
      await expect(page.locator(`#sec-${id} [data-unavailable="true"]`).textContent()).resolves.toContain('A published release carries only aggregated task shares');
    }
  });

  it('ran without console errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
