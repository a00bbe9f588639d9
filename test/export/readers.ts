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
  rows: Value[][];
}

const STATA_DOUBLE = 65526;
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
  return { release, k, n, label, names, types, formats, rows };
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
    columns: chunks.map((c) => readColumn(b, c.get(9) as number, c.get(1) as number)),
  };
}

function readColumn(b: Buffer, offset: number, type: number): Value[] {
  const r = new Reader(b, offset);
  const header = readStruct(r);
  const numValues = (header.get(5) as TMap).get(1) as number;
  const levelsLen = b.readUInt32LE(r.p);
  const levels = decodeHybrid(b.subarray(r.p + 4, r.p + 4 + levelsLen), numValues);
  let p = r.p + 4 + levelsLen;
  return levels.map((present) => {
    if (!present) return null;
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
