// Build stamps: is a prebuilt folder (out/cli, out/web) still what its sources would build? A build
// writes a stamp file listing every source file it read with its mtime; the folder is current while
// each file still has that mtime. One stat per file (a few hundred: a few ms) catches an edit, a
// checkout, a `git pull` or a deleted file; a new file only matters once an existing one imports
// it, and that edit changes the importer's mtime.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VERSION = 1;

/**
 * 'missing' (never built, or `required` is gone), 'stale' (a source changed since) or 'current'.
 * `required`: a file of the build that must exist (a stamp alone does not make a build).
 */
export function stampState(stampFile, required) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    statSync(required);
  } catch {
    return 'missing';
  }
  if (stamp.version !== VERSION || !Array.isArray(stamp.inputs)) return 'stale';
  for (const [file, mtime] of stamp.inputs) {
    if (mtimeOf(join(ROOT, file)) !== mtime) return 'stale';
  }
  return 'current';
}

/** The mtime of `path`, or -1 when it cannot be read (deleted: the stamp no longer holds). */
export function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/** Writes the stamp: `inputs` are [file (absolute or from the project root), mtime] pairs. */
export function writeStamp(stampFile, inputs) {
  const rows = inputs.map(([file, mtime]) => [relative(ROOT, resolve(ROOT, file)), mtime]);
  writeAtomic(stampFile, JSON.stringify({ version: VERSION, inputs: rows }));
}

/** Written under a temporary name then renamed: a reader sees the old file or the new, never half. */
export function writeAtomic(path, contents) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}
