// The rows of one worksheet and its shared strings, read while the part inflates: the scanner cuts
// out one <row> (or <si>) at a time, each is decoded on its own (a bad byte is reported at its
// row) and added to the table under the row, column and cell limits, so memory follows the table
// being built, never the size of the XML.
import { ImportError } from './errors';
import type { RawRow, RawTable } from './table';
import type { XlsxLimits } from './xlsx-limits';
import { attr, decodeXml, richText, splitElement } from './xlsx-xml';
import { ElementScanner } from './xml-scan';
import { sizeText, type ZipReader } from './zip';

const utf8 = new TextDecoder('utf-8', { fatal: true });

interface Part {
  zip: ZipReader;
  file: string;
  name: string;
  limits: XlsxLimits;
}

function decode(p: Part, bytes: Uint8Array, line?: number): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ImportError(`corrupt .xlsx: part ${p.name} is not UTF-8`, line === undefined ? { file: p.file } : { file: p.file, line });
  }
}

function limitError(p: Part, what: string, line?: number): ImportError {
  return new ImportError(`part ${p.name} ${what}`, line === undefined ? { file: p.file } : { file: p.file, line });
}

export function readSharedStrings(p: Part): string[] {
  const out: string[] = [];
  const scanner = new ElementScanner(
    'si',
    p.limits.elementBytes,
    (el) => {
      if (out.length >= p.limits.sharedStrings) throw limitError(p, `has more than ${p.limits.sharedStrings} strings (the limit)`);
      const { body } = splitElement(decode(p, el), 'si');
      out.push(body === null ? '' : richText(body));
    },
    () => {
      throw limitError(p, `has a string larger than ${sizeText(p.limits.elementBytes)} (the limit for one string)`);
    },
  );
  p.zip.stream(p.name, (c) => scanner.push(c));
  if (scanner.end() !== null) throw new ImportError('corrupt .xlsx: unterminated <si> in shared strings', { file: p.file });
  return out;
}

export function readSheet(p: Part, shared: string[]): RawTable {
  const table = new TableBuilder(p);
  let prev = 0;
  // r is optional on <row>: rows without it follow each other.
  const lineOf = (head: Uint8Array): number => {
    const text = Buffer.from(head).toString('latin1');
    const r = attr(text.slice(4, text.indexOf('>') >>> 0), 'r');
    return r === null ? prev + 1 : Number(r);
  };
  const scanner = new ElementScanner(
    'row',
    p.limits.elementBytes,
    (el) => {
      const line = lineOf(el);
      prev = line;
      const { body } = splitElement(decode(p, el, line), 'row');
      if (body !== null) table.add(line, readCells(p, line, body, shared));
    },
    (head) => {
      throw limitError(p, `has a row larger than ${sizeText(p.limits.elementBytes)} (the limit for one row)`, lineOf(head));
    },
  );
  if (!p.zip.stream(p.name, (c) => scanner.push(c))) throw new ImportError(`corrupt .xlsx: missing part ${p.name}`, { file: p.file });
  const rest = scanner.end();
  if (rest !== null) throw new ImportError('corrupt .xlsx: unterminated <row>', { file: p.file, line: lineOf(rest) });
  return table.finish();
}

const CELL = /<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g;

function readCells(p: Part, line: number, body: string, shared: string[]): Map<number, string> {
  const cells = new Map<number, string>();
  const max = p.limits.columns;
  let col = -1;
  for (const m of body.matchAll(CELL)) {
    const attrs = m[1] ?? '';
    const ref = attr(attrs, 'r');
    col = ref === null ? col + 1 : columnIndex(ref, max);
    if (col >= max) {
      const cell = ref ?? columnLetters(col) + line;
      throw limitError(p, `has cell ${cell} beyond column ${columnLetters(max - 1)} (the limit is ${max} columns)`, line);
    }
    const inner = m[3];
    if (inner === undefined) continue; // self-closing: a styled but empty cell
    const value = cellValue(attr(attrs, 't') ?? 'n', inner, shared);
    if (value === null) throw new ImportError(`bad shared-string reference in cell ${ref ?? ''}`, { file: p.file, line });
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

/** "B3" -> 1, "AF12" -> 31 (0-based); `max` for anything from column max+1 on (ZZZZZZZZ1). */
function columnIndex(ref: string, max: number): number {
  let n = 0;
  for (let i = 0; i < ref.length && n <= max; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return Math.min(n, max + 1) - 1;
}

function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The header (first non-empty row) and the data rows padded to its width, within the limits. */
class TableBuilder {
  private header: string[] | null = null;
  private headerLine = 0;
  private width = 0;
  private readonly rows: RawRow[] = [];

  constructor(private readonly p: Part) {}

  add(line: number, cells: Map<number, string>): void {
    if (cells.size === 0) return; // fully empty rows are skipped
    if (this.header === null) {
      // A loop, not Math.max(...keys): spreading 16K+ arguments overflows the call stack.
      for (const col of cells.keys()) this.width = Math.max(this.width, col + 1);
      this.header = dense(cells, this.width);
      this.headerLine = line;
      return;
    }
    for (const col of cells.keys()) {
      if (col >= this.width) {
        const ref = columnLetters(col) + line;
        const reason = `cell ${ref} is beyond the header's ${this.width} columns (value ${JSON.stringify(cells.get(col))})`;
        throw new ImportError(reason, { file: this.p.file, line, column: col + 1 });
      }
    }
    const { rows, cells: maxCells } = this.p.limits;
    if (this.rows.length >= rows) throw limitError(this.p, `has more than ${rows} data rows (the limit)`, line);
    if ((this.rows.length + 2) * this.width > maxCells) {
      throw limitError(this.p, `has more than ${maxCells} cells (rows × the header's ${this.width} columns; the limit)`, line);
    }
    // Padding to the header width: Excel simply omits trailing empty cells.
    this.rows.push({ line, cells: dense(cells, this.width) });
  }

  finish(): RawTable {
    if (this.header === null) throw new ImportError('the sheet is empty (no header row)', { file: this.p.file });
    return { file: this.p.file, header: this.header, headerLine: this.headerLine, rows: this.rows };
  }
}

function dense(cells: Map<number, string>, width: number): string[] {
  const out = new Array<string>(width).fill('');
  for (const [col, value] of cells) out[col] = value;
  return out;
}
