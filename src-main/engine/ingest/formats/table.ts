// The shape every reader (CSV/TSV, .xlsx) produces, and the binding layer that turns raw text
// cells into typed records. Readers stay format-only; all "is this the file we expect?" checks
// live here so CSV and .xlsx inputs fail with the same precise messages.
import { ImportError } from './errors';

/** `line` = 1-based physical line (CSV) or sheet row number (.xlsx) where the record starts. */
export interface RawRow {
  line: number;
  cells: string[];
}
export interface RawTable {
  file: string;
  header: string[];
  headerLine: number;
  rows: RawRow[];
}

export type ColumnType = 'string' | 'nonempty' | 'int' | 'float' | 'optionalFloat' | 'optionalInt';
export interface ColumnSpec {
  name: string;
  type: ColumnType;
  aliases?: readonly string[];
}
export type ColumnValue<T extends ColumnType> = T extends 'int' | 'float'
  ? number
  : T extends 'optionalFloat' | 'optionalInt'
    ? number | null
    : string;
export type BoundRow<S extends Record<string, ColumnSpec>> = { line: number } & {
  [K in keyof S]: ColumnValue<S[K]['type']>;
};
export interface BindOptions<S> {
  /** Columns (spec keys) whose combined values must be unique; a repeat is an error. */
  uniqueKey?: readonly (keyof S)[];
  /**
   * Default 1: throw on the first bad row. With N > 1, keep going and throw one ImportError
   * located at the first problem whose message also lists the next N-1 problems, so a user can
   * fix several rows per round trip. Header problems always throw immediately.
   */
  maxErrors?: number;
}

// Decimal numbers only: Number() alone would accept '0x1F', 'Infinity' and '  ' (as 0).
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const MISSING = new Set(['', 'NA', 'NaN']);

interface Bound {
  key: string;
  spec: ColumnSpec;
  index: number;
  header: string;
}

export function bindColumns<S extends Record<string, ColumnSpec>>(
  table: RawTable,
  spec: S,
  opts: BindOptions<S> = {},
): Array<BoundRow<S>> {
  if ('line' in spec) throw new Error("bindColumns: 'line' is reserved for the row's line number");
  const cols = resolveColumns(table, spec);
  const keyCols = (opts.uniqueKey ?? []).map((k) => cols.find((c) => c.key === k) as Bound);
  const seen = new Map<string, number>();
  const errors: ImportError[] = [];
  const maxErrors = Math.max(1, opts.maxErrors ?? 1);
  const out: Array<BoundRow<S>> = [];
  for (const row of table.rows) {
    try {
      const rec = bindRow(table, row, cols);
      if (keyCols.length > 0) checkUnique(table, row.line, rec, keyCols, seen);
      out.push(rec as BoundRow<S>);
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      errors.push(e);
      if (errors.length >= maxErrors) break;
    }
  }
  if (errors.length > 0) throw combine(errors, errors.length >= maxErrors);
  return out;
}

export function assertNotEmpty(table: RawTable): void {
  if (table.rows.length === 0) {
    throw new ImportError('no data rows', { file: table.file, line: table.headerLine });
  }
}

function resolveColumns(table: RawTable, spec: Record<string, ColumnSpec>): Bound[] {
  const header = table.header.map((h) => h.trim());
  const at = { file: table.file, line: table.headerLine };
  return Object.entries(spec).map(([key, s]) => {
    const names = [s.name, ...(s.aliases ?? [])];
    const hits = header.flatMap((h, i) => (names.includes(h) ? [i] : []));
    if (hits.length === 0) {
      const found = header.map((h) => JSON.stringify(h)).join(', ');
      throw new ImportError(`missing column "${s.name}" (found: ${found})`, { ...at, column: s.name });
    }
    if (hits.length > 1) {
      // Two candidate columns (e.g. a name and its alias both present): refuse to guess.
      const where = hits.map((i) => `${JSON.stringify(header[i])} at column ${i + 1}`).join(', ');
      throw new ImportError(`column "${s.name}" is ambiguous: ${where}`, { ...at, column: s.name });
    }
    const index = hits[0] as number;
    return { key, spec: s, index, header: header[index] as string };
  });
}

function bindRow(table: RawTable, row: RawRow, cols: Bound[]): Record<string, unknown> {
  const n = table.header.length;
  if (row.cells.length !== n) {
    // A short last row is the usual sign of a truncated download.
    throw new ImportError(`expected ${n} fields, found ${row.cells.length}`, { file: table.file, line: row.line });
  }
  const rec: Record<string, unknown> = { line: row.line };
  for (const c of cols) {
    rec[c.key] = parseCell(c.spec.type, row.cells[c.index] as string, table.file, row.line, c.header);
  }
  return rec;
}

/** Text cells are trimmed: stray spaces from spreadsheets would otherwise break joins. */
function parseCell(type: ColumnType, raw: string, file: string, line: number, column: string): string | number | null {
  const text = raw.trim();
  // Text cells (most of them) return before the error reporter is made: one closure per cell adds up.
  if (type === 'string' || (type === 'nonempty' && text !== '')) return text;
  const fail = (reason: string): never => {
    throw new ImportError(reason, { file, line, column });
  };
  switch (type) {
    case 'nonempty':
      return fail('empty value in a required column');
    case 'optionalInt':
    case 'optionalFloat':
      if (MISSING.has(text)) return null;
      return parseNumber(text, type === 'optionalInt', fail);
    case 'int':
    case 'float':
      if (text === '') return fail(`empty value, expected ${type === 'int' ? 'an integer' : 'a number'}`);
      return parseNumber(text, type === 'int', fail);
  }
}

function parseNumber(text: string, integer: boolean, fail: (reason: string) => never): number {
  const v = DECIMAL.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(v)) return fail(`not a number: ${JSON.stringify(text)}`);
  if (integer && !Number.isInteger(v)) return fail(`not an integer: ${JSON.stringify(text)}`);
  return v;
}

function checkUnique(
  table: RawTable,
  line: number,
  rec: Record<string, unknown>,
  keyCols: Bound[],
  seen: Map<string, number>,
): void {
  // Built by hand, not map/join: this runs once per row of every imported file.
  let key = String(rec[(keyCols[0] as Bound).key]);
  for (let i = 1; i < keyCols.length; i++) key += '\u0000' + String(rec[(keyCols[i] as Bound).key]);
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, line);
    return;
  }
  const shown = keyCols.map((c) => `${c.header}=${JSON.stringify(rec[c.key])}`).join(', ');
  const column = (keyCols[0] as Bound).header;
  throw new ImportError(`duplicate key ${shown} (first seen on line ${first})`, { file: table.file, line, column });
}

function combine(errors: ImportError[], stoppedEarly: boolean): ImportError {
  const first = errors[0] as ImportError;
  if (errors.length === 1) return first;
  const rest = errors.slice(1).map((e) => '\n  ' + e.message);
  const more = stoppedEarly ? `${rest.length} more, stopped after ${errors.length} errors` : `${rest.length} more`;
  const reason = `${first.reason}\n(and ${more}):${rest.join('')}`;
  return new ImportError(reason, { file: first.file, line: first.line, column: first.column });
}
