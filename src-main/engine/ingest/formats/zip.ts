// A streaming reader for the ZIP container of an .xlsx. A 3 MB file can inflate to gigabytes, so
// parts are never inflated whole: each one is read in small compressed slices and handed on as
// it inflates, while the bytes that actually come out are counted against per-part, per-file and
// compression-ratio limits. The sizes the central directory declares allow a cheap refusal up
// front but are never trusted.
import { closeSync, readSync } from 'node:fs';
import { Inflate } from 'fflate';
import { openInputFile } from '../../base/files';
import { ImportError } from './errors';

export interface ZipLimits {
  /** Inflated bytes of one part. */
  partBytes: number;
  /** Inflated bytes of every part read from one file. */
  fileBytes: number;
  /** Inflated : compressed, checked once a part has inflated past ratioFloor bytes. */
  ratio: number;
  ratioFloor: number;
}

/** Random access to the archive's bytes: an in-memory buffer or an open file. */
export interface ZipSource {
  readonly size: number;
  read(pos: number, len: number): Uint8Array;
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressed: number;
  declared: number;
  localOffset: number;
}

// Deflate can expand at most ~1032:1, so 16 KiB in never yields more than ~17 MB out at once.
const SLICE = 16 * 1024;
const MAX_DIRECTORY = 64 * 2 ** 20;
const U32 = 0xffffffff;
const corrupt = 'not a valid .xlsx (zip) file — truncated?';

