// End to end for issue #14 items 3 and 5, in headless Chromium over the real HTTP server and the
// built renderer (out/web, or TASK_ATLAS_WEB_DIR): the Explore multi-task card of a k = 3 run (single
// vs multi metrics and recovered counts, the scatter drawn) and the Compare panel's recovered counts
// over every task. Leaves screenshots in test-artifacts/ for a person to look at.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Project } from '../../src-main/engine/project';
import type { ApiHandlers } from '../../src-main/engine/service';
import { classifyRun } from '../../src-main/engine/classify/run';
import { runReport } from '../../src-main/engine/classify/report';
import { startFakeAnthropic } from '../../src-main/fake-anthropic/server';
import { fmt, fmtInt } from '../../src-shared/charts/format';
import { llmFor, TEST_MODEL } from '../hierarchy/support';
import { closeSession, openSession, type BrowserSession } from './browser-session';
import { exploreProject, RELEASE_ID } from './explore-setup';

const ARTIFACTS = path.resolve('test-artifacts');
const MULTI_RUN = 'e2e-multi';
const ctx = { transport: 'http' as const };

let tmp: string;
let handlers: ApiHandlers;
let project: Project | undefined;
let session: BrowserSession | undefined;
let page: Page;
const problems: string[] = [];

const rowsOf = (selector: string) =>
  page.$$eval(`${selector} tbody tr`, (trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (c) => (c as { textContent: string | null }).textContent ?? '')),
  );

beforeAll(async () => {
  ({ project, dir: tmp } = await exploreProject());
  const fake = await startFakeAnthropic({ seed: 7 });
  try {
    const models = { screening: TEST_MODEL, task: TEST_MODEL, pattern: TEST_MODEL, skills: TEST_MODEL, summary: TEST_MODEL };
    await classifyRun(
      { db: project.db, llm: llmFor(project, fake) },
      { name: MULTI_RUN, datasets: ['e2e'], hierarchyId: 'e2e-h', models, thresholds: { minConversations: 1, minAccounts: 1 }, tasksPerConversation: 3 },
    );
  } finally {
    await fake.close();
  }
  runReport(project.db, MULTI_RUN, RELEASE_ID);
  session = await openSession(project, problems);
  ({ handlers, page } = session);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.goto(session.server.pageUrl('/explore'));
  await page.waitForSelector('#fig3[data-drawn="true"]', { timeout: 90_000 });
}, 300_000);

afterAll(() => closeSession(session, project, tmp));

describe('Explore: multi-task card and full comparison', () => {
  it('says how to get the multi-task card for the release', async () => {
    await expect(page.textContent('#sec-multitask')).resolves.toMatch(/needs an own classification run/);
  });

  it('shows a k = 3 run\'s single vs multi metrics and recovered counts', async () => {
    await page.selectOption('#explore-source', `run:${MULTI_RUN}`);
    await page.waitForSelector('#multitask-chart[data-drawn="true"]', { timeout: 90_000 });
    const m = (await handlers['analysis.runReport']({ run: MULTI_RUN }, ctx)).multiTask!;
    expect(m.k).toBe(3);
    await expect(page.textContent('#multitask-summary')).resolves.toContain(`${fmt(m.meanTasksPerConversation, 2)} on average`);
    const metrics = await rowsOf('#multitask-metrics');
    expect(metrics.map((r) => r.slice(0, 3))).toEqual([
      ['Categories', fmtInt(m.metrics.category.n), fmt(m.metrics.category.pearson, 3)],
      ['Occupations', fmtInt(m.metrics.occupation.n), fmt(m.metrics.occupation.pearson, 3)],
      ['Tasks', fmtInt(m.metrics.task.n), fmt(m.metrics.task.pearson, 3)],
    ]);
    const recovered = await rowsOf('#multitask-recovered');
    expect(recovered).toEqual([
      ['Occupations', ...[m.recovered.occupation.both, m.recovered.occupation.singleOnly, m.recovered.occupation.multiOnly].map(fmtInt)],
      ['Tasks', ...[m.recovered.task.both, m.recovered.task.singleOnly, m.recovered.task.multiOnly].map(fmtInt)],
    ]);
    await page.locator('#sec-multitask').screenshot({ path: path.join(ARTIFACTS, 'explore-multitask.png') });
  });

  it('compares the release with the run over every task, with recovered counts', async () => {
    await page.selectOption('#compare-a', RELEASE_ID);
    await page.selectOption('#compare-b', `run:${MULTI_RUN}`);
    await page.click('#sec-compare button[type="submit"]');
    await page.waitForSelector('#compare-chart[data-drawn="true"]', { timeout: 60_000 });
    const cmp = await handlers['analysis.compare']({ a: RELEASE_ID, b: `run:${MULTI_RUN}` }, ctx);
    expect(cmp.scope.task).toBe('all');
    // Every task of the release with usage, far beyond the reports' top 50.
    expect(cmp.metrics.find((x) => x.level === 'task')!.metrics.n).toBeGreaterThan(1000);
    const recovered = await rowsOf('#compare-recovered');
    expect(recovered).toEqual([
      ['Occupations', ...[cmp.recovered.occupation.both, cmp.recovered.occupation.onlyA, cmp.recovered.occupation.onlyB].map(fmtInt)],
      ['Tasks', ...[cmp.recovered.task.both, cmp.recovered.task.onlyA, cmp.recovered.task.onlyB].map(fmtInt)],
    ]);
    await page.locator('#sec-compare').screenshot({ path: path.join(ARTIFACTS, 'explore-compare-full.png') });
  });

  it('ran without console or page errors', () => {
    expect(problems).toEqual([]);
  });
});
