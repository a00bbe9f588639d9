// Typed arrays stored as SQLite blobs, for columns of a million numbers that are read back whole
// (classify/conversation-columns.ts, classify/outcome-columns.ts). Written in the machine's byte
// order, which the callers put in their stamp so that another machine rebuilds rather than misreads.
import { endianness } from 'node:os';

export const BYTE_ORDER = endianness();

export function bytes(a: Int32Array | Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** Shares the blob's memory unless it does not start on an element boundary (then a copy). */
export function int32(b: Buffer): Int32Array {
  return b.byteOffset % 4 === 0 ? new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4) : new Int32Array(Uint8Array.from(b).buffer);
}

export function float64(b: Buffer): Float64Array {
  return b.byteOffset % 8 === 0 ? new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8) : new Float64Array(Uint8Array.from(b).buffer);
}
