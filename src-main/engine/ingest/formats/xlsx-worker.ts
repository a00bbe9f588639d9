// Reading a reference file off the calling thread: Skills.xlsx inflates to a 35 MB sheet and takes
// seconds to scan, during which an HTTP or IPC thread would not answer. The worker runs the same
// readers, and ImportError crosses back with its file, line, column and message unchanged.
import type { ImportKind, ImportResult } from '../../../../src-shared/api';
import type { Db } from '../../../db/open';
import { runTask } from '../../workers/pool';
import type { TaskOutput } from '../../workers/registry';
import { IMPORTERS, writeImport, type ImportProgress, type ParsedImport } from '../index';
import { ImportError } from './errors';
import type { RawTable } from './table';
import { readXlsxFile, type XlsxOptions } from './xlsx';

/** readXlsxFile() in a task worker. */
export function readXlsxFileAsync(path: string, opts: XlsxOptions = {}, signal?: AbortSignal): Promise<RawTable> {
  return runTask<RawTable>('ingest.readXlsx', { path, opts }, signal ? { signal } : {});
}

/** parseImport() in a task worker: read, hash, parse and bind any reference file (.xlsx, CSV, TSV). */
export function parseImportAsync(kind: ImportKind, path: string, signal?: AbortSignal): Promise<ParsedImport> {
  return runTask<ParsedImport>('ingest.parseImport', { kind, path }, signal ? { signal } : {});
}

/**
 * importFile() with the parse (the slow part: unzip, scan, bind every row) in a task worker; the
 * checks, messages and the one write transaction are importFile's.
 */
export async function importFileAsync(
  db: Db,
  args: { kind: ImportKind; path: string; dataset?: string },
  onProgress?: ImportProgress,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const dataset = args.dataset ?? IMPORTERS[args.kind].defaultDataset;
  onProgress?.({ file: args.path, rowsRead: 0, phase: 'parse' });
  const parsed = await parseImportAsync(args.kind, args.path, signal);
  const isUsage = args.kind === 'usage-tasks' || args.kind === 'usage-patterns';
  if (isUsage && db.prepare('SELECT 1 FROM usage_source WHERE id = ?').get(dataset) === undefined) {
    throw new ImportError(`usage source "${dataset}" does not exist; import a release first`, { file: args.path });
  }
  onProgress?.({ file: args.path, rowsRead: parsed.rows.length, phase: 'write' });
  return db.transaction(() => writeImport(db, parsed, dataset))();
}

export function readXlsxTask(args: { path: string; opts: XlsxOptions }): TaskOutput {
  return { value: readXlsxFile(args.path, args.opts) };
}

export async function parseImportTask(args: { kind: ImportKind; path: string }): Promise<TaskOutput> {
  const { parseImport } = await import('../index');
  return { value: parseImport(args.kind, args.path) };
}
