// Charts as PNG and SVG files. Plotly renders in a browser, so the export opens the self-contained
// HTML report in a headless Chrome/Chromium and asks Plotly for each figure's image: the files are
// exactly what the report shows, and every figure it holds is exported (Figure 2 and, for a
// classification run, Figures 5, 8 and 10 too). The desktop app can pass Electron's own Chromium; elsewhere the
// first installed Chrome/Chromium is used (TASK_ATLAS_CHROMIUM overrides). The SVGs also go into the
// report as the still images shown with JavaScript off.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { UnavailableError } from '../errors';
import { embedStillImages } from '../report-html/still';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChromium(): string | null {
  const fromEnv = process.env.TASK_ATLAS_CHROMIUM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

/**
 * Writes fig2.svg, fig2.png, … for every figure of the report into `dir`, and embeds each SVG in the
 * report itself as the still image shown without JavaScript. Returns the files written.
 */
export async function exportChartImages(reportHtml: string, dir: string, executablePath = findChromium()): Promise<string[]> {
  const images = await renderImages(reportHtml, ['svg', 'png'], executablePath);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const [id, byFormat] of Object.entries(images)) {
    for (const [format, url] of Object.entries(byFormat)) files.push(writeDataUrl(join(dir, `${id}.${format}`), url));
  }
  embedStillImages(reportHtml, svgTexts(images));
  return files;
}

/** Only the still SVGs, embedded in the report (an HTML export without chart files). */
export async function embedReportStills(reportHtml: string, executablePath = findChromium()): Promise<number> {
  const svgs = svgTexts(await renderImages(reportHtml, ['svg'], executablePath));
  embedStillImages(reportHtml, svgs);
  return Object.keys(svgs).length;
}

function svgTexts(images: Record<string, Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(images).map(([id, f]) => [id, dataUrlBytes(f.svg!).toString('utf8')]));
}

type Format = 'svg' | 'png';

/** Each figure of the report as data URLs per format, drawn by Plotly in the opened report. */
async function renderImages(reportHtml: string, formats: Format[], executablePath: string | null): Promise<Record<string, Record<string, string>>> {
  if (!executablePath) {
    throw new UnavailableError('PNG/SVG export needs Chrome or Chromium: install one or set TASK_ATLAS_CHROMIUM to its path', 'other');
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ARGS });
  try {
    const page = await browser.newPage();
    // The report loads nothing from outside; refusing every non-file request keeps it that way.
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    // Parsing the inlined Plotly and drawing every figure happen before "load": on a busy machine
    // that passed the default 30 s (measured 32 s at load average 21 on 2 cores).
    await page.goto(pathToFileURL(reportHtml).href, { timeout: 120_000 });
    // These callbacks run inside the page, so they may only use what is there (no imports, no helpers).
    // The report lists its figures in the embedded JSON the draw script reads.
    const ids = await page.evaluate(() => {
      const doc = (globalThis as unknown as PageGlobals).document;
      return Object.keys(JSON.parse(doc.getElementById('figure-data')?.textContent ?? '{}') as object);
    });
    if (ids.length === 0) throw new Error(`${reportHtml}: the report holds no figures (no #figure-data)`);
    await page.waitForFunction(
      // data-drawn is set once Plotly settles, to "true" or "error": wait for all, then check.
      (n) => (globalThis as unknown as PageGlobals).document.querySelectorAll('section[data-drawn]').length >= n,
      ids.length,
      { timeout: 60_000 },
    );
    const failed = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).document.querySelectorAll('section[data-drawn="error"]').length,
    );
    if (failed > 0) throw new Error(`${reportHtml}: ${failed} figure(s) could not be drawn`);
    const images: Record<string, Record<string, string>> = {};
    for (const id of ids) {
      images[id] = {};
      for (const format of formats) images[id][format] = await page.evaluate(toImageInPage, [id, format] as const);
    }
    return images;
  } finally {
    await browser.close();
  }
}

/**
 * Runs in the page: the figure's still variant when the report has one (Figure 2's key), else the
 * drawn figure, at the figure's own height (a tall bar chart is not squeezed into a fixed box).
 */
function toImageInPage([figure, fmt]: readonly [string, Format]): Promise<string> {
  const page = globalThis as unknown as PageGlobals;
  const json = (id: string) => JSON.parse(page.document.getElementById(id)?.textContent ?? '{}') as Record<string, StoredFigure>;
  const still = json('still-figure-data')[figure];
  const height = (still ?? json('figure-data')[figure])?.layout.height ?? 700;
  const source = still ? { data: still.data, layout: page.reportLayout(still) } : page.document.querySelector(`#${figure} .js-plotly-plot`);
  return page.Plotly.toImage(source, { format: fmt, width: 1100, height, scale: fmt === 'png' ? 2 : 1 });
}

interface StoredFigure {
  data: unknown[];
  layout: { height?: number };
}

/** What the report page provides, typed minimally: this file compiles without the DOM library. */
interface PageGlobals {
  document: {
    querySelectorAll(s: string): { length: number };
    querySelector(s: string): unknown;
    getElementById(id: string): { textContent: string | null } | null;
  };
  Plotly: { toImage(el: unknown, opts: object): Promise<string> };
  reportLayout(fig: StoredFigure): object;
}

function dataUrlBytes(url: string): Buffer {
  const comma = url.indexOf(',');
  const meta = url.slice(0, comma);
  const body = url.slice(comma + 1);
  return meta.endsWith(';base64') ? Buffer.from(body, 'base64') : Buffer.from(decodeURIComponent(body), 'utf8');
}

function writeDataUrl(file: string, url: string): string {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, dataUrlBytes(url));
  renameSync(tmp, file);
  return file;
}
