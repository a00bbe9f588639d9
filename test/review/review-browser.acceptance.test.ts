// Review mode in the built renderer (out/web, `npm run build:web`) served over an EMPTY project, each
// case in a fresh Chromium profile: the project bundle of a project with a classification run opens,
// the review page lists the run and draws its Figures 5, 8 and 10 with the source project's numbers,
// Explore draws the bundled release, and once the bundle is open no request reaches the server.
// The page says whether the bundle is signed (and by which key), unsigned or modified after signing;
// names from a bundle are drawn as text, never as links; a "__proto__" source id is refused.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { createService } from '../../src-main/engine/service';
import { startHttpServer } from '../../src-main/http/server';
import { writeReviewBundle } from '../../src-main/engine/review/bundle';
import { sealBundle } from '../../src-main/engine/review/sign';
import { installationSigningKey } from '../../src-main/engine/settings/signing-key';
import { sha256 } from '../../src-main/engine/base/hash';
import { checksumText } from '../../src-shared/review-integrity';
import type { ReviewBundle } from '../../src-main/engine/review/schema';
import * as fig5 from '../../src-shared/charts/fig5Skills';
import * as fig8 from '../../src-shared/charts/fig8Models';
import * as fig10 from '../../src-shared/charts/fig10ConvVsAccount';
import { toTable2Rows } from '../../src-shared/charts/table2';
import { fmt } from '../../src-shared/charts/format';
import type { PaperReference, RunReport } from '../../src-shared/report';
import { launchChromium, watchCsp } from '../support/browser';
import { asVersion1, sourceProject } from './support';

const FIGURES = ['fig3', 'fig4', 'fig6', 'fig7', 'fig13'];
const RUN_FIGURES = { 'review-fig5': fig5, 'review-fig8': fig8, 'review-fig10': fig10 } as const;
const ctx = { transport: 'http' } as const;

interface Trace {
  name?: string;
  mode?: string;
  x: (number | string | null)[];
  y: (number | string | null)[];
}

let tmp: string;
let source: Project | undefined;
let empty: Project | undefined;
let server: Awaited<ReturnType<typeof startHttpServer>> | undefined;
let browser: Browser | undefined;
let bundle: ReviewBundle;
let paper: PaperReference;
/** The run's report as the source project computes it (not read back from the bundle). */
let sourceRun: RunReport;
const files: Record<'bundle' | 'corrupt' | 'tamperedRun' | 'foreign' | 'v1' | 'forged' | 'links' | 'proto', string> = {} as never;
/** The built renderer; another folder may be named when out/web is being rebuilt by someone else. */
const WEB_DIR = process.env.TASK_ATLAS_WEB_DIR ?? path.resolve('out/web');
const LINK = '<a href="https://example.org/">click me</a>';
/** Screenshots for a person to look at (test-artifacts/ is not checked in). */
const ARTIFACTS = path.resolve('test-artifacts');

/** The bundle after `edit`, checksum recomputed and signed again with this installation's key. */
function resealed(edit: (b: ReviewBundle) => void): unknown {
  const { checksum, signature, ...content } = structuredClone(bundle) as ReviewBundle & { signature: unknown };
  void checksum;
  void signature;
  edit(content as ReviewBundle);
  return { ...content, ...sealBundle(content, installationSigningKey()) };
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'task-atlas-review-ui-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  source = sourceProject(path.join(tmp, 'source.sqlite'));
  const service = createService(source);
  paper = await service['paper.reference']({}, ctx);
  bundle = await service['review.bundle']({}, ctx);
  sourceRun = await service['analysis.runReport']({ run: 'r' }, ctx);
  const write = (name: keyof typeof files, value: unknown) => {
    files[name] = path.join(tmp, `${name}.taskatlas-review.json`);
    writeFileSync(files[name], JSON.stringify(value));
  };
  files.bundle = path.join(tmp, 'bundle.taskatlas-review.json');
  writeReviewBundle(files.bundle, bundle);
  // One number changed, the checksum left as it was: in a release report, then in the run.
  const corrupt = structuredClone(bundle);
  Object.values(corrupt.reports)[0]!.categories[0]!.usagePct += 1;
  write('corrupt', corrupt);
  const tamperedRun = structuredClone(bundle);
  // Edited within the valid range (0..100), so only the checksum can catch it.
  const skill = tamperedRun.runs.r!.skills[0]!;
  skill.pct += skill.pct >= 50 ? -1 : 1;
  write('tamperedRun', tamperedRun);
  write('foreign', { name: 'task-atlas', version: '0.1.0' });
  write('v1', asVersion1(bundle));
  // The forgery: a number changed and the checksum recomputed (the signature cannot be).
  const forged = structuredClone(bundle);
  const genuine = bundle.runs.r!.skills[0]!.pct;
  forged.runs.r!.skills[0]!.pct = genuine >= 50 ? genuine - 20 : genuine + 20;
  forged.checksum = sha256(checksumText(forged));
  write('forged', forged);
  // Genuinely signed, with link markup in a skill and a model name (drawn by Figures 5 and 8).
  write('links', resealed((b) => {
    b.runs.r!.skills[0]!.skill = LINK;
    b.runs.r!.byModel[0]!.model = LINK;
  }));
  write('proto', JSON.parse(JSON.stringify(bundle).replaceAll('"aei-2025-02-10"', '"__proto__"')));

  empty = openProject(path.join(tmp, 'empty.sqlite'));
  server = await startHttpServer({ handlers: createService(empty), staticDir: WEB_DIR });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (source) closeProject(source);
  if (empty) closeProject(empty);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function freshPage(): Promise<{ context: BrowserContext; page: Page; problems: string[]; api: string[] }> {
  // A new context is a fresh profile: no sessionStorage carried over between cases.
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  const api: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('request', (req) => {
    const { pathname } = new URL(req.url());
    if (pathname.startsWith('/api/')) api.push(pathname);
  });
  await watchCsp(page, problems);
  await page.goto(server!.pageUrl('/review'));
  await page.waitForSelector('input[type=file]');
  return { context, page, problems, api };
}

async function tracesOf(page: Page, figId: string): Promise<Trace[]> {
  return page.$eval(`#${figId} .js-plotly-plot`, (el) =>
    (el as unknown as { data: Trace[] }).data.map((t) => ({ name: t.name, mode: t.mode, x: t.x, y: t.y })),
  );
}

async function openBundle(page: Page, file: string): Promise<void> {
  await page.getByLabel('Open review bundle').setInputFiles(file);
  await page.waitForSelector('.review-banner');
}

async function showStep(page: Page, step: string): Promise<void> {
  await page.evaluate((s) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#/${s}`;
  }, step);
}

