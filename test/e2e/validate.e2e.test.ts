// End to end: the validator's labelling page in headless Chromium, on the built renderer (out/web).
// A packet file is opened, five items are labelled with the keyboard only, the page is closed and a
// new one (same browser context, so same localStorage) resumes at item 6 with the labels kept; the
// exported label file must validate; a corrupted packet must load nothing. No console/CSP errors.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { createService } from '../../src-main/engine/service';
import { startHttpServer } from '../../src-main/http/server';
import { LabelFileSchema, PACKET_FORMAT, PATTERN_OPTIONS, type ValidationItem, type ValidationPacket } from '../../src-shared/validation';
import { launchChromium, watchCsp } from '../support/browser';


const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const PATH_3 = [
  { level: 0, chosen: 'Computer and Mathematical', options: ['Computer and Mathematical', 'Arts and Media', 'Education'] },
  { level: 1, chosen: 'Software development', options: ['Software development', 'Data analysis'] },
  { level: 2, chosen: 'Debug programs', options: ['Debug programs', 'Write documentation', 'Design databases'] },
];

function taskItem(n: number, content: string): ValidationItem {
  return {
    itemId: `item-${n}`,
    facet: 'task',
    conversation: [
      { role: 'user', content },
      { role: 'assistant', content: 'Sure. The **problem** is the `off-by-one` loop:\n\n```ts\nfor (let i = 0; i <= n; i++) {}\n```\n\nUse `<` instead.' },
    ],
    redacted: n === 3,
    path: PATH_3,
    stratum: 'Computer and Mathematical',
  };
}

function patternItem(n: number, chosen: string): ValidationItem {
  return {
    itemId: `item-${n}`,
    facet: 'pattern',
    conversation: [
      { role: 'user', content: `Write me a haiku about item ${n}.` },
      { role: 'assistant', content: 'Autumn moonlight—\na worm digs silently\ninto the chestnut.' },
    ],
    redacted: false,
    pattern: { chosen, options: [...PATTERN_OPTIONS] },
  };
}

const ITEMS: ValidationItem[] = [
  taskItem(1, 'My loop crashes <script>alert(1)</script>, why?'),
  patternItem(2, 'directive'),
  taskItem(3, 'Please fix this bug.'),
  patternItem(4, 'directive'),
  taskItem(5, 'Another bug report.'),
  patternItem(6, 'feedback loop'),
];

const PACKET: ValidationPacket = {
  format: PACKET_FORMAT,
  version: 1,
  packetId: 'pkt-e2e',
  runId: 'run-1',
  createdAt: '2025-01-01T00:00:00.000Z',
  sampling: { method: 'stratified', seed: 7, size: ITEMS.length },
  items: ITEMS,
  checksum: sha256(JSON.stringify(ITEMS)),
};

let tmp: string;
let packetFile: string;
let corruptFile: string;
let project: Project | undefined;
let server: Awaited<ReturnType<typeof startHttpServer>> | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
const problems: string[] = [];

async function newPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  await page.goto(server!.pageUrl('/validate'));
  await page.waitForSelector('#packet-file');
  return page;
}

