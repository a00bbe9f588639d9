// An export is written whole into a sibling folder "<dir>.partial-<pid>" (same parent, so the final
// rename is atomic) and moved into place only when every file is there, manifest.json last. A kill
// at any point leaves either no folder or the previous complete export at <dir>, plus a .partial
// folder that never looks finished (its name says so) and that the next export removes.
//
// An existing <dir> is replaced only when it is empty or is a Task Atlas export (a manifest.json of
// ours and nothing but the files an export writes); anything else is refused before any work, so an
// export never deletes a user's own files. Replacing renames the old export aside, the new one in,
// then deletes the old one.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { sha256 } from '../base/hash';
import { InvalidInputError } from '../errors';

export interface WrittenFile {
  /** Relative to the export folder, with "/" separators. */
  path: string;
  bytes: number;
  sha256: string;
}

/** The paths an export writes; a folder holding only these (and our manifest) may be replaced. */
const EXPORT_FILE =
  /^(manifest\.json|codebook\.md|report\.html|[\w.-]+\.taskatlas-review\.json(\.[\w]+)?|csv\/[\w.-]+\.csv|r\/[\w.-]+\.(csv|md|R)|replicate\.(R|py|do)|dta\/[\w.-]+\.dta|parquet\/[\w.-]+\.parquet|charts\/[\w.-]+\.(svg|png))$/;

export class ExportStaging {
  private constructor(
    readonly target: string,
    readonly dir: string,
  ) {}

  /** Checks the target, clears leftovers of killed exports and creates the staging folder. */
  static begin(target: string): ExportStaging {
    const abs = resolve(target);
    recoverLeftovers(abs);
    refuseForeignTarget(abs);
    mkdirSync(dirname(abs), { recursive: true });
    const dir = `${abs}.partial-${process.pid}`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    return new ExportStaging(abs, dir);
  }

  /** Where a relative path of the export is written now (inside the staging folder). */
  path(rel: string): string {
    return join(this.dir, rel);
  }

  write(rel: string, bytes: Buffer): void {
    mkdirSync(dirname(this.path(rel)), { recursive: true });
    writeFileSync(this.path(rel), bytes);
  }

  /** Every file in the staging folder except the manifest, sorted, with size and sha256. */
  list(): WrittenFile[] {
    return walk(this.dir)
      .filter((rel) => rel !== 'manifest.json')
      .map((rel) => {
        const bytes = readFileSync(this.path(rel));
        return { path: rel, bytes: bytes.length, sha256: sha256(bytes) };
      });
  }

  /** Writes manifest.json last and moves the folder into place; returns the final absolute paths. */
  commit(manifest: Buffer): string[] {
    writeFileSync(this.path('manifest.json'), manifest);
    const files = walk(this.dir).map((rel) => join(this.target, rel));
    moveIntoPlace(this.dir, this.target);
    return files;
  }

  abandon(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Relative paths ("/"-separated) of every file under `root`, sorted. */
function walk(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else out.push(relative(root, full).split(sep).join('/'));
    }
  };
  visit(root);
  return out.sort();
}

function isExportFolder(dir: string): boolean {
  try {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { format?: unknown };
    return m.format === 'task-atlas.export' && walk(dir).every((rel) => EXPORT_FILE.test(rel));
  } catch {
    return false;
  }
}

/** Refuses a target that is a file or a folder of the user's (not empty, not an export of ours). */
export function refuseForeignTarget(target: string): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) throw new InvalidInputError(`${target} is a file, not a folder: choose a folder for the export`);
  if (readdirSync(target).length === 0 || isExportFolder(target)) return;
  throw new InvalidInputError(
    `${target} is not empty and is not a Task Atlas export: choose a new or empty folder (an earlier export there is replaced, other files never)`,
  );
}

/** True while a process with this id runs (a staging folder of a live export is left alone). */
function alive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the .partial folders of killed exports to `target`. An ".old" folder is a complete export
 * that a kill caught between the two renames of a replacement: it goes back in place if nothing
 * took it, otherwise it is deleted.
 */
function recoverLeftovers(target: string): void {
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  const prefix = `${basename(target)}.`;
  for (const name of readdirSync(parent)) {
    const m = /^(partial|old)-(\d+)$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : '');
    if (m === null || alive(Number(m[2]))) continue;
    const leftover = join(parent, name);
    if (m[1] === 'old' && !existsSync(target)) renameSync(leftover, target);
    else rmSync(leftover, { recursive: true, force: true });
  }
}

function moveIntoPlace(staging: string, target: string): void {
  if (existsSync(target) && readdirSync(target).length === 0) rmdirSync(target);
  if (!existsSync(target)) {
    renameSync(staging, target);
    return;
  }
  refuseForeignTarget(target); // it may have changed while the export ran
  const old = `${target}.old-${process.pid}`;
  renameSync(target, old);
  try {
    renameSync(staging, target);
  } catch (err) {
    renameSync(old, target);
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
}
