// Reading a reference file off the calling thread: Skills.xlsx inflates to a 35 MB sheet and takes
// seconds to scan, during which an HTTP or IPC thread would not answer. The worker runs the same
// readers, and ImportError crosses back with its file, line, column and message unchanged.
import type { ImportKind, ImportResult } from '../../../../src-shared/api';
import type { Db } from '../../../db/open';
import { runTask } from '../../workers/pool';
import type { TaskOutput } from '../../workers/registry';
import { commitImport, type ImportArgs, type ImportProgress, type ParsedImport } from '../index';
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
 * checks, messages and the one write transaction are importFile's own (commitImport).
 */
export async function importFileAsync(
  db: Db,
  args: ImportArgs,
  onProgress?: ImportProgress,
  signal?: AbortSignal,
): Promise<ImportResult> {
  onProgress?.({ file: args.path, rowsRead: 0, phase: 'parse' });
  return commitImport(db, args, await parseImportAsync(args.kind, args.path, signal), onProgress);
}

export function readXlsxTask(args: { path: string; opts: XlsxOptions }): TaskOutput {
  return { value: readXlsxFile(args.path, args.opts) };
}

export async function parseImportTask(args: { kind: ImportKind; path: string }): Promise<TaskOutput> {
  const { parseImport } = await import('../index');
  return { value: parseImport(args.kind, args.path) };
}
