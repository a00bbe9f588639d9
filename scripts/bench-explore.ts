// npm run bench:explore [-- --conversations 1000000] [--fresh] [--warm]   (TASK_ATLAS_WEB_DIR: another web build than out/web)
// How long Explore takes to show an own run of N conversations (issue #15 goal 7: ≤ 1 s at 1M).
// Builds (or reuses, under /tmp) a project with the bundled data and a synthetic classified run
// written straight into SQLite, serves it exactly as `task-atlas serve` does (startServing: engine
// process behind the HTTP transport) and measures through HTTP and headless Chromium:
//  1. analysis.runReport cold (no stored report: aggregates and stores it; --warm keeps the one
//     stored by an earlier run of this bench) and warm (stored);
//  2. in Explore, from choosing the run in the source picker to every figure on the page drawn
//     (Explore loads the report's summary: the task tables cut to the rows its figures draw).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { startServing, type Serving } from '../src-main/cli/serve';
import { closeProject, importBundledDefaults, openProject } from '../src-main/engine/project';
import { baseItems } from '../src-main/engine/hierarchy/build';
import { importHierarchy } from '../src-main/engine/hierarchy/store';
import { resolveConfig } from '../src-main/engine/classify/run';
import type { Db } from '../src-main/db/open';
import type { HttpServerHandle } from '../src-main/http/server';
import { apiCall } from './bench-http';
import { COLLABORATION_PATTERNS } from '../src-shared/taxonomy';
import { SKILL_OPTIONS } from '../src-shared/prompts/classify';
import { launchChromium } from '../test/support/browser';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUN = 'bench';
const RELEASE = 'aei-2025-02-10';
const GOAL_MS = 1000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return Math.floor(v);
}

/** Groups the release's base tasks under 24 parents by position: a hierarchy for the run's joins. */
function writeHierarchy(db: Db): void {
  const tasks = baseItems(db, RELEASE);
  const parents = Array.from({ length: 24 }, (_, p) => ({ id: `p${p}`, level: 1, name: `Group ${p}`, description: '', parent: null }));
  const leaves = tasks.map((t, i) => ({ id: t.id, level: 0, name: t.text, description: '', parent: `p${Math.floor((i * 24) / tasks.length)}` }));
  importHierarchy(db, 'bench-explore', {
    format: 'task-atlas.hierarchy', version: 1, id: 'h-explore', name: 'bench explore', config: { taskDataset: RELEASE },
    createdAt: new Date().toISOString(), nodes: [...parents, ...leaves],
  });
}

/**
 * n conversations and their outcomes generated in SQL (a recursive counter; a multiplicative hash
 * stands in for randomness), so a million rows take seconds. Task use is skewed (u³) like real usage.
 */
function writeRun(db: Db, n: number): void {
  const cfg = resolveConfig({ name: RUN, datasets: ['bench-explore'], hierarchyId: 'h-explore' });
  const now = new Date().toISOString();
  const patterns = [...COLLABORATION_PATTERNS, 'none'];
  db.exec(`CREATE TEMP TABLE pick (kind TEXT, idx INTEGER, value TEXT, PRIMARY KEY (kind, idx))`);
  const pick = db.prepare('INSERT INTO pick VALUES (?, ?, ?)');
  const leaves = db.prepare("SELECT node_id FROM hierarchy_node WHERE hierarchy_id = 'h-explore' AND level = 0 ORDER BY node_id").pluck().all() as string[];
  db.transaction(() => {
    leaves.forEach((id, i) => pick.run('task', i, id));
    patterns.forEach((p, i) => pick.run('pattern', i, p));
    SKILL_OPTIONS.forEach((s, i) => pick.run('skills', i, JSON.stringify([s])));
    db.prepare("INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at) VALUES ('bench-import', 'bench-explore', 'synthetic', 'jsonl', '', 'complete', ?)").run(now);
    db.prepare("INSERT INTO classify_run (id, config_json, status, created_at, updated_at) VALUES (?, ?, 'complete', ?, ?)").run(RUN, JSON.stringify(cfg), now, now);
    const counter = `WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < ${n - 1})`;
    db.exec(`${counter} INSERT INTO conversation (id, dataset, account_id, model, messages_json, turns, chars, import_id)
      SELECT 'c' || i, 'bench-explore', 'a' || ((i * 7919) % ${Math.max(1, Math.floor(n / 5))}),
             CASE WHEN i % 3 = 0 THEN 'claude-haiku-4-5' ELSE 'claude-sonnet-4-6' END, '[]', 1, 0, 'bench-import' FROM k`);
    const facet = (name: string, index: string) =>
      db.exec(`${counter} INSERT INTO classification (run_id, conversation_id, facet, status, value)
        SELECT '${RUN}', 'c' || i, '${name}', 'ok', (SELECT value FROM pick WHERE kind = '${name}' AND idx = ${index}) FROM k`);
    // u in [0, 1) from a hash of i; u*u*u skews towards the first tasks.
    const u = '(((i * 2654435761) % 1000003) / 1000003.0)';
    facet('task', `CAST(${u} * ${u} * ${u} * ${leaves.length} AS INTEGER)`);
    facet('pattern', `(i * 40503) % ${patterns.length}`);
    facet('skills', `(i * 69069) % ${SKILL_OPTIONS.length}`);
  })();
}

