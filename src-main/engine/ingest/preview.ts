// A reference file's preview: read with the importer's own reader and checked with the importer's own
// column definitions, so it finds exactly the problems an import would meet; it never writes. A big
// .xlsx takes seconds to read, so the service runs it in a task worker (previewReferenceAsync):
// the transport keeps answering, and a cancelled preview (the page went away) stops the worker.
import { existsSync } from 'node:fs';
import type { ImportKind, ReferencePreview } from '../../../src-shared/api';
import { inputFileSize } from '../base/files';
import { NotFoundError } from '../errors';
import { runTask } from '../workers/pool';
import type { TaskOutput } from '../workers/registry';
import { IMPORTERS } from './index';
import { readTableFile } from './read';
import { ImportError } from './formats/errors';
import type { RawTable } from './formats/table';

export const PREVIEW_ROWS = 20;

export function previewReference(kind: ImportKind, file: string): ReferencePreview {
  if (!existsSync(file)) throw new NotFoundError(`no file at ${file}`);
  const sizeBytes = inputFileSize(file); // a folder or an unreadable path: an ImportError naming it
  let table: RawTable;
  try {
    table = readTableFile(file).table;
  } catch (err) {
    // Unreadable as a table at all (encoding, quoting, legacy .xls): nothing to show but why.
    if (err instanceof ImportError) return { kind, file, columns: [], rows: [], problems: [problem(err)], sizeBytes };
    throw err;
  }
  const problems: ReferencePreview['problems'] = [];
  try {
    IMPORTERS[kind].parse(table);
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    problems.push(problem(err));
  }
  return {
    kind,
    file,
    columns: table.header,
    rows: table.rows.slice(0, PREVIEW_ROWS).map((r) => r.cells),
    problems,
    sizeBytes,
  };
}

/** previewReference() in a task worker; aborting `signal` terminates it. */
export function previewReferenceAsync(kind: ImportKind, file: string, signal?: AbortSignal): Promise<ReferencePreview> {
  return runTask<ReferencePreview>('reference.preview', { kind, file }, signal ? { signal } : {});
}

export function previewTask(args: { kind: ImportKind; file: string }): TaskOutput {
  return { value: previewReference(args.kind, args.file) };
}

/** The full "file:line:column: reason" message, plus the location as fields for the UI. */
function problem(err: ImportError): ReferencePreview['problems'][number] {
  return {
    message: err.message,
    ...(err.line !== undefined ? { line: err.line } : {}),
    ...(err.column !== undefined ? { column: err.column } : {}),
  };
}
