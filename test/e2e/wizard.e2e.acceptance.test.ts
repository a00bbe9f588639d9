// The whole wizard in one Chromium session over the in-process HTTP server: create a project, import
// the bundled reference data, point Settings at a fake Claude and the tiny embedding model, build a
// sampled hierarchy, import OpenAssistant conversations, classify them, see the run in Explore and
// export it. Each step asserts real content and leaves test-artifacts/wizard/NN-step.png.
// Needs `npm run build:web` first. Steps share one page, so they run in order.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_MODEL_ID } from '../embed/tiny-model';
import { count, goToStep, INTERRUPTED_LABEL, points, OASST_FILE, shot, startWizard, stopWizard, textOf, tracesOf, waitForJob, type Wizard } from './wizard-setup';

const RUN = 'wizard-run';
/**
 * The run classifies the first 300 of the ~1,000 imported conversations (the form's trial limit):
 * long enough to pause mid-run, and a third of the time of classifying them all.
 */
const LIMIT = 300;
const STEP_TIMEOUT = 300_000;

let w: Wizard;
const started = Date.now();

beforeAll(async () => {
  w = await startWizard();
}, 180_000);

afterAll(async () => {
  console.log(`wizard walk took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await stopWizard(w ?? {});
});

describe('the wizard, end to end in Chromium', () => {
  it('offers a job the last session left running for resume, in a banner at start', async () => {
    const { page } = w;
    await page.goto(w.server.pageUrl('/project'));
    await page.waitForSelector('.interrupted-banner');
    expect(await textOf(page, '.interrupted-banner')).toContain(INTERRUPTED_LABEL);
    expect(await page.isVisible('.interrupted-banner button:has-text("Resume")')).toBe(true);
    await shot(page, '00-interrupted');
    await page.click('.interrupted-banner button:has-text("Dismiss")');
    await page.waitForSelector('.interrupted-banner', { state: 'detached' });
  });

  it('creates a new project from the Project step', async () => {
    const { page } = w;
    await page.waitForSelector('#current-project');
    expect(await textOf(page, '#current-project')).toContain('default.sqlite');

    const file = path.join(w.tmp, 'study.sqlite');
    await page.fill('#create-path', file);
    // Creating switches projects, which reloads the page at the next step.
    await Promise.all([page.waitForEvent('load'), page.click('button:has-text("Create project")')]);
    await page.waitForSelector('#step-reference[aria-current="page"]');
    expect(await textOf(page, '#project-name')).toContain('study');
    expect(existsSync(file)).toBe(true);

    await goToStep(page, 'project');
    await page.waitForSelector('#recent-projects');
    const recent = await page.$$eval('#recent-projects tbody tr', (rows) => rows.map((r) => (r as { textContent: string | null }).textContent ?? ''));
    expect(recent[0]).toContain('study.sqlite');
    expect(recent.some((r) => r.includes('default.sqlite'))).toBe(true);
    expect(await page.getAttribute('#step-project', 'data-state')).toBe('done');
    expect(await page.getAttribute('#step-reference', 'data-state')).toBe('todo');
    await shot(page, '01-project');
  });

  it('imports the bundled reference data', async () => {
    const { page } = w;
    await goToStep(page, 'reference');
    await page.waitForSelector('#reference-empty');
    await page.click('#import-bundled');
    await page.waitForSelector('#bundled-result', { timeout: 120_000 });
    expect(await textOf(page, '#bundled-result')).toMatch(/Imported \d+ files/);
    await page.waitForSelector('#reference-status');
    const rows = await page.$$eval('#reference-status tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td as { textContent: string | null }).textContent ?? '')),
    );
    const onetTasks = rows.find((r) => r[0] === 'onet-tasks' && r[1] === 'onet-29.2');
    expect(onetTasks?.[1]).toBe('onet-29.2');
    expect(count(onetTasks?.[3] ?? '')).toBeGreaterThan(15_000);
    const release = rows.find((r) => r[0] === 'usage-tasks');
    expect(release?.[1]).toBe('aei-2025-02-10');
    expect(release?.[4]).toMatch(/^[0-9a-f]{12}$/);
    await page.waitForSelector('#step-reference[data-state="done"]');
    await shot(page, '02-reference');
    // A first run's Overview: the release is analysed; the pipeline's steps are next, each linked.
    await goToStep(page, 'overview');
    await page.waitForSelector('#overview-ready');
    expect(await textOf(page, '#overview-ready')).toContain('published release (2025-02-10) is imported and analysed');
    expect(await page.$$eval('#overview-next a', (links) => links.map((a) => (a as { getAttribute(name: string): string | null }).getAttribute('href')))).toEqual(['#/hierarchy', '#/conversations', '#/classify', '#/settings', '#/project']);
  });

  it('sets the Claude endpoint, API key, embedding model and concurrency in Settings', async () => {
    const { page } = w;
    await page.click('#open-settings');
    await page.waitForSelector('dialog[open] #api-key');
    expect(await textOf(page, '#api-key-status')).toBe('No API key set.');
    // The browser build has no keychain: the dialog must say the key lasts this session only.
    await page.waitForSelector('#api-key-session-note');

    await page.fill('#api-key', 'sk-ant-wizard-test-7890');
    await page.click('button:has-text("Save key")');
    await page.waitForSelector('#api-key-status:has-text("****7890")');
    expect(await page.inputValue('#api-key')).toBe('');

    await page.fill('#base-url', w.fake.baseURL);
    await page.fill('#embedding-model', TINY_MODEL_ID);
    await page.fill('#embedding-dir', w.tinyModelDir);
    await page.fill('#concurrency', '16');
    await page.click('#save-settings');
    await page.waitForSelector('#settings-saved:has-text("Saved.")');
    const saved = w.host.settings.get();
    expect(saved).toMatchObject({ baseURL: w.fake.baseURL, embeddingModel: TINY_MODEL_ID, embeddingModelDir: w.tinyModelDir, concurrency: 16 });

    await page.check('input[name="theme"][value="dark"]');
    await page.waitForSelector('html[data-theme="dark"]');
    await shot(page, '03-settings');
    await page.check('input[name="theme"][value="light"]');
    await page.waitForSelector('html[data-theme="light"]');
    expect(w.host.settings.get().theme).toBe('light');

    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.settings-dialog', { state: 'hidden' });
  });

  it('builds a sampled hierarchy, then browses and searches it', async () => {
    const { page } = w;
    await goToStep(page, 'hierarchy');
    await page.fill('#build-name', 'Wizard trial');
    await page.fill('#build-sample', '600');
    await page.fill('#build-levels', '3');
    await page.fill('#build-top', '12');
    await page.click('#build-estimate');
    await page.waitForSelector('#hierarchy-estimate');
    const estimate = await textOf(page, '#hierarchy-estimate');
    expect(estimate).toContain('600 base tasks');
    expect(estimate).toMatch(/Estimated cost \$\d/);

    await page.click('#build-start');
    await page.click('#job-tray-button');
    await page.waitForSelector('#job-tray-panel .job-card[data-kind="hierarchy.build"]');
    await waitForJob(page, '#job-tray-panel', 'done');
    expect(await textOf(page, '#job-tray-panel .job-card[data-kind="hierarchy.build"]')).toMatch(/\d+ Claude calls/);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#job-tray-panel', { state: 'hidden' });

    await page.waitForSelector('#hierarchy-tree [role="treeitem"]');
    const top = await page.$$('#hierarchy-tree [role="treeitem"][aria-level="1"]');
    expect(top.length).toBeGreaterThanOrEqual(8);
    expect(top.length).toBeLessThanOrEqual(18);
    // Keyboard: focus the first node, open it with →, step into its first child with ↓.
    await page.focus('#hierarchy-tree [role="treeitem"]');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#hierarchy-tree [role="treeitem"][aria-level="2"]');
    await page.keyboard.press('ArrowDown');
    const child = await textOf(page, '#hierarchy-tree [role="treeitem"][aria-level="2"]:focus .tree-name');
    expect(child.length).toBeGreaterThan(3);
    expect(await page.getAttribute('#hierarchy-tree [role="treeitem"]', 'aria-expanded')).toBe('true');

    const word = child.split(/\s+/).find((t) => t.length > 4) ?? child;
    await page.fill('#node-search', word);
    await page.click('button:has-text("Search")');
    await page.waitForSelector('#node-search-results li');
    const hits = await page.$$eval('#node-search-results li', (lis) => lis.map((li) => (li as { textContent: string | null }).textContent ?? ''));
    expect(hits.some((h) => h.includes(child) && h.includes('›'))).toBe(true);
    await page.waitForSelector('#step-hierarchy[data-state="done"]');
    await shot(page, '04-hierarchy');
  }, STEP_TIMEOUT);

  it('previews and imports the OpenAssistant conversations with a bad-row report', async () => {
    const { page } = w;
    await goToStep(page, 'conversations');
    await page.fill('#conversations-path', OASST_FILE);
    await page.click('#conversations-preview');
    await page.waitForSelector('#detected-format');
    expect(await textOf(page, '#detected-format')).toBe('oasst');
    // oasst: the preview says each branch of a message tree is a conversation, and offers one per tree.
    expect(await textOf(page, '#oasst-mode')).toContain('One conversation per tree (longest branch)');
    expect(await page.$$eval('#conversation-preview tbody tr', (trs) => trs.length)).toBeGreaterThan(0);

    await page.click('#conversations-import');
    await waitForJob(page, '#conversations-job', 'done');
    await page.waitForSelector('#import-report');
    const imported = count(await textOf(page, '#imported-conversations'));
    expect(imported).toBeGreaterThanOrEqual(990);
    expect(imported).toBeLessThanOrEqual(1010);
    expect(count(await textOf(page, '#bad-rows'))).toBe(2);
    const bad = await page.$$eval('#bad-row-list li', (lis) => lis.map((li) => (li as { textContent: string | null }).textContent ?? ''));
    expect(bad).toHaveLength(2);
    for (const row of bad) expect(row).toMatch(/en-validation\.jsonl:\d+ \S/);
    await page.waitForSelector('#conversation-datasets tbody tr');
    await shot(page, '05-conversations');
  }, STEP_TIMEOUT);

  it('estimates and runs a classification with low thresholds', async () => {
    const { page } = w;
    await goToStep(page, 'classify');
    await page.fill('#run-name', RUN);
    await page.check('#classify-datasets input[type="checkbox"]');
    await page.selectOption('#classify-hierarchy', { index: 1 });
    await page.fill('#min-conversations', '2');
    await page.fill('#min-accounts', '1');
    await page.fill('#classify-limit', String(LIMIT));
    expect(await textOf(page, '#classify-models')).toContain('screening claude-');
    await page.click('#classify-estimate-button');
    await page.waitForSelector('#classify-estimate');
    expect(await textOf(page, '#classify-estimate')).toMatch(/Estimated cost \$\d/);

    await page.click('#classify-start');
    // Live progress while it runs: phase, done / total, ETA, Claude calls, tokens and cost.
    const live = '#classify-job .job-card[data-status="running"]';
    await page.waitForSelector(`${live}:has-text("Claude calls")`, { timeout: 60_000 });
    const running = await textOf(page, live);
    expect(running).toMatch(/\d+ \/ [\d,]+ \(\d+%\)/);
    expect(running).toMatch(/[\d.]+[kM]? in \/ [\d.]+[kM]? out tokens · \$\d/);
    // Pause mid-run, then resume: the run continues from its checkpoints as attempt 2.
    await page.click(`${live} button:has-text("Pause")`);
    await waitForJob(page, '#classify-job', 'paused', 60_000);
    await page.click('#job-tray-button');
    await page.waitForSelector('#job-tray-panel .job-card[data-kind="classify.run"][data-status="paused"]');
    await shot(page, '06-classify-paused');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#job-tray-panel', { state: 'hidden' });
    await page.click('#classify-job .job-card[data-status="paused"] button:has-text("Resume")');
    await waitForJob(page, '#classify-job', 'done', STEP_TIMEOUT);
    expect(await textOf(page, '#classify-job .job-meta')).toContain('attempt 2');
    expect(await textOf(page, '#classify-job .job-result')).toMatch(new RegExp(`Run ${RUN}: [\\d,]+ of ${LIMIT} conversations classified`));

    const row = `#classify-runs tr[data-run="${RUN}"]`;
    await page.waitForSelector(`${row} button:has-text("Explore")`);
    const cells = await page.$$eval(`${row} td`, (tds) => tds.map((td) => (td as { textContent: string | null }).textContent ?? ''));
    const [conversations, classified] = [count(cells[4] ?? ''), count(cells[5] ?? '')];
    expect(conversations).toBe(LIMIT);
    expect(classified).toBeGreaterThan(100);
    expect(classified + count(cells[6] ?? '') + count(cells[7] ?? '')).toBeLessThanOrEqual(conversations);
    await page.waitForSelector('#step-classify[data-state="done"]');
    // Kept vs dropped by the thresholds, on the run card and in the run list.
    await page.waitForSelector('#classify-kept');
    expect(await textOf(page, '#classify-kept')).toMatch(/^Kept [\d,]+ of [\d,]+ tasks \([\d,]+ of [\d,]+ conversations\)/);
    expect(cells[8]).toMatch(/^[\d,]+ \/ [\d,]+ tasks, [\d,]+ \/ [\d,]+ conversations$/);
    await shot(page, '06-classify');
  }, STEP_TIMEOUT + 30_000);

  it('shows the run in Explore with Figure 2 and the run figures drawn', async () => {
    const { page } = w;
    await goToStep(page, 'explore');
    await page.waitForSelector(`#explore-source option[value="run:${RUN}"]`, { state: 'attached', timeout: 60_000 });
    await page.selectOption('#explore-source', `run:${RUN}`);
    for (const id of ['fig2', 'fig3', 'fig5', 'fig8', 'fig10', 'fig13']) {
      await page.waitForSelector(`#${id}[data-drawn="true"]`, { timeout: 90_000 });
    }
    for (const id of ['fig2', 'fig5', 'fig8', 'fig10']) {
      const traces = await tracesOf(page, id);
      expect(traces.length, id).toBeGreaterThan(0);
      expect(Math.max(...traces.map(points)), id).toBeGreaterThan(1);
    }
    expect(await page.$$eval('#table2 tbody tr', (trs) => trs.length)).toBe(5);
    expect(await textOf(page, '#explore-kept')).toMatch(new RegExp(`^Run ${RUN}: Kept [\\d,]+ of [\\d,]+ tasks`));
    await shot(page, '07-explore');
  }, 180_000);

  it('exports the run and downloads the review bundle', async () => {
    const { page } = w;
    await goToStep(page, 'export');
    await page.check('input[name="export-from"] >> nth=1');
    await page.selectOption('#export-run', RUN);
    await page.fill('#export-dir', path.join(w.tmp, 'out'));
    await page.click('#export-start');
    await waitForJob(page, '#export-job', 'done', 120_000);
    const files = await page.$$eval('#export-files li', (lis) => lis.map((li) => (li as { textContent: string | null }).textContent ?? ''));
    expect(files.some((f) => f.endsWith('.csv'))).toBe(true);
    expect(files.every((f) => existsSync(path.isAbsolute(f) ? f : path.join(w.tmp, 'out', f)))).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-review')]);
    expect(download.suggestedFilename()).toBe('study.taskatlas-review.json');
    await shot(page, '08-export');
  }, 180_000);

  it('ran without console errors, page errors or CSP violations', () => {
    expect(w.problems).toEqual([]);
  });
});
