// Review bundles end to end: export from a project with the bundled release, check the file holds
// only aggregated results, then open it in the built renderer (out/web, `npm run build:web`) served
// over an EMPTY project in a fresh Chromium profile, and assert Explore draws the source project's
// numbers exactly, without a single /api/analysis.reproduce request.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeProject, importBundledDefaults, openProject, type Project } from '../../src-main/engine/project';
import { createService } from '../../src-main/engine/service';
import { startHttpServer } from '../../src-main/http/server';
import { buildReviewBundle, reportsChecksum, writeReviewBundle } from '../../src-main/engine/review/bundle';
import { reviewBundleSchema as engineSchema, type ReviewBundle } from '../../src-main/engine/review/schema';
import { reviewBundleSchema as rendererSchema } from '../../src-renderer/features/review/schema';
import type { ApiClient } from '../../src-shared/api';
import { toTable2Rows } from '../../src-shared/charts/table2';
import { fmt } from '../../src-shared/charts/format';
import type { PaperReference, ReproduceReport } from '../../src-shared/report';
import { launchChromium, watchCsp } from '../support/browser';

const FIGURES = ['fig3', 'fig4', 'fig6', 'fig7', 'fig13'];
/** Field names that would mean raw conversations or accounts leaked into a bundle. */
const FORBIDDEN_KEYS = /conversation(s)?$|^text$|transcript|messages?$|account(s|Id|Ids)?$|user(Id)?$|prompt/i;

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
let bundleFile: string;
let corruptFile: string;
let foreignFile: string;

function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'task-atlas-review-'));
  source = openProject(path.join(tmp, 'source.sqlite'));
  importBundledDefaults(source);
  const service = createService(source);
  paper = await service['paper.reference']({}, { transport: 'http' });
  const sources = await service['sources.list']({}, { transport: 'http' });
  bundle = buildReviewBundle(source.db, {
    sources: sources.map((s) => s.id),
    title: 'E2E review',
    appVersion: '0.1.0-test',
    paper,
  });
  bundleFile = path.join(tmp, 'results.taskatlas-review.json');
  writeReviewBundle(bundleFile, bundle);

  // Same file with one number changed and the checksum left as it was.
  const damaged = JSON.parse(readFileSync(bundleFile, 'utf8')) as ReviewBundle;
  const firstReport = Object.values(damaged.reports)[0]!;
  firstReport.categories[0]!.usagePct += 1;
  corruptFile = path.join(tmp, 'corrupt.taskatlas-review.json');
  writeFileSync(corruptFile, JSON.stringify(damaged));
  foreignFile = path.join(tmp, 'foreign.json');
  writeFileSync(foreignFile, JSON.stringify({ name: 'task-atlas', version: '0.1.0' }));

  empty = openProject(path.join(tmp, 'empty.sqlite'));
  server = await startHttpServer({ handlers: createService(empty), staticDir: path.resolve('out/web') });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (source) closeProject(source);
  if (empty) closeProject(empty);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('review bundle export', () => {
  it('holds a report per source, a valid checksum and the provenance of the data files', () => {
    const onDisk = JSON.parse(readFileSync(bundleFile, 'utf8')) as ReviewBundle;
    expect(onDisk.format).toBe('task-atlas.review-bundle');
    expect(onDisk.version).toBe(1);
    expect(onDisk.sources.length).toBeGreaterThan(0);
    for (const s of onDisk.sources) expect(onDisk.reports[s.id]?.source.id).toBe(s.id);
    expect(reportsChecksum(onDisk.reports)).toBe(onDisk.checksum);
    expect(onDisk.provenance.dataFiles.length).toBeGreaterThan(0);
    for (const f of onDisk.provenance.dataFiles) {
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(path.basename(f.file)).toBe(f.file);
    }
    expect(onDisk.paper).toEqual(paper);
  });

  it('parses with both the engine and the renderer schema, to the same value', () => {
    const raw: unknown = JSON.parse(readFileSync(bundleFile, 'utf8'));
    const engine = engineSchema.parse(raw);
    const renderer = rendererSchema.parse(raw);
    expect(renderer).toEqual(engine);
    expect(renderer.reports).toEqual(bundle.reports);
  });

  it('carries no conversation text, account ids or local paths', () => {
    const text = readFileSync(bundleFile, 'utf8');
    const offending = [...keysOf(JSON.parse(text))].filter((k) => FORBIDDEN_KEYS.test(k));
    expect(offending).toEqual([]);
    expect(text).not.toContain(tmp);
    expect(text).not.toContain(process.cwd());
  });

  it('answers reads from the bundle and refuses writes in the review client', async () => {
    // Imported by path: the module is DOM-typed (renderer tsconfig), but runs fine under node.
    const modulePath = '../../src-renderer/transport/review-client';
    const { createReviewClient } = (await import(modulePath)) as { createReviewClient: (b: ReviewBundle) => ApiClient };
    const client = createReviewClient(bundle);
    const first = bundle.sources[0]!;
    await expect(client['analysis.reproduce']({})).resolves.toBe(bundle.reports[first.id]);
    await expect(client['app.info']({})).resolves.toMatchObject({ projectPath: 'review: E2E review' });
    await expect(client['reference.importFile']({ kind: 'wages', path: '/x.csv' })).rejects.toThrow(/read-only/);
    await expect(client['reference.importRelease']({ dir: '/x' })).rejects.toThrow(/read-only/);
  });
});

describe('review mode in Chromium (served over an empty project)', () => {
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
    await page.goto(`${server!.url}#/review`);
    await page.waitForSelector('input[type=file]');
    return { context, page, problems, api };
  }

  async function tracesOf(page: Page, figId: string): Promise<Trace[]> {
    return page.$eval(`#${figId} .js-plotly-plot`, (el) =>
      (el as unknown as { data: Trace[] }).data.map((t) => ({ name: t.name, mode: t.mode, x: t.x, y: t.y })),
    );
  }

  it('draws exactly the bundled numbers in Explore, without asking the server for them', async () => {
    const { context, page, problems, api } = await freshPage();
    try {
      await page.getByLabel('Open review bundle').setInputFiles(bundleFile);
      await page.waitForSelector('.review-banner');
      await expect(page.textContent('.review-banner')).resolves.toBe('Review mode — read only: E2E review');
      await expect(page.textContent('.project-path')).resolves.toBe('review: E2E review');

      await page.getByRole('navigation', { name: 'Wizard steps' }).getByRole('button', { name: 'Explore', exact: true }).click();
      for (const id of FIGURES) await page.waitForSelector(`#${id}[data-drawn="true"]`, { timeout: 90_000 });
      const report: ReproduceReport = bundle.reports[bundle.sources[0]!.id]!;

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

      // Survives a reload (sessionStorage), still without a data request.
      await page.reload();
      await page.waitForSelector('.review-banner');
      for (const id of FIGURES) await page.waitForSelector(`#${id}[data-drawn="true"]`, { timeout: 90_000 });

      expect(api.filter((p) => p !== '/api/app.info')).toEqual([]);
      expect(api).not.toContain('/api/analysis.reproduce');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const [name, file, message] of [
    ['a corrupted bundle', () => corruptFile, /corrupted/],
    ['a foreign JSON file', () => foreignFile, /not a Task Atlas review bundle/],
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
