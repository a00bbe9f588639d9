// A minimal .xlsx (OOXML) reader for the sheets O*NET and BLS publish: one table per sheet,
// header in the first non-empty row. It scans the XML with indexOf/regex instead of building a
// DOM because Skills.xlsx unpacks to a 35 MB sheet; only the handful of constructs Excel
// actually writes for cell values are understood (shared, inline and formula strings, numbers,
// booleans, error values). Numbers are returned as their raw <v> text: typing is the binding
// layer's job, and a float artefact like "70500.000000000001" parses fine there.
import { unzipSync } from 'fflate';
import { readBytes } from './delimited';
import { ImportError } from './errors';
import type { RawRow, RawTable } from './table';

export interface XlsxOptions {
  /** Sheet name to read; default the first visible sheet. */
  sheet?: string;
}

const REL_WORKSHEET = '/worksheet';
const REL_SHARED = '/sharedStrings';
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readXlsxFile(path: string, opts?: XlsxOptions): RawTable {
  return readXlsx(path, readBytes(path), opts);
}

export function readXlsx(file: string, bytes: Uint8Array, opts: XlsxOptions = {}): RawTable {
  const book = unzipParts(file, bytes, ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
  const workbook = book.get('xl/workbook.xml');
  const rels = parseRels(book.get('xl/_rels/workbook.xml.rels') ?? '');
  if (workbook === undefined) throw new ImportError('not an .xlsx workbook (no xl/workbook.xml)', { file });
  const sheetPath = pickSheet(file, workbook, rels, opts.sheet);
  const sharedPath = [...rels.values()].find((r) => r.type.endsWith(REL_SHARED))?.target ?? 'xl/sharedStrings.xml';
  // Second pass inflates only the two parts we need, not every sheet in a multi-sheet workbook.
  const parts = unzipParts(file, bytes, [sheetPath, sharedPath]);
  const sheetXml = parts.get(sheetPath);
  if (sheetXml === undefined) throw new ImportError(`corrupt .xlsx: missing part ${sheetPath}`, { file });
  const shared = parseSharedStrings(file, parts.get(sharedPath) ?? '');
  return toTable(file, readRows(file, sheetXml, shared));
}

function unzipParts(file: string, bytes: Uint8Array, names: string[]): Map<string, string> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => names.includes(f.name) });
  } catch {
    throw new ImportError('not a valid .xlsx (zip) file — truncated?', { file });
  }
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(entries)) {
    try {
      out.set(name, utf8.decode(data));
    } catch {
      throw new ImportError(`corrupt .xlsx: part ${name} is not UTF-8`, { file });
    }
  }
  return out;
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

// One compiled pattern per attribute name: attr() runs twice per cell, ~1M times for Skills.xlsx.
const attrPatterns = new Map<string, RegExp>();

/** Value of attribute `name` in an attribute string, entity-decoded; null when absent. */
function attr(attrs: string, name: string): string | null {
  let re = attrPatterns.get(name);
  if (re === undefined) {
    re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, re);
  }
  const m = re.exec(attrs);
  return m === null ? null : decodeXml(m[1] ?? m[2] ?? '');
}

function parseSharedStrings(file: string, xml: string): string[] {
  const out: string[] = [];
  let i = xml.indexOf('<si');
  while (i >= 0) {
    const open = xml.indexOf('>', i);
    if (xml.charCodeAt(open - 1) === 0x2f) {
      out.push(''); // <si/>
      i = xml.indexOf('<si', open);
      continue;
    }
    const close = xml.indexOf('</si>', open);
    if (open < 0 || close < 0) throw new ImportError('corrupt .xlsx: unterminated <si> in shared strings', { file });
    out.push(richText(xml.slice(open + 1, close)));
    i = xml.indexOf('<si', close);
  }
  return out;
}

/** Text of an <si> or <is> body: plain <t>, or the concatenated <r><t> runs (minus phonetic hints). */
function richText(body: string): string {
  if (body.startsWith('<t>') && body.indexOf('<', 3) === body.length - 4) return decodeXml(body.slice(3, -4));
  const visible = body.includes('<rPh') ? body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : body;
  let s = '';
  // xml:space="preserve" only matters to parsers that trim; we never trim, so it needs no handling.
  // [^>/]: a self-closing <t xml:space="preserve"/> must not open a text run.
  for (const m of visible.matchAll(/<t(?:\s[^>/]*)?>([^<]*)<\/t>/g)) s += m[1] ?? '';
  return decodeXml(s);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML entities, then OOXML's _xHHHH_ escapes (used for control characters such as CR). */
export function decodeXml(s: string): string {
  if (s.includes('&')) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, e: string) => {
      if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
      return ENTITIES[e] ?? whole;
    });
  }
  if (s.includes('_x')) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

