// Minimal Parquet writer for flat tables: one row group, one DATA_PAGE (v1) per column, PLAIN
// encoding, Snappy-compressed pages. Columns are OPTIONAL BYTE_ARRAY (UTF8 / STRING), INT32 or
// INT64 (integer columns, the narrowest that holds them) or DOUBLE, so missing values are nulls,
// recorded as definition levels (RLE/bit-packed hybrid, bit width 1). Every column chunk carries
// statistics (null count, min and max in the type's order) and the footer the labels, units and
// provenance as key-value metadata, so a reader of the file alone knows what the columns mean.
import { bin, encodeStruct, i32, i64, list, struct, type TValue } from './thrift';
import { integerValues, isMissing, snakeCase, type Cell, type Table } from './table';
import { snappyCompress } from './snappy';

const MAGIC = Buffer.from('PAR1', 'latin1');
const T_INT32 = 1;
const T_INT64 = 2;
const T_DOUBLE = 5;
const T_BYTE_ARRAY = 6;
const OPTIONAL = 1;
const UTF8 = 0;
const PLAIN = 0;
const RLE = 3;
const SNAPPY = 1;
/** Longer text is left out of min/max: statistics are for skipping row groups, not for storing text. */
const MAX_STAT_BYTES = 256;

interface Chunk {
  type: number;
  name: string;
  offset: number;
  size: number;
  uncompressed: number;
  values: number;
  stats: TValue;
}

type Value = number | string;

export function writeParquet(t: Table, createdBy: string, metadata: Record<string, string> = {}): Buffer {
  const parts: Buffer[] = [MAGIC];
  let pos = MAGIC.length;
  const chunks: Chunk[] = t.columns.map((c, i) => {
    const { type, values } = columnValues(t, i);
    const page = columnPage(values, type);
    const chunk = { type, name: snakeCase(c.name), offset: pos, size: page.bytes.length, uncompressed: page.uncompressed, values: t.rows.length, stats: statistics(values, type) };
    parts.push(page.bytes);
    pos += page.bytes.length;
    return chunk;
  });
  const footer = encodeStruct(fileMetaData(t, chunks, createdBy, { ...tableMetadata(t), ...metadata }));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(footer.length);
  parts.push(footer, len, MAGIC);
  return Buffer.concat(parts);
}

/** The column's physical type and its cells, null where missing. */
function columnValues(t: Table, col: number): { type: number; values: (Value | null)[] } {
  const c = t.columns[col]!;
  if (c.type === 'integer') {
    const values = integerValues(t, col);
    const fits32 = values.every((v) => v === null || (v >= -(2 ** 31) && v < 2 ** 31));
    return { type: fits32 ? T_INT32 : T_INT64, values };
  }
  const cells = t.rows.map((r) => r[col]);
  if (c.type === 'number') return { type: T_DOUBLE, values: cells.map((v: Cell) => (isMissing(v) || typeof v !== 'number' ? null : v)) };
  return { type: T_BYTE_ARRAY, values: cells.map((v) => (isMissing(v) ? null : String(v))) };
}

/** The table's description and each column's meaning and units (keys "task_atlas.*"). */
function tableMetadata(t: Table): Record<string, string> {
  const out: Record<string, string> = { 'task_atlas.table': t.name, 'task_atlas.description': t.description };
  for (const c of t.columns) {
    out[`task_atlas.column.${snakeCase(c.name)}`] = JSON.stringify({ label: c.meaning, units: c.units ?? '', type: c.levels ? 'categorical' : c.type });
  }
  return out;
}

/** Page header + Snappy-compressed (definition levels + PLAIN values of the non-null cells). */
function columnPage(values: (Value | null)[], type: number): { bytes: Buffer; uncompressed: number } {
  const levels = rleLevels(values.map((v) => v !== null));
  const levelLen = Buffer.alloc(4);
  levelLen.writeUInt32LE(levels.length);
  const body = Buffer.concat([levelLen, levels, ...values.filter((v): v is Value => v !== null).map((v) => plain(v, type, true))]);
  const compressed = snappyCompress(body);
  const header = encodeStruct(struct(
    [1, i32(0)], // DATA_PAGE
    [2, i32(body.length)],
    [3, i32(compressed.length)],
    [5, struct([1, i32(values.length)], [2, i32(PLAIN)], [3, i32(RLE)], [4, i32(RLE)])],
  ));
  return { bytes: Buffer.concat([header, compressed]), uncompressed: header.length + body.length };
}

