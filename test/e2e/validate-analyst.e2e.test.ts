// End to end: the analyst's side of Validate in headless Chromium, on the built renderer (out/web)
// over a project with a classification run. The "Prepare & report" tab is reached by keyboard, a
// packet is created (saved on the server and downloaded), two validators' label files are imported
// and the report shows accuracy per level; a broken label file is named with its line.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeProject, type Project } from '../../src-main/engine/project';
import { createService } from '../../src-main/engine/service';
import { startHttpServer } from '../../src-main/http/server';
import { ValidationPacketSchema, type Label, type ValidationPacket } from '../../src-shared/validation';
import { launchChromium, watchCsp } from '../support/browser';
import { validationProject } from '../service/validate-fixture';
import { labelFile, writeJson } from '../validate/helpers';

let tmp: string;
let project: Project | undefined;
let server: Awaited<ReturnType<typeof startHttpServer>> | undefined;
let browser: Browser | undefined;
let page: Page;
let packet: ValidationPacket;
const problems: string[] = [];

beforeAll(async () => {
  ({ project, dir: tmp } = validationProject());
  server = await startHttpServer({ handlers: createService(project), staticDir: path.resolve('out/web') });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await watchCsp(context, problems);
  page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (project) closeProject(project);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Every level right for every item, except the first item's base level when `wrongBase`. */
function labels(wrongBase: boolean): Label[] {
  return packet.items.map((it, i) => ({
    itemId: it.itemId,
    facet: 'task',
    levels: it.path!.map(({ level }) => ({ level, correct: !(wrongBase && i === 0 && level === 0) })),
    skipped: false,
    labelledAt: '2025-02-01T10:00:00Z',
  }));
}

describe('Validate, Prepare & report, in Chromium', () => {
  it('opens on the analyst tab (the project has a run), moves by keyboard, and creates a packet', async () => {
    await page.goto(server!.pageUrl('/validate'));
    await page.waitForSelector('#validate-tab-prepare[aria-selected="true"]');
    await page.focus('#validate-tab-prepare');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('#packet-file');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#validate-tab-prepare[aria-selected="true"]:focus');
    await page.waitForSelector('#analyst-run');
    expect(await page.inputValue('#analyst-run')).toBe('run-v');
    expect(await page.inputValue('#analyst-size')).toBe('150');
    expect(await page.$('#packet-file')).toBeNull();

    await page.fill('#analyst-size', '12');
    await page.fill('#analyst-out', path.join(tmp, 'out', 'packet.json'));
    await page.focus('#analyst-seed');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#analyst-packet');
    packet = ValidationPacketSchema.parse(JSON.parse(readFileSync(path.join(tmp, 'out', 'packet.json'), 'utf8')));
    expect(packet.items).toHaveLength(12);
    expect(await page.textContent('#analyst-packet .packet-id')).toBe(packet.packetId);
    expect(await page.textContent('#analyst-packet .packet-items')).toBe('12');
    expect(await page.textContent('#analyst-packet .packet-file')).toBe(path.join(tmp, 'out', 'packet.json'));

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#analyst-download')]);
    expect(download.suggestedFilename()).toBe(`packet-${packet.packetId}.json`);
    expect(JSON.parse(readFileSync((await download.path())!, 'utf8'))).toEqual(packet);
  });

  it('imports two validators’ label files and reports accuracy per level', async () => {
    const files = [
      writeJson(tmp, 'ada.json', labelFile(packet, 'Ada', labels(true))),
      writeJson(tmp, 'bo.json', labelFile(packet, 'Bo', labels(false))),
    ];
    // Chosen with the file chooser: the engine gets their contents, not server paths.
    await page.setInputFiles('#analyst-label-files', files);
    await page.waitForSelector('#analyst-label-list li:nth-child(2)');
    await page.click('#analyst-import');
    await page.waitForSelector('#analyst-import-summary');
    expect(await page.textContent('#analyst-import-summary')).toContain('Imported 2 files: 24 labels added');

    await page.click('#analyst-report');
    await page.waitForSelector('#validation-accuracy');
    const rows = await page.$$eval('#validation-accuracy tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows.map((r) => [r[0], r[3]])).toEqual([
      ['Top level', '12 / 12'],
      ['Middle level', '12 / 12'],
      ['Base level', '11 / 12'],
    ]);
    expect(rows[2]![2]).toMatch(/^\d+\.\d% – \d+\.\d%$/);
    expect(await page.textContent('.report-summary')).toBe('Run run-v: 2 validators (Ada, Bo), 1 packet.');
    expect(await page.getAttribute('#validation-disagreements', 'data-count')).toBe('1');
    expect(await page.textContent('#validation-agreement tbody tr:first-child .kappa')).toMatch(/^-?\d\.\d{3}$|^—$/);
  });

  it('names a broken label file with its line, and the labelling tab still works', async () => {
    expect(problems).toEqual([]);
    const broken = path.join(tmp, 'broken.json');
    writeFileSync(broken, '{\n  "format": "task-atlas.validation-labels",\n  "labels": [1 2]\n}\n');
    await page.setInputFiles('#analyst-label-files', broken);
    await page.click('#analyst-import');
    const alert = page.locator('.analyst-panel .error-box[role="alert"]');
    await alert.waitFor();
    // Named as the analyst chose it (the browser knows the file name, not its folder).
    expect(await alert.textContent()).toContain('broken.json:3');

    await page.focus('#validate-tab-prepare');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('#packet-file');
    // The refused import is an error answer (HTTP 400), which Chromium logs; nothing else may be.
    expect(problems).toEqual(['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });
});
