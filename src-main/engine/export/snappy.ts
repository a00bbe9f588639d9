// Snappy compression (the raw block format Parquet uses), compress side only, from the format
// description (google/snappy, format_description.txt): a varint of the uncompressed length, then
// literals and back-references. A greedy matcher over 4-byte hashes; every copy uses the 2-byte
// offset form, which any decoder accepts, so the output is valid if not as small as the reference's.
const MAX_OFFSET = 0xffff;
const HASH_BITS = 14;

export function snappyCompress(input: Buffer): Buffer {
  const out: number[] = [];
  varint(out, input.length);
  const table = new Int32Array(1 << HASH_BITS).fill(-1);
  let literalStart = 0;
  let i = 0;
  while (i + 4 <= input.length) {
    const h = hash(input.readUInt32LE(i));
    const candidate = table[h]!;
    table[h] = i;
    if (candidate < 0 || i - candidate > MAX_OFFSET || input.readUInt32LE(candidate) !== input.readUInt32LE(i)) {
      i++;
      continue;
    }
    let len = 4;
    while (i + len < input.length && input[candidate + len] === input[i + len]) len++;
    literal(out, input, literalStart, i);
    copy(out, i - candidate, len);
    i += len;
    literalStart = i;
  }
  literal(out, input, literalStart, input.length);
  return Buffer.from(out);
}

function hash(word: number): number {
  return Math.imul(word, 0x1e35a7bd) >>> (32 - HASH_BITS);
}

function varint(out: number[], n: number): void {
  let x = n;
  while (x >= 0x80) {
    out.push((x & 0x7f) | 0x80);
    x >>>= 7;
  }
  out.push(x);
}

/** A literal: tag 00 with length - 1 in the upper six bits, or 60..63 and 1..4 length bytes after it. */
function literal(out: number[], input: Buffer, start: number, end: number): void {
  const n = end - start;
  if (n === 0) return;
  const m = n - 1;
  if (m < 60) out.push(m << 2);
  else {
    const bytes = m < 1 << 8 ? 1 : m < 1 << 16 ? 2 : m < 1 << 24 ? 3 : 4;
    out.push((59 + bytes) << 2);
    for (let k = 0; k < bytes; k++) out.push((m >>> (8 * k)) & 0xff);
  }
  for (let k = start; k < end; k++) out.push(input[k]!);
}

/** Copies of at most 64 bytes each: tag 10 with length - 1 in the upper six bits, then a 16-bit offset. */
function copy(out: number[], offset: number, length: number): void {
  for (let left = length; left > 0; ) {
    const n = Math.min(left, 64);
    out.push(((n - 1) << 2) | 2, offset & 0xff, offset >>> 8);
    left -= n;
  }
}