interface SheetRow {
  line: number;
  cells: Map<number, string>; // 0-based column -> value; only cells that exist in the XML
}

function readRows(file: string, xml: string, shared: string[]): SheetRow[] {
  const start = xml.indexOf('<sheetData');
  const end = xml.indexOf('</sheetData>', start);
  const rows: SheetRow[] = [];
  if (start < 0 || end < 0) return rows; // <sheetData/>: an empty sheet
  let prev = 0;
  for (let i = xml.indexOf('<row', start); i >= 0 && i < end; i = xml.indexOf('<row', i + 1)) {
    const open = xml.indexOf('>', i);
    if (open < 0 || open > end) throw new ImportError('corrupt .xlsx: unterminated <row> tag', { file, line: prev + 1 });
    const r = attr(xml.slice(i + 4, open), 'r');
    const line = r === null ? prev + 1 : Number(r); // r is optional: rows then follow each other
    prev = line;
    if (xml.charCodeAt(open - 1) === 0x2f) continue; // <row .../>: no cells
    const close = xml.indexOf('</row>', open);
    if (close < 0 || close > end) throw new ImportError('corrupt .xlsx: unterminated <row>', { file, line });
    rows.push({ line, cells: readCells(file, line, xml.slice(open + 1, close), shared) });
    i = close;
  }
  return rows;
}

const CELL = /<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g;

function readCells(file: string, line: number, body: string, shared: string[]): Map<number, string> {
  const cells = new Map<number, string>();
  let col = -1;
  for (const m of body.matchAll(CELL)) {
    const attrs = m[1] ?? '';
    const ref = attr(attrs, 'r');
    col = ref === null ? col + 1 : columnIndex(ref);
    const inner = m[3];
    if (inner === undefined) continue; // self-closing: a styled but empty cell
    const value = cellValue(attr(attrs, 't') ?? 'n', inner, shared);
    if (value === null) throw new ImportError(`bad shared-string reference in cell ${ref ?? ''}`, { file, line });
    if (value !== '') cells.set(col, value);
  }
  return cells;
}

/** Null only for a dangling shared-string index (a corrupt file). */
function cellValue(type: string, inner: string, shared: string[]): string | null {
  if (type === 'inlineStr') {
    const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
    return is === null ? '' : richText(is[1] ?? '');
  }
  const v = /<v>([^<]*)<\/v>/.exec(inner);
  const raw = v === null ? '' : decodeXml(v[1] ?? '');
  if (type === 's') return raw === '' ? '' : (shared[Number(raw)] ?? null);
  if (type === 'b') return raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : raw;
  return raw; // n, str (formula text), e (error such as #N/A), d (ISO date): the text as stored
}

/** "B3" -> 1, "AF12" -> 31 (0-based). */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function toTable(file: string, rows: SheetRow[]): RawTable {
  const data = rows.filter((r) => r.cells.size > 0); // fully empty rows are skipped
  const first = data[0];
  if (first === undefined) throw new ImportError('the sheet is empty (no header row)', { file });
  const width = Math.max(...first.cells.keys()) + 1;
  const header = dense(first.cells, width);
  const out: RawRow[] = [];
  for (const row of data.slice(1)) {
    for (const col of row.cells.keys()) {
      if (col >= width) {
        const ref = columnLetters(col) + row.line;
        const reason = `cell ${ref} is beyond the header's ${width} columns (value ${JSON.stringify(row.cells.get(col))})`;
        throw new ImportError(reason, { file, line: row.line, column: col + 1 });
      }
    }
    // Padding to the header width: Excel simply omits trailing empty cells.
    out.push({ line: row.line, cells: dense(row.cells, width) });
  }
  return { file, header, headerLine: first.line, rows: out };
}

function dense(cells: Map<number, string>, width: number): string[] {
  const out = new Array<string>(width).fill('');
  for (const [col, value] of cells) out[col] = value;
  return out;
}
