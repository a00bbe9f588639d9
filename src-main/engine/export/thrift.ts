// Thrift compact protocol, write side only, for Parquet's page headers and file footer. Structs are
// described as lists of fields so the Parquet writer reads like the parquet.thrift definitions.
export type TValue =
  | { t: 'i32'; v: number }
  | { t: 'i64'; v: number }
  | { t: 'bin'; v: string | Buffer }
  | { t: 'struct'; v: TField[] }
  | { t: 'list'; elem: 'i32' | 'bin' | 'struct'; v: TValue[] };

export interface TField {
  id: number;
  value: TValue;
}

const TYPE = { i32: 5, i64: 6, bin: 8, list: 9, struct: 12 } as const;

export const i32 = (v: number): TValue => ({ t: 'i32', v });
export const i64 = (v: number): TValue => ({ t: 'i64', v });
export const bin = (v: string | Buffer): TValue => ({ t: 'bin', v });
export const struct = (...fields: [number, TValue | undefined][]): TValue => ({
  t: 'struct',
  // Optional fields left undefined are simply not written.
  v: fields.filter((f): f is [number, TValue] => f[1] !== undefined).map(([id, value]) => ({ id, value })),
});
export const list = (elem: 'i32' | 'bin' | 'struct', v: TValue[]): TValue => ({ t: 'list', elem, v });

export function encodeStruct(value: TValue): Buffer {
  const out: number[] = [];
  writeValue(out, value);
  return Buffer.from(out);
}

function varint(out: number[], n: bigint): void {
  let x = n;
  while (x >= 0x80n) {
    out.push(Number(x & 0x7fn) | 0x80);
    x >>= 7n;
  }
  out.push(Number(x));
}

function zigzag(n: number): bigint {
  const b = BigInt(n);
  return b >= 0n ? b << 1n : (-b << 1n) - 1n;
}

function writeValue(out: number[], value: TValue): void {
  switch (value.t) {
    case 'i32':
    case 'i64':
      return varint(out, zigzag(value.v));
    case 'bin': {
      const b = typeof value.v === 'string' ? Buffer.from(value.v, 'utf8') : value.v;
      varint(out, BigInt(b.length));
      for (const byte of b) out.push(byte);
      return;
    }
    case 'list':
      if (value.v.length < 15) out.push((value.v.length << 4) | TYPE[value.elem]);
      else {
        out.push(0xf0 | TYPE[value.elem]);
        varint(out, BigInt(value.v.length));
      }
      for (const item of value.v) writeValue(out, item);
      return;
    case 'struct':
      return writeFields(out, value.v);
  }
}

function writeFields(out: number[], fields: TField[]): void {
  let last = 0;
  for (const f of [...fields].sort((a, b) => a.id - b.id)) {
    const type = TYPE[f.value.t];
    const delta = f.id - last;
    if (delta > 0 && delta <= 15) out.push((delta << 4) | type);
    else {
      out.push(type);
      varint(out, zigzag(f.id));
    }
    last = f.id;
    writeValue(out, f.value);
  }
  out.push(0); // STOP
}