function buildProject(path: string, n: number): void {
  const t = performance.now();
  const project = openProject(path);
  try {
    importBundledDefaults(project);
    writeHierarchy(project.db);
    writeRun(project.db, n);
  } finally {
    closeProject(project);
  }
  console.log(`built ${path}: bundled data and a run of ${n.toLocaleString('en')} conversations in ${seconds(performance.now() - t)}`);
}

/** Drops the run's stored report, so the first request below is a cold one. */
function forgetStoredReport(path: string): void {
  const db = new Database(path);
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'run_report'").get();
    if (table) db.prepare('DELETE FROM run_report WHERE run_id = ?').run(RUN);
  } finally {
    db.close();
  }
}

function call<T>(server: HttpServerHandle, name: string, args: unknown): Promise<T> {
  return apiCall<T>(server, name, args);
}

async function timed<T>(what: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await what();
  return [value, performance.now() - t];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Runs in the page: whether the run's figures are there and every chart slot in view (or, with
 * `all`, every one on the page) has drawn its current figure.
 */
function drawn(all: boolean): boolean {
  // The node tsconfig has no DOM lib: the page's document and window, described structurally.
  type El = { id: string; getAttribute(name: string): string | null; getBoundingClientRect(): { top: number; bottom: number } };
  const page = globalThis as unknown as { innerHeight: number; document: { querySelectorAll(s: string): ArrayLike<El> } };
  const plots = Array.from(page.document.querySelectorAll('.explore-page .plot[role="figure"]'));
  // No named inner functions: tsx would wrap them in a helper (__name) the page does not have.
  const run = ['fig5', 'fig8', 'fig10'].every((id) => plots.some((p) => p.id === id));
  return (
    run &&
    plots
      .filter((p) => all || (p.getBoundingClientRect().bottom > 0 && p.getBoundingClientRect().top < page.innerHeight))
      .every((p) => p.getAttribute('data-drawn') === 'true')
  );
}

/** Opens Explore, waits for the release's figures, then times choosing the run until its figures are drawn. */
async function exploreRun(server: HttpServerHandle): Promise<{ inView: number; all: number; plots: number }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.pageUrl('/explore'));
    await page.waitForSelector('#fig3[data-drawn="true"]', { timeout: 120_000 });
    const t = performance.now();
    await page.selectOption('#explore-source', `run:${RUN}`);
    await page.waitForFunction(drawn, false, { timeout: 300_000, polling: 50 });
    const inView = performance.now() - t;
    await page.waitForFunction(drawn, true, { timeout: 300_000, polling: 50 });
    const all = performance.now() - t;
    const plots = await page.locator('.explore-page .plot[role="figure"]').count();
    return { inView, all, plots };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const n = arg('conversations', 1_000_000);
  const dir = join('/tmp', `task-atlas-bench-explore-${n}`);
  const path = join(dir, 'project.sqlite');
  if (process.argv.includes('--fresh')) rmSync(dir, { recursive: true, force: true });
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    buildProject(path, n);
  } else console.log(`reusing ${path} (--fresh rebuilds it)`);
  // The web build to serve: out/web, or another one (TASK_ATLAS_WEB_DIR, as the e2e tests take it).
  const web = process.env.TASK_ATLAS_WEB_DIR ?? join(ROOT, 'out/web');
  if (!existsSync(join(web, 'index.html'))) throw new Error(`${web} has no web build: run \`npm run build:web\` first`);
  if (!process.argv.includes('--warm')) forgetStoredReport(path);
  let serving: Serving | undefined;
  try {
    serving = await startServing({ configDir: join(dir, 'config'), project: path, staticDir: web, port: 0 });
    const server = serving.server;
    await call(server, 'project.current', {}); // the engine is up and the project open before timing
    const [report, cold] = await timed(() => call<{ tasks: { kept: number; total: number } }>(server, 'analysis.runReport', { run: RUN }));
    const [, warm] = await timed(() => call(server, 'analysis.runReport', { run: RUN }));
    const [, summary] = await timed(() => call(server, 'analysis.runReport', { run: RUN, summary: true }));
    const [, source] = await timed(() => call(server, 'analysis.reproduce', { sourceId: `run:${RUN}` }));
    console.log(`run of ${n.toLocaleString('en')} conversations: ${report.tasks.kept} of ${report.tasks.total} tasks kept`);
    console.log(`analysis.runReport, first request (aggregates and stores the report): ${seconds(cold)}`);
    console.log(`analysis.runReport, second request (stored report):                  ${seconds(warm)}`);
    console.log(`analysis.runReport, its stored summary (what Explore loads first):    ${seconds(summary)}`);
    console.log(`analysis.reproduce of the run's usage source:                         ${seconds(source)}`);
    const { inView, all, plots } = await exploreRun(server);
    console.log(`Explore: run chosen → the figures in view drawn:                      ${seconds(inView)}`);
    console.log(`Explore: run chosen → all ${plots} figures drawn (the rest as the page idles): ${seconds(all)}`);
    console.log(inView <= GOAL_MS ? `goal met (≤ ${GOAL_MS / 1000} s)` : `goal NOT met (> ${GOAL_MS / 1000} s)`);
    if (inView > GOAL_MS) process.exitCode = 1;
  } finally {
    await serving?.close();
  }
}

await main();
