// Picks the reader by file extension, so each importer accepts O*NET's tab-separated text release,
// its .xlsx release, and CSV alike.
import { sha256 } from '../base/hash';
import { extname } from 'node:path';
import { ImportError } from './formats/errors';
import { decodeText } from './formats/decode';
import { parseDelimited, readBytes } from './formats/delimited';
import { readXlsx } from './formats/xlsx';
import type { RawTable } from './formats/table';

export interface ReadResult {
  table: RawTable;
  sha256: string;
}

/** Folders, missing or unreadable paths and files over 512 MB fail here, with the path named. */
export function readTableFile(path: string): ReadResult {
  const bytes = readBytes(path);
  return { table: parseBytes(path, bytes), sha256: sha256(bytes) };
}

function parseBytes(path: string, bytes: Uint8Array): RawTable {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return readXlsx(path, bytes);
  if (ext === '.xls') {
    throw new ImportError('legacy .xls is not supported; save the sheet as .xlsx or CSV', { file: path });
  }
  const text = decodeText(path, bytes);
  // O*NET's text release uses .txt with tabs; sniff the header so a renamed file still reads right.
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = ext === '.tsv' || (ext !== '.csv' && firstLine.includes('\t')) ? '\t' : ',';
  return parseDelimited(path, text, { delimiter });
}
