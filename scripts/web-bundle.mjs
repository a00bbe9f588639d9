#!/usr/bin/env node
// Builds the browser app (out/web) with Vite (vite.web.config.ts) and stamps it (build-stamp.mjs).
// `--if-stale` (npm run serve) skips the ~12 s build when out/web is current: nothing the renderer
// build reads (src-renderer, src-shared, the configs, the installed packages) changed since.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mtimeOf, ROOT, stampState, writeStamp } from './build-stamp.mjs';

const OUT = join(ROOT, 'out/web');
/** Beside out/web, not in it: the HTTP server serves everything inside. */
const STAMP = join(ROOT, 'out/web.stamp.json');
const SOURCE_DIRS = ['src-renderer', 'src-shared'];
const CONFIG_FILES = ['vite.web.config.ts', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.web.json', 'package.json', 'package-lock.json'];

/** Every file the renderer build can read, with its mtime (taken before the build starts). */
export function webInputs() {
  const files = [...SOURCE_DIRS.flatMap((dir) => listFiles(join(ROOT, dir))), ...CONFIG_FILES.map((f) => join(ROOT, f))];
  return files.map((file) => [file, mtimeOf(file)]);
}

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

export function webState() {
  return stampState(STAMP, join(OUT, 'index.html'));
}

/**
 * Runs `vite build` and stamps the result with the mtimes seen before it started: a file edited
 * during the build no longer matches, so the next `--if-stale` builds again.
 */
export function buildWeb() {
  const inputs = webInputs();
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.web.config.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  writeStamp(STAMP, inputs);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && webState() === 'current') console.log('out/web is current: not rebuilt');
  else buildWeb();
}
