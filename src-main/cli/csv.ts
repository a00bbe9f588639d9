// CSV output for `--out`: RFC 4180 quoting, formula-like text neutralised (src-shared/csv-safe), and
// each file written to a temporary name and renamed, so an interrupted export never leaves a
// half-written table behind.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvField } from '../../src-shared/csv-safe';

export type Cell = string | number | null | undefined;

export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => csvField(cell)).join(','));
  return lines.join('\n') + '\n';
}

export function writeCsvFiles(dir: string, files: Record<string, string>): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const target = join(dir, name);
    const tmp = `${target}.tmp-${process.pid}`;
    writeFileSync(tmp, content);
    renameSync(tmp, target);
    written.push(target);
  }
  return written;
}
