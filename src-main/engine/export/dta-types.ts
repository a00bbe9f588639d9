// Stata's storage types for the .dta writer: the smallest integer type that holds a column,
// its missing value ("." in Stata), and value-label tables (format 118, "help dta").
import { truncateUtf8 } from './dta-text';

export const TYPE_DOUBLE = 65526;
export const TYPE_LONG = 65528;
export const TYPE_INT = 65529;
export const TYPE_BYTE = 65530;

interface IntType {
  code: number;
  min: number;
  max: number;
  size: number;
  format: string;
  write: (b: Buffer, v: number) => void;
}

// Each type's largest values are reserved for its 27 missing values; "." is max + 1.
const INT_TYPES: IntType[] = [
  { code: TYPE_BYTE, min: -127, max: 100, size: 1, format: '%8.0g', write: (b, v) => b.writeInt8(v) },
  { code: TYPE_INT, min: -32767, max: 32740, size: 2, format: '%8.0g', write: (b, v) => b.writeInt16LE(v) },
  { code: TYPE_LONG, min: -2147483647, max: 2147483620, size: 4, format: '%12.0g', write: (b, v) => b.writeInt32LE(v) },
];

// Stata's system missing "." for doubles: 0x7FE0000000000000.
const MISSING_DOUBLE = Buffer.from([0, 0, 0, 0, 0, 0, 0xe0, 0x7f]);

export interface NumericEncoding {
  type: number;
  format: string;
  encode: (v: number | null) => Buffer;
}

/** The smallest of byte, int and long that holds every value; double beyond long's range (exact to 2^53). */
export function integerEncoding(values: (number | null)[]): NumericEncoding {
  const present = values.filter((v): v is number => v !== null);
  const lo = Math.min(0, ...present);
  const hi = Math.max(0, ...present);
  const t = INT_TYPES.find((x) => lo >= x.min && hi <= x.max);
  if (!t) return doubleEncoding('%12.0f');
  return {
    type: t.code,
    format: t.format,
    encode: (v) => {
      const b = Buffer.alloc(t.size);
      t.write(b, v ?? t.max + 1);
      return b;
    },
  };
}

export function doubleEncoding(format = '%10.0g'): NumericEncoding {
  return {
    type: TYPE_DOUBLE,
    format,
    encode: (v) => {
      if (v === null) return MISSING_DOUBLE;
      const b = Buffer.alloc(8);
      b.writeDoubleLE(v);
      return b;
    },
  };
}

/** One value-label table: `<lbl>`, its length, name (129 bytes), 3 padding bytes, n, text length, offsets, values, text. */
export function valueLabelTable(name: string, labels: ReadonlyMap<number, string>): Buffer {
  const entries = [...labels].sort((a, b) => a[0] - b[0]);
  const texts = entries.map(([, text]) => Buffer.concat([truncateUtf8(text, 32000), Buffer.from([0])]));
  const txtLen = texts.reduce((s, t) => s + t.length, 0);
  const body = Buffer.alloc(8 + 8 * entries.length);
  body.writeInt32LE(entries.length, 0);
  body.writeInt32LE(txtLen, 4);
  let off = 0;
  entries.forEach(([value], i) => {
    body.writeInt32LE(off, 8 + 4 * i);
    body.writeInt32LE(value, 8 + 4 * entries.length + 4 * i);
    off += texts[i]!.length;
  });
  const len = Buffer.alloc(4);
  len.writeInt32LE(body.length + txtLen);
  const labname = Buffer.alloc(129 + 3);
  Buffer.from(name, 'utf8').copy(labname, 0, 0, 128);
  return Buffer.concat([Buffer.from('<lbl>', 'latin1'), len, labname, body, ...texts, Buffer.from('</lbl>', 'latin1')]);
}
