// Stata .dta writer, format 118 (Stata 14+), little-endian, from the format's documentation
// ("help dta"). Flat tables only: numbers are doubles, text is str# of up to 2045 bytes (no strL,
// which keeps the writer small; longer text is truncated and the codebook says so).
import { isMissing, snakeCase, type Cell, type Table } from './table';

export const STATA_MAX_STR = 2045;
const TYPE_DOUBLE = 65526;
// Stata's system missing "." for doubles: 0x7FE0000000000000.
const MISSING_DOUBLE = Buffer.from([0, 0, 0, 0, 0, 0, 0xe0, 0x7f]);
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
  encode: (cell: Cell) => Buffer;
}

export interface DtaResult {
  bytes: Buffer;
  /** Columns in which at least one value was cut to STATA_MAX_STR bytes. */
  truncated: string[];
}

export function writeDta(t: Table, now: Date = new Date()): DtaResult {
  const truncated: string[] = [];
  const used = new Set<string>();
  const vars = t.columns.map((c, i) => {
    const v = makeVar(uniqueName(stataName(c.name), used), c.meaning, t.rows.map((r) => r[i]), c.type);
    if (v.cut) truncated.push(c.name);
    return v.v;
  });
  return { bytes: assemble(t, vars, now), truncated };
}

function uniqueName(name: string, used: Set<string>): string {
  let out = name;
  for (let i = 2; used.has(out); i++) out = `${name.slice(0, 32 - String(i).length - 1)}_${i}`;
  used.add(out);
  return out;
}

function makeVar(name: string, label: string, values: Cell[], type: 'string' | 'number'): { v: Var; cut: boolean } {
  if (type === 'number') {
    const encode = (cell: Cell) => {
      if (isMissing(cell) || typeof cell !== 'number') return MISSING_DOUBLE;
      const b = Buffer.alloc(8);
      b.writeDoubleLE(cell);
      return b;
    };
    return { v: { name, label, type: TYPE_DOUBLE, format: '%10.0g', encode }, cut: false };
  }
  const text = (c: Cell) => (isMissing(c) ? '' : String(c));
  const cut = values.some((c) => Buffer.byteLength(text(c), 'utf8') > STATA_MAX_STR);
  // Width from the truncated values: a cut never splits a character, so it may end below 2045.
  const width = values.reduce<number>((w, c) => Math.max(w, truncateUtf8(text(c), STATA_MAX_STR).length), 1);
  const encode = (cell: Cell) => fixed(truncateUtf8(text(cell), STATA_MAX_STR), width);
  return { v: { name, label, type: width, format: `%-${width}s`, encode }, cut };
}

/** Cut at `max` bytes without splitting a UTF-8 sequence. */
export function truncateUtf8(text: string, max: number): Buffer {
  const b = Buffer.from(text, 'utf8');
  if (b.length <= max) return b;
  let end = max;
  while (end > 0 && ((b[end] ?? 0) & 0xc0) === 0x80) end--;
  return b.subarray(0, end);
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
  section('value_label_names', vars.map(() => Buffer.alloc(129)));
  section('variable_labels', vars.map((v) => fixed(truncateUtf8(v.label.slice(0, 80), 320), 321)));
  section('characteristics', []);
  section('data', t.rows.flatMap((row) => vars.map((v, i) => v.encode(row[i]))));
  section('strls', []);
  section('value_labels', []);
  offsets.push(pos);
  tag('</stata_dta>');
  offsets.push(pos);
  offsets.forEach((o, i) => map.writeBigUInt64LE(BigInt(o), i * 8));
  return Buffer.concat(parts);
}

function header(t: Table, k: number, now: Date): Buffer {
  const label = truncateUtf8(t.description.slice(0, 80), 320);
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
