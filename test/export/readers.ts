// Independent minimal readers for the exported .dta (format 118) and .parquet files, written from
// the format specs rather than from the writers, so a round trip checks the bytes, not the code.
import { readFileSync } from 'node:fs';

export type Value = string | number | null;

export interface DtaFile {
  release: string;
  k: number;
  n: number;
  label: string;
  names: string[];
  types: number[];
  formats: string[];
  labels: string[];
  /** Variable -> its value labels (value -> text), for variables that have them. */
  valueLabels: Map<string, Map<number, string>>;
  rows: Value[][];
}

const STATA_DOUBLE = 65526;
// Stata integer types: code -> [bytes, system missing "."].
const STATA_INTS = new Map<number, [number, number]>([[65530, [1, 101]], [65529, [2, 32741]], [65528, [4, 2147483621]]]);
const MAP_TAGS = ['stata_dta', 'map', 'variable_types', 'varnames', 'sortlist', 'formats', 'value_label_names',
  'variable_labels', 'characteristics', 'data', 'strls', 'value_labels', '/stata_dta'];

function cstr(b: Buffer, at: number, width: number): string {
  const field = b.subarray(at, at + width);
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? width : end).toString('utf8');
}

function expectAt(b: Buffer, at: number, text: string): number {
  const found = b.toString('latin1', at, at + text.length);
  if (found !== text) throw new Error(`expected "${text}" at ${at}, found "${found}"`);
  return at + text.length;
}

export function readDta(path: string): DtaFile {
  const b = readFileSync(path);
  let p = expectAt(b, 0, '<stata_dta><header><release>');
  const release = b.toString('latin1', p, p + 3);
  p = expectAt(b, p + 3, '</release><byteorder>LSF</byteorder><K>');
  const k = b.readUInt16LE(p);
  p = expectAt(b, p + 2, '</K><N>');
  const n = Number(b.readBigUInt64LE(p));
  p = expectAt(b, p + 8, '</N><label>');
  const labelLen = b.readUInt16LE(p);
  const label = b.toString('utf8', p + 2, p + 2 + labelLen);
  p = expectAt(b, p + 2 + labelLen, '</label><timestamp>');
  p = expectAt(b, p + 1 + (b[p] ?? 0), '</timestamp></header><map>');
  const map = Array.from({ length: 14 }, (_, i) => Number(b.readBigUInt64LE(p + 8 * i)));
  MAP_TAGS.forEach((tag, i) => expectAt(b, map[i]!, `<${tag}>`));
  if (map[13] !== b.length) throw new Error('map[13] is not the file length');
  const types = Array.from({ length: k }, (_, i) => b.readUInt16LE(map[2]! + 16 + 2 * i));
  const names = Array.from({ length: k }, (_, i) => cstr(b, map[3]! + 10 + 129 * i, 129));
  const formats = Array.from({ length: k }, (_, i) => cstr(b, map[5]! + 9 + 57 * i, 57));
  let q = map[9]! + '<data>'.length;
  const rows: Value[][] = [];
  for (let r = 0; r < n; r++) {
    rows.push(types.map((t) => {
      const int = STATA_INTS.get(t);
      if (int) {
        const [size, missing] = int;
        const v = size === 1 ? b.readInt8(q) : size === 2 ? b.readInt16LE(q) : b.readInt32LE(q);
        q += size;
        return v >= missing ? null : v;
      }
      if (t === STATA_DOUBLE) {
        const missing = b.readBigUInt64LE(q) >= 0x7fe0000000000000n && b.readBigUInt64LE(q) < 0x8000000000000000n;
        const v = missing ? null : b.readDoubleLE(q);
        q += 8;
        return v;
      }
      if (t < 1 || t > 2045) throw new Error(`unexpected type ${t}`);
      const s = cstr(b, q, t);
      q += t;
      return s;
    }));
  }
  expectAt(b, q, '</data>');
  const labels = Array.from({ length: k }, (_, i) => cstr(b, map[7]! + 17 + 321 * i, 321));
  const labelNames = Array.from({ length: k }, (_, i) => cstr(b, map[6]! + 19 + 129 * i, 129));
  const tables = readValueLabels(b, map[11]! + '<value_labels>'.length);
  const valueLabels = new Map(names.flatMap((nm, i) => (labelNames[i] ? [[nm, tables.get(labelNames[i]!)!] as const] : [])));
  return { release, k, n, label, names, types, formats, labels, valueLabels, rows };
}

