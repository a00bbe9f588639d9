// Stata .dta writer, format 118 (Stata 14+), little-endian, from the format's documentation
// ("help dta"). Flat tables only: integer columns are byte, int or long (the smallest that holds
// them), other numbers doubles, text str# of up to 2045 bytes (no strL, which keeps the writer
// small; longer text is truncated and the codebook says so). Categorical text columns are stored
// as codes 1..n with value labels holding the text, so Stata's tabulate and encode work at once.
import { categoryLevels, integerValues, isMissing, snakeCase, type Table } from './table';
import { STATA_LABEL_CHARS, stataLabel, truncateUtf8 } from './dta-text';
import { doubleEncoding, integerEncoding, valueLabelTable, type NumericEncoding } from './dta-types';

export { truncateUtf8 } from './dta-text';
export const STATA_MAX_STR = 2045;
const RESERVED = new Set(['_all', '_b', 'byte', '_coef', '_cons', 'double', 'float', 'if', 'in', 'int', 'long', '_n', '_N',
  '_pi', '_pred', '_rc', '_skip', 'strl', 'using', 'with']);

/** A valid Stata variable name: snake_case, [A-Za-z_][A-Za-z0-9_]*, at most 32 characters, not reserved. */
export function stataName(name: string): string {
  let s = snakeCase(name).replace(/^[^A-Za-z_]/, (c) => `v${c}`);
  if (RESERVED.has(s) || RESERVED.has(s.toLowerCase())) s = `v_${s}`;
  return s.slice(0, 32) || 'v';
}

interface Var {
  name: string;
  label: string;
  type: number;
  format: string;
  /** Name of the variable's value-label table (the variable's own name), "" for none. */
  labelName: string;
  valueLabels: Buffer | null;
  /** The cell of row `row`, in the variable's storage type. */
  encode: (row: number) => Buffer;
}

export interface DtaResult {
  bytes: Buffer;
  /** Columns in which at least one value was cut to STATA_MAX_STR bytes. */
  truncated: string[];
  /** Columns whose variable label was cut to 80 characters (the codebook has the full text). */
  shortenedLabels: string[];
}

export function writeDta(t: Table, now: Date = new Date()): DtaResult {
  const truncated: string[] = [];
  const used = new Set<string>();
  const vars = t.columns.map((c, i) => {
    const v = makeVar(t, i, uniqueName(stataName(c.name), used));
    if (v.cut) truncated.push(c.name);
    return v.v;
  });
  const shortenedLabels = t.columns.filter((c) => [...c.meaning].length > STATA_LABEL_CHARS).map((c) => c.name);
  return { bytes: assemble(t, vars, now), truncated, shortenedLabels };
}

function uniqueName(name: string, used: Set<string>): string {
  let out = name;
  for (let i = 2; used.has(out); i++) out = `${name.slice(0, 32 - String(i).length - 1)}_${i}`;
  used.add(out);
  return out;
}

function makeVar(t: Table, col: number, name: string): { v: Var; cut: boolean } {
  const c = t.columns[col]!;
  const label = stataLabel(c.meaning);
  const numeric = (values: (number | null)[], e: NumericEncoding, labels?: ReadonlyMap<number, string>): { v: Var; cut: boolean } => ({
    v: {
      name, label, type: e.type, format: e.format,
      labelName: labels ? name : '',
      valueLabels: labels ? valueLabelTable(name, labels) : null,
      encode: (row) => e.encode(values[row] ?? null),
    },
    cut: false,
  });
  if (c.type === 'integer') {
    const values = integerValues(t, col);
    return numeric(values, integerEncoding(values), c.valueLabels);
  }
  if (c.type === 'number') {
    const values = t.rows.map((r) => { const v = r[col]; return isMissing(v) || typeof v !== 'number' ? null : v; });
    return numeric(values, doubleEncoding());
  }
  if (c.levels) {
    const levels = categoryLevels(t, col);
    const code = new Map(levels.map((l, i) => [l, i + 1]));
    const values = t.rows.map((r) => { const v = r[col]; return isMissing(v) ? null : code.get(String(v))!; });
    return numeric(values, integerEncoding(values), new Map(levels.map((l, i) => [i + 1, l])));
  }
  const text = (row: number) => { const v = t.rows[row]![col]; return isMissing(v) ? '' : String(v); };
  const cells = t.rows.map((_, r) => truncateUtf8(text(r), STATA_MAX_STR));
  const cut = t.rows.some((_, r) => Buffer.byteLength(text(r), 'utf8') > STATA_MAX_STR);
  // Width from the truncated values: a cut never splits a character, so it may end below 2045.
  const width = cells.reduce((w, b) => Math.max(w, b.length), 1);
  const v: Var = { name, label, type: width, format: `%-${width}s`, labelName: '', valueLabels: null, encode: (row) => fixed(cells[row]!, width) };
  return { v, cut };
}

/** `bytes` copied into a zero-filled field of `width` bytes (the fixed-width fields of the format). */
function fixed(bytes: Buffer, width: number): Buffer {
  const out = Buffer.alloc(width);
  bytes.copy(out, 0, 0, Math.min(bytes.length, width));
  return out;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

function assemble(t: Table, vars: Var[], now: Date): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  const offsets: number[] = [];
  const put = (b: Buffer) => { parts.push(b); pos += b.length; };
  const tag = (s: string) => put(Buffer.from(s, 'latin1'));
  // The map holds the offset of each section's opening tag; it has a fixed size, so it is filled last.
  const map = Buffer.alloc(14 * 8);
  const section = (name: string, body: Buffer[]) => { offsets.push(pos); tag(`<${name}>`); body.forEach(put); tag(`</${name}>`); };

  offsets.push(0);
  tag('<stata_dta>');
  put(header(t, vars.length, now));
  section('map', [map]);
  section('variable_types', vars.map((v) => u16(v.type)));
  section('varnames', vars.map((v) => fixed(Buffer.from(v.name, 'utf8'), 129)));
  section('sortlist', Array.from({ length: vars.length + 1 }, () => u16(0)));
  section('formats', vars.map((v) => fixed(Buffer.from(v.format, 'latin1'), 57)));
  section('value_label_names', vars.map((v) => fixed(Buffer.from(v.labelName, 'utf8'), 129)));
  section('variable_labels', vars.map((v) => fixed(truncateUtf8(v.label, 320), 321)));
  section('characteristics', []);
  section('data', t.rows.flatMap((_, r) => vars.map((v) => v.encode(r))));
  section('strls', []);
  section('value_labels', vars.flatMap((v) => (v.valueLabels ? [v.valueLabels] : [])));
  offsets.push(pos);
  tag('</stata_dta>');
  offsets.push(pos);
  offsets.forEach((o, i) => map.writeBigUInt64LE(BigInt(o), i * 8));
  return Buffer.concat(parts);
}

function header(t: Table, k: number, now: Date): Buffer {
  const label = truncateUtf8(stataLabel(t.description), 320);
  const stamp = Buffer.from(timestamp(now), 'latin1');
  return Buffer.concat([
    Buffer.from('<header><release>118</release><byteorder>LSF</byteorder><K>', 'latin1'),
    u16(k),
    Buffer.from('</K><N>', 'latin1'),
    u64(t.rows.length),
    Buffer.from('</N><label>', 'latin1'),
    u16(label.length),
    label,
    Buffer.from('</label><timestamp>', 'latin1'),
    Buffer.from([stamp.length]),
    stamp,
    Buffer.from('</timestamp></header>', 'latin1'),
  ]);
}

/** "dd Mon yyyy hh:mm", the 17-character form the format requires. */
function timestamp(d: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}