/** PLAIN encoding of one value; statistics use the same bytes without the length prefix. */
function plain(v: Value, type: number, lengthPrefix: boolean): Buffer {
  if (type === T_BYTE_ARRAY) {
    const text = Buffer.from(String(v), 'utf8');
    if (!lengthPrefix) return text;
    const len = Buffer.alloc(4);
    len.writeUInt32LE(text.length);
    return Buffer.concat([len, text]);
  }
  const b = Buffer.alloc(type === T_INT32 ? 4 : 8);
  if (type === T_INT32) b.writeInt32LE(v as number);
  else if (type === T_INT64) b.writeBigInt64LE(BigInt(v as number));
  else b.writeDoubleLE(v as number);
  return b;
}

/** Statistics with min_value / max_value (fields 6, 5): numbers by value, text by unsigned bytes. */
function statistics(values: (Value | null)[], type: number): TValue {
  const present = values.filter((v): v is Value => v !== null);
  const nulls = i64(values.length - present.length);
  if (present.length === 0) return struct([3, nulls]);
  const bytes = present.map((v) => plain(v, type, false));
  const order = (a: number, b: number) =>
    type === T_BYTE_ARRAY ? Buffer.compare(bytes[a]!, bytes[b]!) : (present[a] as number) - (present[b] as number);
  let lo = 0;
  let hi = 0;
  for (let k = 1; k < present.length; k++) {
    if (order(k, lo) < 0) lo = k;
    if (order(k, hi) > 0) hi = k;
  }
  if (type === T_BYTE_ARRAY && Math.max(bytes[lo]!.length, bytes[hi]!.length) > MAX_STAT_BYTES) return struct([3, nulls]);
  return struct([3, nulls], [5, bin(statBytes(present[hi]!, bytes[hi]!, type, 'max'))], [6, bin(statBytes(present[lo]!, bytes[lo]!, type, 'min'))]);
}

/** The spec asks for -0.0 as a zero minimum and +0.0 as a zero maximum of a DOUBLE column. */
function statBytes(v: Value, b: Buffer, type: number, which: 'min' | 'max'): Buffer {
  if (type !== T_DOUBLE || v !== 0) return b;
  return plain(which === 'min' ? -0 : 0, type, false);
}

/** Definition levels (1 = present, 0 = null) as RLE runs: header varint(run << 1), then one byte value. */
export function rleLevels(present: boolean[]): Buffer {
  const out: number[] = [];
  for (let i = 0; i < present.length; ) {
    let j = i;
    while (j < present.length && present[j] === present[i]) j++;
    let header = (j - i) << 1;
    while (header >= 0x80) {
      out.push((header & 0x7f) | 0x80);
      header >>>= 7;
    }
    out.push(header, present[i] ? 1 : 0);
    i = j;
  }
  return Buffer.from(out);
}

function fileMetaData(t: Table, chunks: Chunk[], createdBy: string, metadata: Record<string, string>): TValue {
  const schema = [
    struct([4, bin('schema')], [5, i32(chunks.length)]),
    ...chunks.map((c) =>
      struct(
        [1, i32(c.type)],
        [3, i32(OPTIONAL)],
        [4, bin(c.name)],
        [6, c.type === T_BYTE_ARRAY ? i32(UTF8) : undefined],
        [10, c.type === T_BYTE_ARRAY ? struct([1, struct()]) : undefined], // LogicalType.STRING
      ),
    ),
  ];
  const columns = chunks.map((c) =>
    struct(
      [2, i64(c.offset)],
      [3, struct(
        [1, i32(c.type)],
        [2, list('i32', [i32(PLAIN), i32(RLE)])],
        [3, list('bin', [bin(c.name)])],
        [4, i32(SNAPPY)],
        [5, i64(c.values)],
        [6, i64(c.uncompressed)],
        [7, i64(c.size)],
        [9, i64(c.offset)],
        [12, c.stats],
      )],
    ),
  );
  const total = chunks.reduce((s, c) => s + c.uncompressed, 0);
  const keyValues = Object.entries(metadata).map(([k, v]) => struct([1, bin(k)], [2, bin(v)]));
  return struct(
    [1, i32(1)],
    [2, list('struct', schema)],
    [3, i64(t.rows.length)],
    [4, list('struct', [struct([1, list('struct', columns)], [2, i64(total)], [3, i64(t.rows.length)])])],
    [5, keyValues.length > 0 ? list('struct', keyValues) : undefined],
    [6, bin(createdBy)],
    // TypeDefinedOrder for every column: readers may trust min_value / max_value.
    [7, list('struct', chunks.map(() => struct([1, struct()])))],
  );
}
