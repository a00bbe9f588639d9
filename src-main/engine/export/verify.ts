// Checks an export folder against its manifest.json (`task-atlas verify DIR`): every listed file
// must be there with the listed size and sha256, and nothing else may be (manifest.json aside, which
// cannot list itself). A folder or manifest that cannot be checked at all is the caller's bad input
// (InvalidInputError / ImportError naming the file); a folder that does not match is a result.
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, posix } from 'node:path';
import { z } from 'zod';
import { ImportError, InvalidInputError } from '../errors';

export const MANIFEST_FILE = 'manifest.json';

export interface VerifyProblem {
  kind: 'missing' | 'changed' | 'added';
  /** Relative to the export folder, "/"-separated; a folder ends in "/". */
  path: string;
  detail: string;
}

export interface VerifyResult {
  dir: string;
  /** Files the manifest lists. */
  listed: number;
  problems: VerifyProblem[];
}

/** A relative path inside the folder: no absolute path, no "..", no backslash, no empty segment. */
const insidePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..'), 'a path inside the export folder');

const manifestFiles = z.object({
  format: z.literal('task-atlas.export'),
  files: z.array(z.object({ path: insidePath, bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});

export function verifyExport(dir: string): VerifyResult {
  const listed = readManifest(dir);
  const problems: VerifyProblem[] = [];
  const onDisk = new Set(walk(dir));
  for (const f of listed) {
    if (!onDisk.has(f.path)) {
      problems.push({ kind: 'missing', path: f.path, detail: 'listed in manifest.json, not in the folder' });
      continue;
    }
    const changed = compare(join(dir, f.path), f);
    if (changed !== null) problems.push({ kind: 'changed', path: f.path, detail: changed });
  }
  const names = new Set(listed.map((f) => f.path));
  for (const path of onDisk) {
    if (path !== MANIFEST_FILE && !names.has(path)) problems.push({ kind: 'added', path, detail: 'not listed in manifest.json' });
  }
  return { dir, listed: listed.length, problems };
}

/** The manifest's file list, or an error naming manifest.json (or the folder) and what is wrong. */
function readManifest(dir: string): z.infer<typeof manifestFiles>['files'] {
  if (!existsSync(dir)) throw new InvalidInputError(`${dir}: no such folder`);
  if (!statSync(dir).isDirectory()) throw new InvalidInputError(`${dir} is a file, not an export folder`);
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) throw new InvalidInputError(`${file}: no manifest.json in this folder (is it a Task Atlas export?)`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ImportError(`not valid JSON (${(err as Error).message})`, { file });
  }
  const parsed = manifestFiles.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(`not a Task Atlas export manifest: ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`, { file });
  }
  const seen = new Set<string>();
  for (const f of parsed.data.files) {
    if (f.path === MANIFEST_FILE || seen.has(f.path)) throw new ImportError(`lists "${f.path}" ${seen.has(f.path) ? 'twice' : 'among its own files'}`, { file });
    seen.add(f.path);
  }
  return parsed.data.files;
}

/** Why a listed file no longer matches (size first: it is free), or null when it matches. */
function compare(full: string, f: { bytes: number; sha256: string }): string | null {
  const st = lstatSync(full);
  if (!st.isFile()) return `not a regular file any more (${st.isSymbolicLink() ? 'a symbolic link' : 'a special file'})`;
  if (st.size !== f.bytes) return `size ${st.size} bytes, listed ${f.bytes}`;
  const found = hashFile(full);
  return found === f.sha256 ? null : `sha256 ${found}, listed ${f.sha256} (same size)`;
}

/** sha256 read in 1 MiB chunks: an export's conversation tables may be larger than is wise to hold. */
function hashFile(full: string): string {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(full, 'r');
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Every entry under `root` that is not a folder, plus empty folders (as "name/"): what was added shows. */
function walk(root: string): string[] {
  const out: string[] = [];
  const visit = (rel: string): void => {
    const entries = readdirSync(join(root, rel), { withFileTypes: true });
    if (entries.length === 0 && rel !== '') out.push(`${rel}/`);
    for (const e of entries) {
      const child = rel === '' ? e.name : posix.join(rel, e.name);
      if (e.isDirectory()) visit(child);
      else out.push(child);
    }
  };
  visit('');
  return out.sort();
}
