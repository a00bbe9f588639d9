// A minimal .xlsx (OOXML) reader for the sheets O*NET and BLS publish: one table per sheet,
// header in the first non-empty row. Parts are inflated as a stream (zip.ts) and the sheet is cut
// into rows as it inflates (xlsx-sheet.ts), under limits (xlsx-limits.ts) that refuse a zip bomb
// or an absurd cell reference with an ImportError naming the file, the part and the limit.
// Numbers are returned as their raw <v> text: typing is the binding layer's job, and a float
// artefact like "70500.000000000001" parses fine there.
import { MAX_FILE_BYTES } from './delimited';
import { ImportError } from './errors';
import type { RawTable } from './table';
import { XLSX_LIMITS, type XlsxLimits } from './xlsx-limits';
import { readSharedStrings, readSheet } from './xlsx-sheet';
import { attr } from './xlsx-xml';
import { bufferSource, withFileSource, ZipReader, type ZipSource } from './zip';

export interface XlsxOptions {
  /** Sheet name to read; default the first visible sheet. */
  sheet?: string;
  /** Tighter limits (tests); default XLSX_LIMITS. */
  limits?: Partial<XlsxLimits>;
}

const REL_WORKSHEET = '/worksheet';
const REL_SHARED = '/sharedStrings';
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readXlsxFile(path: string, opts?: XlsxOptions): RawTable {
  return withFileSource(path, MAX_FILE_BYTES, (src) => readXlsxFrom(path, src, opts));
}

export function readXlsx(file: string, bytes: Uint8Array, opts: XlsxOptions = {}): RawTable {
  return readXlsxFrom(file, bufferSource(bytes), opts);
}

function readXlsxFrom(file: string, src: ZipSource, opts: XlsxOptions = {}): RawTable {
  const limits = { ...XLSX_LIMITS, ...opts.limits };
  const zip = new ZipReader(file, src, limits);
  const text = (name: string): string | undefined => {
    const bytes = zip.bytes(name, limits.metaBytes);
    try {
      return bytes === undefined ? undefined : utf8.decode(bytes);
    } catch {
      throw new ImportError(`corrupt .xlsx: part ${name} is not UTF-8`, { file });
    }
  };
  const workbook = text('xl/workbook.xml');
  if (workbook === undefined) throw new ImportError('not an .xlsx workbook (no xl/workbook.xml)', { file });
  const rels = parseRels(text('xl/_rels/workbook.xml.rels') ?? '');
  const sheetPath = pickSheet(file, workbook, rels, opts.sheet);
  const sharedPath = [...rels.values()].find((r) => r.type.endsWith(REL_SHARED))?.target ?? 'xl/sharedStrings.xml';
  const shared = zip.has(sharedPath) ? readSharedStrings({ zip, file, name: sharedPath, limits }) : [];
  return readSheet({ zip, file, name: sheetPath, limits }, shared);
}

interface Rel {
  type: string;
  target: string;
}

function parseRels(xml: string): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  for (const m of xml.matchAll(/<Relationship\b([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    const id = attr(attrs, 'Id');
    const target = attr(attrs, 'Target');
    if (id === null || target === null) continue;
    // Targets are relative to xl/ unless absolute within the package.
    const path = target.startsWith('/') ? target.slice(1) : 'xl/' + target;
    rels.set(id, { type: attr(attrs, 'Type') ?? '', target: path });
  }
  return rels;
}

function pickSheet(file: string, workbook: string, rels: Map<string, Rel>, wanted?: string): string {
  const sheets = [...workbook.matchAll(/<sheet\b([^>]*)>/g)].map((m) => ({
    name: attr(m[1] ?? '', 'name') ?? '',
    rid: attr(m[1] ?? '', 'r:id') ?? attr(m[1] ?? '', 'id'),
    hidden: /^(hidden|veryHidden)$/.test(attr(m[1] ?? '', 'state') ?? ''),
  }));
  const sheet = wanted === undefined ? sheets.find((s) => !s.hidden) : sheets.find((s) => s.name === wanted);
  if (sheet === undefined) {
    const names = sheets.map((s) => JSON.stringify(s.name)).join(', ');
    const what = wanted === undefined ? 'no visible sheet' : `no sheet named ${JSON.stringify(wanted)}`;
    throw new ImportError(`${what} (sheets: ${names})`, { file });
  }
  const rel = sheet.rid === null ? undefined : rels.get(sheet.rid);
  if (rel === undefined || !rel.type.endsWith(REL_WORKSHEET)) {
    throw new ImportError(`sheet ${JSON.stringify(sheet.name)} is not a worksheet (a chart sheet?)`, { file });
  }
  return rel.target;
}
