// An export killed midway (kill -9 of `task-atlas export`) leaves no folder at its target, or the
// previous complete export untouched; the same command completes it; and the manifest lists every
// file in the folder (tables, codebooks, report.html, the review bundle) with its size and sha256.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Manifest } from '../../src-main/engine/export';
import { copyBundledProject } from '../support/shared-projects';
import { CLI, killCliWhen, ROOT } from '../support/kill-when';

let tmp: string;
let project: string;
let out: string;

function exportArgs(target = out): string[] {
  return [CLI, 'export', '--out', target, '--html', '--review', '--project', project];
}

function runExport(target = out) {
  const r = spawnSync(process.execPath, exportArgs(target), { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const partials = (): string[] => readdirSync(tmp).filter((n) => n.startsWith('out.partial-'));

/** Starts an export and kills it as soon as its staging folder exists. */
const killOnceStaging = (): Promise<void> => killCliWhen(exportArgs().slice(1), () => partials().length > 0, 10);

/** Every file under dir, relative with "/" separators, sorted. */
function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => statSync(join(dir, rel)).isFile())
    .map((rel) => relative(dir, join(dir, rel)).split(sep).join('/'))
    .sort();
}

const readManifest = (): Manifest => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-export-kill-'));
  project = copyBundledProject(join(tmp, 'p.sqlite'));
  out = join(tmp, 'out');
}, 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('an export killed midway', () => {
  it('leaves nothing at the target, only a folder named partial', async () => {
    await killOnceStaging();
    expect(existsSync(out)).toBe(false);
    expect(partials()).toHaveLength(1);
  }, 60_000);

  it('is completed by the same command, which clears the partial folder', () => {
    const r = runExport();
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(tmp).filter((n) => n.startsWith('out'))).toEqual(['out']);
  }, 60_000);

  it('has a manifest listing every file in the folder, with matching size and sha256', () => {
    const m = readManifest();
    const files = walk(out).filter((f) => f !== 'manifest.json');
    expect(m.files.map((f) => f.path)).toEqual(files);
    expect(files).toEqual(expect.arrayContaining(['report.html', 'aei-2025-02-10.taskatlas-review.json', 'codebook.md', 'r/codebook.md', 'csv/categories.csv']));
    for (const f of m.files) {
      const bytes = readFileSync(join(out, f.path));
      expect(f.bytes).toBe(bytes.length);
      expect(f.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('killed while replacing an earlier export, leaves that export intact', async () => {
    const before = readFileSync(join(out, 'manifest.json'));
    await killOnceStaging();
    expect(readFileSync(join(out, 'manifest.json'))).toEqual(before);
    expect(walk(out).filter((f) => f !== 'manifest.json')).toEqual(readManifest().files.map((f) => f.path));
  }, 60_000);
});

describe('an export into an existing folder', () => {
  it('refuses a folder holding files of the user, and leaves them as they were', () => {
    const mine = join(tmp, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'mine');
    const r = runExport(mine);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mine is not empty and is not a Task Atlas export: choose a new or empty folder/);
    expect(readdirSync(mine)).toEqual(['notes.txt']);
    expect(readdirSync(tmp).filter((n) => n.startsWith('mine.'))).toEqual([]);
  }, 60_000);
});
