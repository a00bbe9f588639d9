// Wizard, reference data: import the bundled files, and preview a file before importing it. The
// preview reads the file with the importer's own reader and checks it with the importer's own
// column definitions, so it finds exactly the problems an import would meet; it never writes.
import { existsSync, statSync } from 'node:fs';
import type { ImportKind, ReferencePreview } from '../../../src-shared/api';
import type { AppHost } from '../host';
import { importBundledDefaults } from '../project';
import { IMPORTERS } from '../ingest';
import { readTableFile } from '../ingest/read';
import { ImportError } from '../ingest/formats/errors';
import type { RawTable } from '../ingest/formats/table';
import { NotFoundError } from '../errors';
import { expandPath } from '../paths';
import type { HandlerGroup } from './types';

export const PREVIEW_ROWS = 20;

export function referenceHandlers(host: AppHost): HandlerGroup<'reference.importBundled' | 'reference.preview'> {
  return {
    'reference.importBundled': async () => {
      const r = importBundledDefaults(host.project);
      return { imported: r.imported.length, skipped: r.skipped.length, files: r.imported };
    },
    'reference.preview': async (args) => previewReference(args.kind, expandPath(args.path)),
  };
}

export function previewReference(kind: ImportKind, file: string): ReferencePreview {
  if (!existsSync(file) || !statSync(file).isFile()) throw new NotFoundError(`no file at ${file}`);
  const sizeBytes = statSync(file).size;
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

/** The full "file:line:column: reason" message, plus the location as fields for the UI. */
function problem(err: ImportError): ReferencePreview['problems'][number] {
  return {
    message: err.message,
    ...(err.line !== undefined ? { line: err.line } : {}),
    ...(err.column !== undefined ? { column: err.column } : {}),
  };
}