/** "200 MB", or KB / bytes for the small limits tests set. */
export function sizeText(bytes: number): string {
  if (bytes >= 2 ** 20) return `${Math.round(bytes / 2 ** 20)} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}

export function bufferSource(bytes: Uint8Array): ZipSource {
  return { size: bytes.length, read: (pos, len) => bytes.subarray(pos, pos + len) };
}

/** Runs `use` with the file open as a ZipSource (at most `maxBytes`), closing it afterwards. */
export function withFileSource<T>(path: string, maxBytes: number, use: (src: ZipSource) => T): T {
  const { fd, size } = openInputFile(path, maxBytes);
  try {
    const read = (pos: number, len: number): Uint8Array => {
      const b = Buffer.allocUnsafe(Math.max(0, Math.min(len, size - pos)));
      return b.subarray(0, readSync(fd, b, 0, b.length, pos));
    };
    return use({ size, read });
  } finally {
    closeSync(fd);
  }
}

export class ZipReader {
  private readonly entries = new Map<string, Entry>();
  private inflated = 0;

  constructor(
    private readonly file: string,
    private readonly src: ZipSource,
    private readonly limits: ZipLimits,
  ) {
    for (const e of readDirectory(file, src)) this.entries.set(e.name, e);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Inflates part `name` chunk by chunk into `onChunk`; false when there is no such part. */
  stream(name: string, onChunk: (chunk: Uint8Array) => void): boolean {
    const e = this.entries.get(name);
    if (e === undefined) return false;
    this.checkDeclared(e);
    const start = this.dataStart(e);
    let out = 0;
    const count = (chunk: Uint8Array, read: number): void => {
      out += chunk.length;
      this.inflated += chunk.length;
      this.checkActual(e, out, read);
      onChunk(chunk);
    };
    if (e.method === 0) {
      for (let p = 0; p < e.compressed; p += SLICE) count(this.slice(start + p, Math.min(SLICE, e.compressed - p)), p + SLICE);
      return true;
    }
    if (e.compressed === 0) return true; // an empty part
    let read = 0;
    const inflate = new Inflate((chunk) => count(chunk, read));
    try {
      for (let p = 0; p < e.compressed; p += SLICE) {
        const n = Math.min(SLICE, e.compressed - p);
        read = p + n;
        inflate.push(this.slice(start + p, n), read === e.compressed);
      }
    } catch (err) {
      if (err instanceof ImportError) throw err;
      throw new ImportError(`corrupt .xlsx: part ${name} does not inflate (${(err as Error).message})`, { file: this.file });
    }
    return true;
  }

  /** A small part inflated whole (at most `maxBytes`), as bytes; undefined when absent. */
  bytes(name: string, maxBytes: number): Uint8Array | undefined {
    const parts: Uint8Array[] = [];
    let size = 0;
    const found = this.stream(name, (c) => {
      size += c.length;
      if (size > maxBytes) throw this.limitError(name, `inflates to more than ${sizeText(maxBytes)} (the limit for this part)`);
      parts.push(c);
    });
    return found ? Buffer.concat(parts) : undefined;
  }

  limitError(part: string, what: string): ImportError {
    return new ImportError(`part ${part} ${what}`, { file: this.file });
  }

  private checkDeclared(e: Entry): void {
    const { partBytes, fileBytes, ratio, ratioFloor } = this.limits;
    if (e.flags & 1) throw new ImportError(`part ${e.name} is encrypted (save the workbook without a password)`, { file: this.file });
    if (e.method !== 0 && e.method !== 8) {
      throw new ImportError(`part ${e.name} uses unsupported compression method ${e.method}`, { file: this.file });
    }
    if (e.declared > partBytes) throw this.limitError(e.name, `declares ${sizeText(e.declared)} uncompressed, over the ${sizeText(partBytes)} limit per part`);
    if (this.inflated + e.declared > fileBytes) {
      throw this.limitError(e.name, `would take the file past ${sizeText(fileBytes)} uncompressed (the limit per file)`);
    }
    if (e.declared > ratioFloor && e.declared > ratio * e.compressed) {
      throw this.limitError(e.name, `declares a compression ratio over ${ratio}:1 (the limit; a zip bomb?)`);
    }
  }

  private checkActual(e: Entry, out: number, read: number): void {
    const { partBytes, fileBytes, ratio, ratioFloor } = this.limits;
    if (out > partBytes) throw this.limitError(e.name, `inflates to more than ${sizeText(partBytes)} (the limit per part)`);
    if (this.inflated > fileBytes) throw this.limitError(e.name, `takes the file past ${sizeText(fileBytes)} uncompressed (the limit per file)`);
    if (out > ratioFloor && out > ratio * Math.max(read, 1)) {
      throw this.limitError(e.name, `expands more than ${ratio}:1 (the compression-ratio limit; a zip bomb?)`);
    }
  }

  /** Where a part's compressed bytes start: after its local header, whose lengths may differ. */
  private dataStart(e: Entry): number {
    const h = this.slice(e.localOffset, 30);
    if (u32(h, 0) !== 0x04034b50) throw new ImportError(`corrupt .xlsx: bad local header for part ${e.name}`, { file: this.file });
    const start = e.localOffset + 30 + u16(h, 26) + u16(h, 28);
    if (start + e.compressed > this.src.size) throw new ImportError(corrupt, { file: this.file });
    return start;
  }

  private slice(pos: number, len: number): Uint8Array {
    const b = this.src.read(pos, len);
    if (b.length !== len) throw new ImportError(corrupt, { file: this.file });
    return b;
  }
}

function u16(b: Uint8Array, at: number): number {
  return (b[at] as number) | ((b[at + 1] as number) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) + u16(b, at + 2) * 0x10000) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 2 ** 32;
}

/** The central directory's entries, found through the end-of-central-directory record. */
function readDirectory(file: string, src: ZipSource): Entry[] {
  const tailLen = Math.min(src.size, 22 + 0xffff);
  const tail = src.read(src.size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0 && eocd < 0; i--) if (u32(tail, i) === 0x06054b50) eocd = i;
  if (eocd < 0) throw new ImportError(corrupt, { file });
  const count = u16(tail, eocd + 10);
  const size = u32(tail, eocd + 12);
  const offset = u32(tail, eocd + 16);
  if (count === 0xffff || offset === U32) throw new ImportError('zip64 .xlsx files over 4 GB or 65,535 parts are not supported', { file });
  if (size > MAX_DIRECTORY || offset + size > src.size) throw new ImportError(corrupt, { file });
  const dir = src.read(offset, size);
  const entries: Entry[] = [];
  for (let p = 0; entries.length < count; ) {
    if (p + 46 > dir.length || u32(dir, p) !== 0x02014b50) throw new ImportError(corrupt, { file });
    const nameLen = u16(dir, p + 28);
    const extraLen = u16(dir, p + 30);
    const name = Buffer.from(dir.subarray(p + 46, p + 46 + nameLen)).toString('utf8');
    const e: Entry = { name, flags: u16(dir, p + 8), method: u16(dir, p + 10), compressed: u32(dir, p + 20), declared: u32(dir, p + 24), localOffset: u32(dir, p + 42) };
    applyZip64(e, dir.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen));
    entries.push(e);
    p += 46 + nameLen + extraLen + u16(dir, p + 32);
  }
  return entries;
}

/** Sizes and offsets too large for 32 bits live in the zip64 extra field (id 1), in this order. */
function applyZip64(e: Entry, extra: Uint8Array): void {
  for (let p = 0; p + 4 <= extra.length; p += 4 + u16(extra, p + 2)) {
    if (u16(extra, p) !== 1) continue;
    let at = p + 4;
    const next = (): number => {
      const v = at + 8 <= extra.length ? u64(extra, at) : U32;
      at += 8;
      return v;
    };
    if (e.declared === U32) e.declared = next();
    if (e.compressed === U32) e.compressed = next();
    if (e.localOffset === U32) e.localOffset = next();
  }
}