const progress = (page: Page) => page.textContent('.validate-progress');
const itemTitle = (page: Page) => page.textContent('#item-title');

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'task-atlas-validate-e2e-'));
  packetFile = path.join(tmp, 'packet-pkt-e2e.json');
  writeFileSync(packetFile, JSON.stringify(PACKET, null, 2));
  corruptFile = path.join(tmp, 'packet-corrupt.json');
  const corrupt = { ...PACKET, items: PACKET.items.map((item, i) => (i === 0 ? { ...item, stratum: 'edited' } : item)) };
  writeFileSync(corruptFile, JSON.stringify(corrupt));

  project = openProject(path.join(tmp, 'p.sqlite'));
  server = await startHttpServer({ handlers: createService(project), staticDir: path.resolve('out/web') });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await watchCsp(context, problems);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (project) closeProject(project);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('Validate page in Chromium', () => {
  it('labels five items with the keyboard and saves them as it goes', async () => {
    const page = await newPage();
    await page.setInputFiles('#packet-file', packetFile);
    // First visit: the page asks for the validator's name (the field has focus).
    await page.waitForSelector('#validator-name:focus');
    await page.keyboard.type('Ada');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.labelling');
    expect(await progress(page)).toContain('0 of 6 labelled');
    expect(await itemTitle(page)).toContain('Item 1 of 6');

    // Conversation is rendered as elements; the HTML-looking text stays text.
    expect(await page.locator('.turn-assistant pre code').first().textContent()).toContain('i <= n');
    expect(await page.locator('.turn-assistant strong').first().textContent()).toBe('problem');
    expect(await page.locator('.turn-user').first().textContent()).toContain('<script>alert(1)</script>');
    expect(await page.locator('.turn script').count()).toBe(0);

    // Item 1 (task): correct at all three levels.
    expect(await page.textContent('.level[aria-current="step"] .level-name')).toContain('Top level');
    await page.keyboard.press('y');
    expect(await page.textContent('.level[aria-current="step"] .level-name')).toContain('Middle level');
    await page.keyboard.press('y');
    await page.keyboard.press('y');
    expect(await itemTitle(page)).toContain('Item 2 of 6');
    // Item 2 (pattern): correct.
    await page.keyboard.press('y');
    expect(await itemTitle(page)).toContain('Item 3 of 6');
    // Item 3 (task): right at the top, wrong at the middle level (the base level is then not judged).
    await page.keyboard.press('y');
    await page.keyboard.press('n');
    expect(await itemTitle(page)).toContain('Item 4 of 6');
    // Item 4 (pattern): the best pattern is 3 = task iteration, not the chosen directive.
    await page.keyboard.press('3');
    expect(await itemTitle(page)).toContain('Item 5 of 6');
    // Item 5: a mistaken judgement is undone, then a note is written and the item skipped.
    await page.keyboard.press('y');
    expect(await page.locator('.level[data-verdict="correct"]').count()).toBe(1);
    await page.keyboard.press('u');
    expect(await page.locator('.level[data-verdict="correct"]').count()).toBe(0);
    await page.keyboard.press('e');
    await page.waitForSelector('#item-note:focus');
    await page.keyboard.type('Unclear: two tasks at once (y and n typed here are ignored)');
    await page.keyboard.press('Escape');
    expect(await page.textContent('.item-note')).toContain('Unclear: two tasks');
    expect(await progress(page)).toContain('4 of 6 labelled');
    await page.keyboard.press('s');
    expect(await itemTitle(page)).toContain('Item 6 of 6');
    expect(await progress(page)).toContain('5 of 6 labelled');
    await page.close();
  });

  it('resumes in a new page with the five labels kept and jumps to item 6', async () => {
    const page = await newPage();
    await page.setInputFiles('#packet-file', packetFile);
    await page.waitForSelector('.labelling');
    expect(await page.textContent('.validator-name')).toBe('Ada');
    expect(await progress(page)).toContain('5 of 6 labelled');
    expect(await itemTitle(page)).toContain('Item 6 of 6');

    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    expect(await itemTitle(page)).toContain('Item 1 of 6');
    expect(await page.$$eval('.level', (els) => els.map((el) => el.getAttribute('data-verdict')))).toEqual(['correct', 'correct', 'correct']);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.$$eval('.level', (els) => els.map((el) => el.getAttribute('data-verdict')))).toEqual(['correct', 'incorrect', 'not-judged']);
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('.pattern-judgement', 'data-verdict')).toBe('incorrect');

    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('x')]);
    expect(download.suggestedFilename()).toBe('labels-pkt-e2e-Ada.json');
    const text = readFileSync((await download.path())!, 'utf8');
    const raw = JSON.parse(text) as { labels: unknown[] };
    const file = LabelFileSchema.parse(raw);
    expect(file.checksum).toBe(sha256(JSON.stringify(raw.labels)));
    expect(file.packetId).toBe('pkt-e2e');
    expect(file.validator).toBe('Ada');
    expect(file.labels).toHaveLength(5);
    const byId = Object.fromEntries(file.labels.map((l) => [l.itemId, l]));
    expect(byId['item-1']?.levels).toEqual([
      { level: 0, correct: true },
      { level: 1, correct: true },
      { level: 2, correct: true },
    ]);
    expect(byId['item-2']?.pattern).toEqual({ correct: true });
    expect(byId['item-3']?.levels).toEqual([
      { level: 0, correct: true },
      { level: 1, correct: false },
    ]);
    expect(byId['item-4']?.pattern).toEqual({ correct: false, best: 'task iteration' });
    expect(byId['item-5']).toMatchObject({ skipped: true, note: 'Unclear: two tasks at once (y and n typed here are ignored)' });
    expect(byId['item-6']).toBeUndefined();

    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/validate.png', fullPage: true });

    // A corrupted packet (items edited, checksum unchanged) is refused and nothing is shown.
    await page.setInputFiles('#packet-file', corruptFile);
    await page.waitForSelector('[role="alert"]');
    expect(await page.textContent('[role="alert"]')).toContain('checksum');
    expect(await page.locator('.item').count()).toBe(0);
    expect(await page.locator('.labelling').count()).toBe(0);
    await page.close();
  });

  it('ran without console errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
