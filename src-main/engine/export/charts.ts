// Charts as PNG and SVG files. Plotly renders in a browser, so the export opens the self-contained
// HTML report in a headless Chrome/Chromium and asks Plotly for each figure's image: the files are
// exactly what the report shows, and every figure it holds is exported (Figure 2 and, for a
// classification run, Figures 5, 8 and 10 too). The desktop app can pass Electron's own Chromium; elsewhere the
// first installed Chrome/Chromium is used (TASK_ATLAS_CHROMIUM overrides).
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { UnavailableError } from '../errors';
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

/** Writes fig2.svg, fig2.png, … for every figure of the report into `dir`; returns the files. */
export async function exportChartImages(reportHtml: string, dir: string, executablePath = findChromium()): Promise<string[]> {
  if (!executablePath) {
    throw new UnavailableError('PNG/SVG export needs Chrome or Chromium: install one or set TASK_ATLAS_CHROMIUM to its path', 'other');
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ARGS });
  try {
    const page = await browser.newPage();
    // The report loads nothing from outside; refusing every non-file request keeps it that way.
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(reportHtml).href);
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
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const id of ids) {
      for (const format of ['svg', 'png'] as const) {
        const url = await page.evaluate(
          ([figure, fmt]) => {
            const page = globalThis as unknown as PageGlobals;
            const el = page.document.querySelector(`#${figure} .js-plotly-plot`);
            return page.Plotly.toImage(el, { format: fmt, width: 1100, height: 700, scale: fmt === 'png' ? 2 : 1 });
          },
          [id, format] as const,
        );
        files.push(writeDataUrl(join(dir, `${id}.${format}`), url));
      }
    }
    return files;
  } finally {
    await browser.close();
  }
}

/** What the report page provides, typed minimally: this file compiles without the DOM library. */
interface PageGlobals {
  document: {
    querySelectorAll(s: string): { length: number };
    querySelector(s: string): unknown;
    getElementById(id: string): { textContent: string | null } | null;
  };
  Plotly: { toImage(el: unknown, opts: object): Promise<string> };
}

function writeDataUrl(file: string, url: string): string {
  const comma = url.indexOf(',');
  const meta = url.slice(0, comma);
  const body = url.slice(comma + 1);
  const bytes = meta.endsWith(';base64') ? Buffer.from(body, 'base64') : Buffer.from(decodeURIComponent(body), 'utf8');
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
  return file;
}
