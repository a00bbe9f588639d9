// Import entry points. Every import parses and validates the whole input first, then writes it in
// one transaction: a bad file raises ImportError (file:line:column) and leaves the store unchanged.
import { basename, join } from 'node:path';
import { existsSync } from 'node:fs';
import type { Db } from '../../db/open';
import type { ImportKind, ImportResult } from '../../../src-shared/api';
import type { SourceRef } from '../../../src-shared/report';
import type { ImporterDef } from './define';
import { ImportError } from './formats/errors';
import { ConflictError } from '../errors';
import { readTableFile } from './read';
import { onetJobZones, onetOccupations, onetSkills, onetTasks } from './onet';
import { socCrosswalk, socStructure } from './soc';
import { blsMajorEmployment, oewsNational, wages } from './labor';
import { usagePatterns, usageTasks } from './usage';

export const IMPORTERS: Record<ImportKind, ImporterDef<unknown>> = {
  'onet-tasks': onetTasks,
  'onet-occupations': onetOccupations,
  'onet-job-zones': onetJobZones,
  'onet-skills': onetSkills,
  'soc-structure': socStructure,
  'soc-crosswalk': socCrosswalk,
  'bls-major-employment': blsMajorEmployment,
  'oews-national': oewsNational,
  wages,
  'usage-tasks': usageTasks,
  'usage-patterns': usagePatterns,
} as Record<ImportKind, ImporterDef<unknown>>;

export type ImportProgress = (e: { file: string; rowsRead: number; phase: 'parse' | 'write' }) => void;

export interface ParsedImport {
  kind: ImportKind;
  file: string;
  sha256: string;
  rows: unknown[];
}

export function parseImport(kind: ImportKind, path: string): ParsedImport {
  const { table, sha256 } = readTableFile(path);
  const rows = IMPORTERS[kind].parse(table);
  return { kind, file: path, sha256, rows };
}

/**
 * Writes parsed rows; the caller owns the transaction. Other content under a (kind, dataset) that
 * exists is refused unless `replace`: analyses and runs reported against the old file would
 * otherwise change under their old names (a run's report then refuses: classify/inputs.ts).
 */
export function writeImport(db: Db, parsed: ParsedImport, dataset: string, replace = false): ImportResult {
  const existing = db.prepare('SELECT file, sha256 FROM dataset_import WHERE kind = ? AND dataset = ?').get(parsed.kind, dataset) as
    | { file: string; sha256: string }
    | undefined;
  if (existing !== undefined && existing.sha256 !== parsed.sha256 && !replace) {
    throw new ConflictError(
      `dataset "${dataset}" already holds a different ${parsed.kind} file (${existing.file}, sha256 ${existing.sha256.slice(0, 12)}; ` +
        `${basename(parsed.file)} is ${parsed.sha256.slice(0, 12)}): import it under another dataset name, or replace it explicitly (CLI: --replace)`,
    );
  }
  IMPORTERS[parsed.kind].write(db, dataset, parsed.rows);
  db.prepare(
    `INSERT OR REPLACE INTO dataset_import (kind, dataset, file, sha256, rows, imported_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(parsed.kind, dataset, basename(parsed.file), parsed.sha256, parsed.rows.length, new Date().toISOString());
  return { kind: parsed.kind, dataset, file: parsed.file, rows: parsed.rows.length };
}

export interface ImportArgs {
  kind: ImportKind;
  path: string;
  dataset?: string;
  /** Overwrite a (kind, dataset) that holds a different file. */
  replace?: boolean;
}

const USAGE_KINDS: ReadonlySet<ImportKind> = new Set(['usage-tasks', 'usage-patterns']);

export function importFile(
  db: Db,
  args: ImportArgs,
  onProgress?: ImportProgress,
): ImportResult {
  onProgress?.({ file: args.path, rowsRead: 0, phase: 'parse' });
  return commitImport(db, args, parseImport(args.kind, args.path), onProgress);
}

/**
 * The write half of an import (also after a parse in a task worker): usage rows need their usage
 * source, then every row goes in one transaction.
 */
export function commitImport(
  db: Db,
  args: ImportArgs,
  parsed: ParsedImport,
  onProgress?: ImportProgress,
): ImportResult {
  const dataset = args.dataset ?? IMPORTERS[args.kind].defaultDataset;
  if (USAGE_KINDS.has(args.kind) && !sourceExists(db, dataset)) {
    throw new ImportError(`usage source "${dataset}" does not exist; import a release first`, { file: args.path });
  }
  onProgress?.({ file: args.path, rowsRead: parsed.rows.length, phase: 'write' });
  return db.transaction(() => writeImport(db, parsed, dataset, args.replace === true))();
}

function sourceExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM usage_source WHERE id = ?').get(id) !== undefined;
}

/** The files of a published Economic Index release (2025-02-10 layout). */
export const RELEASE_FILES: { kind: ImportKind; name: string; optional?: boolean }[] = [
  { kind: 'onet-tasks', name: 'onet_task_statements.csv' },
  { kind: 'soc-structure', name: 'SOC_Structure.csv' },
  { kind: 'bls-major-employment', name: 'bls_employment_may_2023.csv' },
  { kind: 'wages', name: 'wage_data.csv' },
  { kind: 'usage-tasks', name: 'onet_task_mappings.csv' },
  { kind: 'usage-patterns', name: 'automation_vs_augmentation.csv', optional: true },
];

export function importRelease(
  db: Db,
  args: { dir: string; id?: string; label?: string; replace?: boolean },
  onProgress?: ImportProgress,
): SourceRef {
  const id = args.id ?? basename(args.dir).replace(/^aei-release-/, 'aei-');
  const parsed: ParsedImport[] = [];
  for (const f of RELEASE_FILES) {
    const path = join(args.dir, f.name);
    if (!existsSync(path)) {
      if (f.optional) continue;
      throw new ImportError(`release is missing ${f.name}`, { file: path });
    }
    onProgress?.({ file: path, rowsRead: 0, phase: 'parse' });
    parsed.push(parseImport(f.kind, path));
  }
  const source: SourceRef = { id, label: args.label ?? `Economic Index release ${id}`, kind: 'release' };
  db.transaction(() => {
    db.prepare('DELETE FROM usage_source WHERE id = ?').run(id);
    db.prepare(
      `INSERT INTO usage_source (id, kind, label, task_dataset, wage_dataset, soc_dataset, bls_dataset, created_at)
       VALUES (?, 'release', ?, ?, ?, ?, ?, ?)`,
    ).run(id, source.label, id, id, id, id, new Date().toISOString());
    for (const p of parsed) {
      onProgress?.({ file: p.file, rowsRead: p.rows.length, phase: 'write' });
      writeImport(db, p, id, args.replace === true);
    }
  })();
  return source;
}
