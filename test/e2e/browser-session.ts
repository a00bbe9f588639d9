// One project served over the HTTP transport with the web build, and a Chromium page on it whose
// console errors, page errors and CSP violations go into the test's problem list: the set-up and
// teardown every Explore walk shares.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { closeProject, type Project } from '../../src-main/engine/project';
import { createService, type ApiHandlers } from '../../src-main/engine/service';
import { startHttpServer, type HttpServerHandle } from '../../src-main/http/server';
import { launchChromium, watchPage } from '../support/browser';

export const WEB_DIR = process.env.TASK_ATLAS_WEB_DIR ?? path.resolve('out/web');

export interface BrowserSession {
  handlers: ApiHandlers;
  server: HttpServerHandle;
  browser: Browser;
  page: Page;
}

/** Serves `project` and opens a watched 1280×900 page; what opened is closed again if a later step fails. */
export async function openSession(project: Project, problems: string[]): Promise<BrowserSession> {
  const handlers = createService(project);
  const server = await startHttpServer({ handlers, staticDir: WEB_DIR });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await watchPage(page, problems);
    return { handlers, server, browser, page };
  } catch (err) {
    await browser?.close();
    await server.close();
    throw err;
  }
}

/** What Plotly holds for one trace of a drawn figure. */
export interface Trace {
  name?: string;
  type?: string;
  mode?: string;
  x: (number | string | null)[];
  y: (number | string | null)[];
  ids?: string[];
  text?: string[];
}

/** The traces Plotly holds on the graph div inside a figure container (what it actually drew). */
export async function tracesOf(page: Page, figId: string): Promise<Trace[]> {
  return page.$eval(`#${figId} .js-plotly-plot`, (el) =>
    (el as unknown as { data: Trace[] }).data.map((t) => ({ name: t.name, type: t.type, mode: t.mode, x: t.x, y: t.y, ids: t.ids, text: t.text })),
  );
}

/** Closes the browser, the server, the project and removes its folder: each only when it was opened. */
export async function closeSession(session: BrowserSession | undefined, project: Project | undefined, dir: string | undefined): Promise<void> {
  await session?.browser.close();
  await session?.server.close();
  if (project) closeProject(project);
  if (dir) rmSync(dir, { recursive: true, force: true });
}
