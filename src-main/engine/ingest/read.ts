// Picks the reader by file extension, so each importer accepts O*NET's tab-separated text release,
// its .xlsx release, and CSV alike.
import { readFileSync, statSync } from 'node:fs';
import { sha256 } from '../base/hash';
import { extname } from 'node:path';
import { ImportError } from './formats/errors';
import { decodeText } from './formats/decode';
import { parseDelimited } from './formats/delimited';
import { readXlsx } from './formats/xlsx';
import type { RawTable } from './formats/table';

const MAX_BYTES = 512 * 1024 * 1024;

export interface ReadResult {
  table: RawTable;
  sha256: string;
}

export function readTableFile(path: string): ReadResult {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new ImportError('file not found or not readable', { file: path });
  }
  if (size > MAX_BYTES) {
    throw new ImportError(`file too large (${Math.round(size / 2 ** 20)} MB; limit 512 MB)`, { file: path });
  }
  const bytes = readFileSync(path);
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