function readValueLabels(b: Buffer, start: number): Map<string, Map<number, string>> {
  const out = new Map<string, Map<number, string>>();
  let p = start;
  while (b.toString('latin1', p, p + 5) === '<lbl>') {
    const len = b.readInt32LE(p + 5);
    const name = cstr(b, p + 9, 129);
    const t = p + 9 + 129 + 3;
    const n = b.readInt32LE(t);
    const txt = t + 8 + 8 * n;
    const entries = new Map<number, string>();
    for (let i = 0; i < n; i++) entries.set(b.readInt32LE(t + 8 + 4 * n + 4 * i), cstr(b, txt + b.readInt32LE(t + 8 + 4 * i), 32000));
    out.set(name, entries);
    p = expectAt(b, t + len, '</lbl>');
  }
  expectAt(b, p, '</value_labels>');
  return out;
}

// --- Thrift compact protocol (generic: field id -> value) ---

type TMap = Map<number, unknown>;

class Reader {
  constructor(readonly b: Buffer, public p = 0) {}
  byte(): number {
    return this.b[this.p++]!;
  }
  varint(): bigint {
    let v = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const x = this.byte();
      v |= BigInt(x & 0x7f) << shift;
      if ((x & 0x80) === 0) return v;
    }
  }
  zz(): number {
    const v = this.varint();
    return Number((v >> 1n) ^ -(v & 1n));
  }
}

function readValue(r: Reader, type: number): unknown {
  switch (type) {
    case 1: return true;
    case 2: return false;
    case 3: return r.byte();
    case 4: case 5: case 6: return r.zz();
    case 7: { const v = r.b.readDoubleLE(r.p); r.p += 8; return v; }
    case 8: { const len = Number(r.varint()); const v = r.b.subarray(r.p, r.p + len); r.p += len; return v; }
    case 9: {
      const h = r.byte();
      const size = h >> 4 === 15 ? Number(r.varint()) : h >> 4;
      return Array.from({ length: size }, () => readValue(r, h & 0x0f));
    }
    case 12: return readStruct(r);
    default: throw new Error(`thrift type ${type} not supported`);
  }
}

function readStruct(r: Reader): TMap {
  const out: TMap = new Map();
  let last = 0;
  for (;;) {
    const h = r.byte();
    if (h === 0) return out;
    const id = h >> 4 ? last + (h >> 4) : r.zz();
    last = id;
    out.set(id, readValue(r, h & 0x0f));
  }
}

// --- Parquet ---

export interface ParquetFile {
  numRows: number;
  names: string[];
  types: number[];
  columns: Value[][];
  codecs: number[];
}

export function readParquet(path: string): ParquetFile {
  const b = readFileSync(path);
  if (b.toString('latin1', 0, 4) !== 'PAR1' || b.toString('latin1', b.length - 4) !== 'PAR1') throw new Error('bad magic');
  const footerLen = b.readUInt32LE(b.length - 8);
  const meta = readStruct(new Reader(b, b.length - 8 - footerLen));
  const schema = (meta.get(2) as TMap[]).slice(1);
  const chunks = ((meta.get(4) as TMap[])[0]!.get(1) as TMap[]).map((c) => c.get(3) as TMap);
  return {
    numRows: meta.get(3) as number,
    names: schema.map((s) => (s.get(4) as Buffer).toString('utf8')),
    types: schema.map((s) => s.get(1) as number),
    columns: chunks.map((c) => readColumn(b, c.get(9) as number, c.get(1) as number, c.get(4) as number)),
    codecs: chunks.map((c) => c.get(4) as number),
  };
}

