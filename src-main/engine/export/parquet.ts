// Minimal Parquet writer for flat tables: one row group, one DATA_PAGE (v1) per column, PLAIN
// encoding, no compression. Columns are OPTIONAL BYTE_ARRAY (UTF8 / STRING) or OPTIONAL DOUBLE, so
// missing values are nulls, recorded as definition levels (RLE/bit-packed hybrid, bit width 1).
import { bin, encodeStruct, i32, i64, list, struct, type TValue } from './thrift';
import { isMissing, snakeCase, type Cell, type Table } from './table';

const MAGIC = Buffer.from('PAR1', 'latin1');
const T_DOUBLE = 5;
const T_BYTE_ARRAY = 6;
const OPTIONAL = 1;
const UTF8 = 0;
const PLAIN = 0;
const RLE = 3;

interface Chunk {
  type: number;
  name: string;
  offset: number;
  size: number;
  values: number;
}

export function writeParquet(t: Table, createdBy: string): Buffer {
  const parts: Buffer[] = [MAGIC];
  let pos = MAGIC.length;
  const chunks: Chunk[] = t.columns.map((c, i) => {
    const type = c.type === 'number' ? T_DOUBLE : T_BYTE_ARRAY;
    const page = columnPage(t.rows.map((r) => r[i]), type);
    const chunk = { type, name: snakeCase(c.name), offset: pos, size: page.length, values: t.rows.length };
    parts.push(page);
    pos += page.length;
    return chunk;
  });
  const footer = encodeStruct(fileMetaData(t, chunks, createdBy));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(footer.length);
  parts.push(footer, len, MAGIC);
  return Buffer.concat(parts);
}

/** Page header + definition levels + PLAIN values of the non-null cells. */
function columnPage(cells: Cell[], type: number): Buffer {
  const present = cells.map((c) => !isMissing(c) && (type === T_BYTE_ARRAY || typeof c === 'number'));
  const levels = rleLevels(present);
  const levelLen = Buffer.alloc(4);
  levelLen.writeUInt32LE(levels.length);
  const values = cells.filter((_, i) => present[i]).map((c) => plain(c, type));
  const body = Buffer.concat([levelLen, levels, ...values]);
  const header = encodeStruct(struct(
    [1, i32(0)], // DATA_PAGE
    [2, i32(body.length)],
    [3, i32(body.length)],
    [5, struct([1, i32(cells.length)], [2, i32(PLAIN)], [3, i32(RLE)], [4, i32(RLE)])],
  ));
  return Buffer.concat([header, body]);
}

function plain(cell: Cell, type: number): Buffer {
  if (type === T_DOUBLE) {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(cell as number);
    return b;
  }
  const text = Buffer.from(String(cell), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(text.length);
  return Buffer.concat([len, text]);
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

function fileMetaData(t: Table, chunks: Chunk[], createdBy: string): TValue {
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
        [4, i32(0)], // UNCOMPRESSED
        [5, i64(c.values)],
        [6, i64(c.size)],
        [7, i64(c.size)],
        [9, i64(c.offset)],
      )],
    ),
  );
  const total = chunks.reduce((s, c) => s + c.size, 0);
  return struct(
    [1, i32(1)],
    [2, list('struct', schema)],
    [3, i64(t.rows.length)],
    [4, list('struct', [struct([1, list('struct', columns)], [2, i64(total)], [3, i64(t.rows.length)])])],
    [6, bin(createdBy)],
  );
}
