// Renders tables in the requested formats and writes them all-or-nothing: everything goes to a
// temporary sibling directory first and is renamed into place only when complete.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { codebook, tableToCsv } from './text';
import { writeDta } from './dta';
import { writeParquet } from './parquet';
import type { Table } from './table';

export type ExportFormat = 'csv' | 'parquet' | 'dta' | 'r';

export interface Rendered {
  /** Relative path -> bytes, in write order. */
  files: Map<string, Buffer>;
  /** Table name -> columns truncated in its .dta file. */
  truncated: Map<string, string[]>;
}

export function renderFiles(tables: Table[], formats: ExportFormat[], title: string, now: Date): Rendered {
  const files = new Map<string, Buffer>();
  const truncated = new Map<string, string[]>();
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  for (const t of tables) {
    if (formats.includes('csv')) files.set(`csv/${t.name}.csv`, utf8(tableToCsv(t, 'csv')));
    if (formats.includes('r')) files.set(`r/${t.name}.csv`, utf8(tableToCsv(t, 'r')));
    if (formats.includes('dta')) {
      const dta = writeDta(t, now);
      files.set(`dta/${t.name}.dta`, dta.bytes);
      if (dta.truncated.length > 0) truncated.set(t.name, dta.truncated);
    }
    if (formats.includes('parquet')) files.set(`parquet/${t.name}.parquet`, writeParquet(t, 'task-atlas'));
  }
  const book = utf8(codebook(tables, title, truncated));
  files.set('codebook.md', book);
  if (formats.includes('r')) files.set('r/codebook.md', book);
  return { files, truncated };
}

/** Returns the absolute paths written. manifest.json is moved last, so its presence means "complete". */
export function writeAtomically(dir: string, files: Map<string, Buffer>): string[] {
  const target = resolve(dir);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = mkdtempSync(join(dirname(target), `.${basename(target)}.tmp-`));
  try {
    for (const [rel, bytes] of files) {
      mkdirSync(dirname(join(tmp, rel)), { recursive: true });
      writeFileSync(join(tmp, rel), bytes);
    }
    moveInto(tmp, target);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return [...files.keys()].map((rel) => join(target, rel));
}

function moveInto(tmp: string, target: string): void {
  if (!existsSync(target)) {
    renameSync(tmp, target);
    return;
  }
  // The directory already exists (chosen in a save dialog, or a previous export): replace only our
  // entries, each by one rename, so no file is ever seen half-written.
  const entries = readdirSync(tmp).sort((a, b) => Number(a === 'manifest.json') - Number(b === 'manifest.json'));
  for (const entry of entries) {
    rmSync(join(target, entry), { recursive: true, force: true });
    renameSync(join(tmp, entry), join(target, entry));
  }
}