function readColumn(file: Buffer, offset: number, type: number, codec: number): Value[] {
  const r = new Reader(file, offset);
  const header = readStruct(r);
  const numValues = (header.get(5) as TMap).get(1) as number;
  const raw = file.subarray(r.p, r.p + (header.get(3) as number));
  const b = codec === 1 ? snappyDecompress(raw) : raw;
  if (b.length !== header.get(2)) throw new Error(`page is ${b.length} bytes, header says ${String(header.get(2))}`);
  const levelsLen = b.readUInt32LE(0);
  const levels = decodeHybrid(b.subarray(4, 4 + levelsLen), numValues);
  let p = 4 + levelsLen;
  return levels.map((present) => {
    if (!present) return null;
    if (type === 1) { p += 4; return b.readInt32LE(p - 4); }
    if (type === 2) { p += 8; return Number(b.readBigInt64LE(p - 8)); }
    if (type === 5) { p += 8; return b.readDoubleLE(p - 8); }
    const len = b.readUInt32LE(p);
    p += 4 + len;
    return b.toString('utf8', p - len, p);
  });
}

/** RLE / bit-packed hybrid with bit width 1. */
function decodeHybrid(buf: Buffer, count: number): number[] {
  const r = new Reader(buf);
  const out: number[] = [];
  while (out.length < count && r.p < buf.length) {
    const h = Number(r.varint());
    if (h & 1) {
      for (let g = 0; g < h >> 1; g++) {
        const byte = r.byte();
        for (let i = 0; i < 8; i++) out.push((byte >> i) & 1);
      }
    } else {
      const v = r.byte();
      for (let i = 0; i < h >> 1; i++) out.push(v);
    }
  }
  return out.slice(0, count);
}

/** Snappy raw block (format_description.txt): varint length, then literals (tag 0) and copies (tags 1-3). */
export function snappyDecompress(input: Buffer): Buffer {
  const r = new Reader(input);
  const out = Buffer.alloc(Number(r.varint()));
  let o = 0;
  while (r.p < input.length) {
    const tag = r.byte();
    const kind = tag & 3;
    if (kind === 0) {
      let len = tag >> 2;
      if (len >= 60) {
        const bytes = len - 59;
        len = 0;
        for (let k = 0; k < bytes; k++) len |= r.byte() << (8 * k);
      }
      len += 1;
      input.copy(out, o, r.p, r.p + len);
      r.p += len;
      o += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) { len = ((tag >> 2) & 7) + 4; offset = ((tag >> 5) << 8) | r.byte(); }
    else if (kind === 2) { len = (tag >> 2) + 1; offset = r.byte() | (r.byte() << 8); }
    else { len = (tag >> 2) + 1; offset = input.readUInt32LE(r.p); r.p += 4; }
    if (offset === 0 || offset > o) throw new Error(`snappy: bad offset ${offset} at output ${o}`);
    for (let k = 0; k < len; k++, o++) out[o] = out[o - offset]!;
  }
  if (o !== out.length) throw new Error(`snappy: ${o} bytes decoded, ${out.length} announced`);
  return out;
}

/** The rows with the named variables' codes replaced by their value labels (as Stata's decode does). */
export function decoded(f: DtaFile, vars: string[]): Value[][] {
  const cols = vars.map((v) => {
    const i = f.names.indexOf(v);
    const labels = f.valueLabels.get(v);
    if (i < 0 || !labels) throw new Error(`${v} is not a labelled variable`);
    return [i, labels] as const;
  });
  return f.rows.map((row) => {
    const out = [...row];
    for (const [i, labels] of cols) out[i] = row[i] === null ? null : labels.get(row[i] as number) ?? null;
    return out;
  });
}
