// The software that made an export, for its manifest: the app's version and git commit, Node,
// Electron, SQLite and the packages that compute or fetch results. Versions of packages come from
// package.json as bundled at build time (dependencies are pinned exactly, so the declared version is
// the installed one), which holds in the CLI bundle under out/cli and in the packaged app alike.
// Nothing here may fail an export: what cannot be found is "unknown", with the reason.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../../package.json';
import type { Db } from '../../db/open';

/** Packages whose version can change a number in an export (SQLite engine, Claude SDK, embeddings). */
export const RECORDED_PACKAGES = ['better-sqlite3', '@anthropic-ai/sdk', '@huggingface/transformers'] as const;

export const NOT_IN_ELECTRON = 'not running in Electron';

export interface Software {
  app: {
    name: string;
    version: string;
    /** `git rev-parse HEAD` of a source checkout, or "unknown" (a packaged app, no git). */
    commit: string;
    /** Whether tracked files differ from that commit: "modified" means the commit alone does not reproduce it. */
    worktree: 'clean' | 'modified' | 'unknown';
  };
  node: string;
  electron: string;
  sqlite: string;
  packages: Record<(typeof RECORDED_PACKAGES)[number], string>;
}

export function appVersion(): string {
  return pkg.version;
}

export function softwareVersions(db: Db): Software {
  const dependencies: Record<string, string | undefined> = pkg.dependencies;
  const packages = Object.fromEntries(RECORDED_PACKAGES.map((name) => [name, dependencies[name] ?? 'unknown'])) as Software['packages'];
  return {
    app: { name: pkg.name, version: pkg.version, ...gitState() },
    node: process.versions.node,
    electron: process.versions.electron ?? NOT_IN_ELECTRON,
    sqlite: db.prepare('SELECT sqlite_version()').pluck().get() as string,
    packages,
  };
}

let cachedGit: Pick<Software['app'], 'commit' | 'worktree'> | undefined;

/** Asked once per process; git is run only in the app's own checkout (its package.json next to .git). */
function gitState(): Pick<Software['app'], 'commit' | 'worktree'> {
  if (cachedGit) return cachedGit;
  cachedGit = { commit: 'unknown', worktree: 'unknown' };
  const root = appRoot();
  if (root === null) return cachedGit;
  const git = (...args: string[]): string | null => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
    } catch {
      return null; // no git installed, not a checkout, or too slow: the commit stays "unknown"
    }
  };
  const top = git('rev-parse', '--show-toplevel');
  const commit = top !== null && resolve(top) === resolve(root) ? git('rev-parse', 'HEAD') : null;
  if (commit === null || !/^[0-9a-f]{40}$/.test(commit)) return cachedGit;
  const status = git('status', '--porcelain', '--untracked-files=no');
  cachedGit = { commit, worktree: status === null ? 'unknown' : status === '' ? 'clean' : 'modified' };
  return cachedGit;
}

/** The folder of the app's package.json above this module (source or out/cli), or null (packaged). */
function appRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && existsSync(join(dir, '.git'))) {
      try {
        if ((JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === pkg.name) return dir;
      } catch {
        return null; // an unreadable package.json: not our checkout
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
