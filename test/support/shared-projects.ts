// Project files that many tests start from, built once per vitest run and copied per test
// (copying a 20 MB SQLite file takes milliseconds; importing the bundle from XLSX takes seconds).
// The first worker to need one builds it (under a lock file) and renames it into place; the others wait.
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { closeProject, importBundledDefaults, openProject, type Project } from '../../src-main/engine/project';

export const RESOURCES = join(dirname(fileURLToPath(import.meta.url)), '../../resources');

/** The run's scratch folder (global-setup.ts), or a private one when run without the config. */
function runDir(): string {
  const dir = inject('runDir') as string | undefined;
  return dir ?? (fallback ??= mkdtempSync(join(tmpdir(), 'atlas-test-run-')));
}
let fallback: string | undefined;

function cached(name: string, build: (project: Project) => void): string {
  const file = join(runDir(), name);
  if (existsSync(file)) return file;
  const lock = `${file}.lock`;
  if (!takeLock(lock)) {
    // Another worker is building it: wait for it rather than spend the other core on the same work
    // (a failed build removes its lock, and then this worker tries itself).
    const deadline = Date.now() + 180_000;
    while (!existsSync(file) && existsSync(lock) && Date.now() < deadline) sleep(100);
    if (existsSync(file)) return file;
  }
  const scratch = `${file}.${process.pid}.tmp`;
  try {
    const project = openProject(scratch, { resourcesDir: RESOURCES });
    try {
      build(project);
    } finally {
      closeProject(project); // checkpoints the WAL, so the .sqlite file alone is the whole project
    }
    renameSync(scratch, file);
  } catch (err) {
    rmSync(lock, { force: true });
    throw err;
  }
  return file;
}

function takeLock(path: string): boolean {
  try {
    closeSync(openSync(path, 'wx'));
    return true;
  } catch {
    return false;
  }
}

/** Blocks this worker (set-up code here is synchronous; nothing else runs in it meanwhile). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Copies the project with every bundled data set imported (as the app's first start does) to `dest`. */
export function copyBundledProject(dest: string): string {
  copyFileSync(cached('bundled.sqlite', (p) => importBundledDefaults(p)), dest);
  return dest;
}

/** Opens a fresh copy of the bundled project at `dest`. */
export function openBundledProject(dest: string): Project {
  return openProject(copyBundledProject(dest), { resourcesDir: RESOURCES });
}