describe('review mode in Chromium (served over an empty project)', () => {
  it('lists the run and draws its Figures 5, 8 and 10 with the source project’s numbers', async () => {
    const { context, page, problems, api } = await freshPage();
    try {
      await openBundle(page, files.bundle);
      api.length = 0; // from here on every answer must come from the bundle
      await expect(page.textContent('.review-banner')).resolves.toBe(`Review mode — read only: ${bundle.title}`);
      const status = page.locator('.review-integrity');
      await expect(status.getAttribute('data-integrity')).resolves.toBe('signed');
      await expect(status.locator('.review-integrity-headline').textContent()).resolves.toBe(
        `Signed by ${installationSigningKey().fingerprint}`,
      );
      // Above everything else the page shows about the bundle.
      const [statusBox, summaryBox] = await Promise.all([status.boundingBox(), page.locator('.review-summary').boundingBox()]);
      expect(statusBox!.y).toBeLessThan(summaryBox!.y);
      const row = await page.$$eval('.review-runs-table tbody tr', (trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (c) => (c as { textContent: string | null }).textContent ?? '')),
      );
      expect(row).toEqual([['r', 'claude', '79', '2 of 4', '≥15 conversations from ≥5 accounts', 'run:r']]);
      for (const [id, module] of Object.entries(RUN_FIGURES)) {
        await page.waitForSelector(`#${id}[data-drawn="true"]`, { timeout: 90_000 });
        const drawn = await tracesOf(page, id);
        const expected = module.toFigure(sourceRun).data.map((t) => ({ name: t.name, x: t.x, y: t.y }));
        expect(drawn.map((t) => ({ name: t.name, x: t.x, y: t.y })), id).toEqual(expected);
        expect(await page.locator(`#${id} .bars path`).count(), id).toBeGreaterThan(0);
      }
      await page.screenshot({ path: path.join(ARTIFACTS, 'review-signed.png') });
      expect(api).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a forged bundle (numbers edited, checksum recomputed) as modified, at the top', async () => {
    const { context, page, problems } = await freshPage();
    try {
      await openBundle(page, files.forged);
      const status = page.locator('.review-integrity');
      await expect(status.getAttribute('data-integrity')).resolves.toBe('modified');
      await expect(status.getAttribute('role')).resolves.toBe('alert');
      await expect(status.locator('.review-integrity-headline').textContent()).resolves.toBe(
        'Modified after signing — the numbers may not be genuine',
      );
      await expect(status.textContent()).resolves.toContain(installationSigningKey().fingerprint);
      await expect(page.locator('.review-banner.modified').count()).resolves.toBe(1);
      await page.screenshot({ path: path.join(ARTIFACTS, 'review-forged.png') });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('draws names from the bundle as text: a link in a skill or model name is no link', async () => {
    const { context, page, problems } = await freshPage();
    try {
      await openBundle(page, files.links);
      await expect(page.locator('.review-integrity').getAttribute('data-integrity')).resolves.toBe('signed');
      for (const id of ['review-fig5', 'review-fig8']) {
        await page.waitForSelector(`#${id}[data-drawn="true"]`, { timeout: 90_000 });
        await expect(page.locator(`#${id} a`).count(), id).resolves.toBe(0);
        // Drawn literally, markup and all.
        await expect(page.locator(`#${id} .js-plotly-plot`).textContent(), id).resolves.toContain(LINK);
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('refuses a "__proto__" source id, and drops such a bundle kept by an earlier session on reload', async () => {
    const { context, page, problems } = await freshPage();
    try {
      await page.getByLabel('Open review bundle').setInputFiles(files.proto);
      const alert = page.locator('.review-error');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toContain('"__proto__" cannot be used as an id');
      expect(await page.locator('.review-banner').count()).toBe(0);
      // As if an older version had accepted it: the reload must not reopen it (forever).
      const text = readFileSync(files.proto, 'utf8');
      await page.evaluate((t) => {
        (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('task-atlas.review-bundle', t);
      }, text);
      await page.reload();
      await page.waitForSelector('input[type=file]');
      expect(await page.locator('.review-banner').count()).toBe(0);
      const kept = await page.evaluate(() =>
        (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('task-atlas.review-bundle'),
      );
      expect(kept).toBeNull();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('draws exactly the bundled release in Explore, also after a reload, without asking the server', async () => {
    const { context, page, problems, api } = await freshPage();
    try {
      await openBundle(page, files.bundle);
      api.length = 0;
      await showStep(page, 'explore');
      for (const id of FIGURES) await page.waitForSelector(`#${id}[data-drawn="true"]`, { timeout: 90_000 });
      const report = bundle.reports[bundle.sources[0]!.id]!;
      expect(report.source.id).toBe('aei-2025-02-10');

      // Figure 3: every category's usage share, exactly.
      const usage = (await tracesOf(page, 'fig3')).find((t) => t.name === 'Claude usage (%)')!;
      const byTitle = new Map(report.categories.map((c) => [c.title, c.usagePct]));
      expect(usage.y).toHaveLength(report.categories.length);
      usage.y.forEach((title, i) => expect(usage.x[i]).toBe(byTitle.get(String(title))));

      // Figure 4: the quoted marks.
      const marks = (await tracesOf(page, 'fig4')).find((t) => t.mode === 'markers+text')!;
      expect(marks.x).toEqual(report.depth.marks.map((m) => m.threshold * 100));
      expect(marks.y).toEqual(report.depth.marks.map((m) => m.shareOfOccupations * 100));

      // Table 2: every cell as the page would format the bundled values.
      const expected = toTable2Rows(report, paper);
      const rows = await page.$$eval('#table2 tbody tr', (trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td as { textContent: string | null }).textContent ?? '')),
      );
      expect(rows).toEqual(expected.rows.map((r) => r.values.map((v, i) => fmt(v, expected.columns[i]?.digits ?? 1))));

      // Survives a reload (sessionStorage); only the shell's own app.info may reach the server.
      await page.reload();
      await page.waitForSelector('.review-banner');
      for (const id of FIGURES) await page.waitForSelector(`#${id}[data-drawn="true"]`, { timeout: 90_000 });
      expect(api.filter((p) => p !== '/api/app.info')).toEqual([]);
      // The signature is checked again after the reload.
      await showStep(page, 'review');
      await page.waitForSelector('.review-integrity[data-integrity="signed"]');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens a version-1 bundle (no runs, no drill-down) and still draws its release', async () => {
    const { context, page, problems } = await freshPage();
    try {
      await openBundle(page, files.v1);
      await expect(page.locator('.review-integrity').getAttribute('data-integrity')).resolves.toBe('unsigned');
      await expect(page.locator('.review-integrity-headline').textContent()).resolves.toMatch(/^Unsigned \(older bundle\)/);
      await expect(page.textContent('.review-runs-none')).resolves.toBe('This bundle holds no classification runs.');
      await showStep(page, 'explore');
      await page.waitForSelector('#fig3[data-drawn="true"]', { timeout: 90_000 });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const [name, file, message] of [
    ['a corrupted release report', () => files.corrupt, /corrupted/],
    ['a corrupted run report', () => files.tamperedRun, /corrupted/],
    ['a foreign JSON file', () => files.foreign, /not a Task Atlas review bundle/],
  ] as const) {
    it(`refuses ${name} with a clear error and shows nothing`, async () => {
      const { context, page, problems, api } = await freshPage();
      try {
        await page.getByLabel('Open review bundle').setInputFiles(file());
        const alert = page.locator('.review-error');
        await alert.waitFor();
        await expect(alert.textContent()).resolves.toMatch(message);
        expect(await page.locator('.review-banner').count()).toBe(0);
        expect(await page.locator('.review-summary').count()).toBe(0);
        expect(api).not.toContain('/api/analysis.reproduce');
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
