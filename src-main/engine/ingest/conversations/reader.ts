// Streaming file access for the conversation importer: a cheap sniff of the first bytes (exists?
// UTF-16? BOM? JSON array or lines?), then the file as a stream of framed rows read in 1 MiB
// chunks, hashed on the way, and strict per-row UTF-8 decoding. Nothing here ever holds more than
// one chunk plus the row being assembled.
import { createReadStream, closeSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { createHash, type Hash } from 'node:crypto';
import { fileError, openInputFile } from '../../base/files';
import { ImportError } from '../formats/errors';
import { firstInvalidUtf8 } from '../formats/decode';
import { FramingError, type Frame, type Framer } from './framing';

const CHUNK_BYTES = 1 << 20;
const SNIFF_BYTES = 64 * 1024;

export interface Sniff {
  size: number;
  hasBom: boolean;
  /** First non-whitespace character of the file ('' if none in the first 64 KiB). */
  firstChar: string;
}

/** Shared counters: the reader advances bytes, the format readers advance rows. */
export interface ReadContext {
  file: string;
  totalBytes: number;
  bytesRead: number;
  rowsRead: number;
  /** Set only once the whole file went through the hash. */
  sha256: string | null;
  onRow: () => void;
}

export function sniffFile(file: string): Sniff {
  const { fd, size } = openInputFile(file);
  const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
  try {
    readSync(fd, head, 0, head.length, 0);
  } catch (e) {
    throw fileError(file, e);
  } finally {
    closeSync(fd);
  }
  if (looksUtf16OrBinary(head)) throw new ImportError('file is UTF-16 (or binary); save it as UTF-8', { file, line: 1 });
  const hasBom = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const text = head.subarray(hasBom ? 3 : 0).toString('latin1');
  const m = /\S/.exec(text);
  if (m === null && size <= SNIFF_BYTES) throw new ImportError('empty file', { file, line: 1 });
  return { size, hasBom, firstChar: m?.[0] ?? '' };
}

// Same rule as formats/decode.ts: a UTF-16 BOM, or any NUL byte (UTF-16 ASCII has one in every
// other byte; real text never has NULs).
function looksUtf16OrBinary(b: Buffer): boolean {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return true;
  return b.subarray(0, 4096).includes(0);
}

export function newContext(file: string, totalBytes: number): ReadContext {
  return { file, totalBytes, bytesRead: 0, rowsRead: 0, sha256: null, onRow: () => {} };
}

/**
 * The file's rows, in order, one array per chunk read (a per-row async step costs more than
 * parsing a short row). Framing errors become ImportErrors located at their line.
 */
export async function* readFrames(ctx: ReadContext, framer: Framer, skipBom: boolean): AsyncGenerator<Frame[]> {
  const hash: Hash = createHash('sha256');
  let out: Frame[] = [];
  const stream = createReadStream(ctx.file, { highWaterMark: CHUNK_BYTES });
  let first = true;
  try {
    for await (const raw of stream) {
      const chunk = raw as Buffer;
      hash.update(chunk);
      ctx.bytesRead += chunk.length;
      framer.push(first && skipBom ? chunk.subarray(3) : chunk, out);
      first = false;
      // A fresh array per batch, so the framer never refills one the consumer still holds.
      if (out.length > 0) yield out;
      out = [];
    }
    framer.end(out);
    if (out.length > 0) yield out;
    ctx.sha256 = hash.digest('hex');
  } catch (e) {
    if (e instanceof FramingError) throw new ImportError(e.message, { file: ctx.file, line: e.line });
    throw e;
  } finally {
    stream.destroy();
  }
}

/** Strict UTF-8 decoding of one row: the text, or a bad-row reason pointing at the bad byte. */
export function frameText(f: Frame): { text: string } | { bad: string } {
  if (isUtf8(f.bytes)) return { text: f.bytes.toString('utf8') };
  const at = firstInvalidUtf8(f.bytes);
  const byte = f.bytes[at] ?? 0;
  // A row can span lines (a CSV quoted field, a pretty-printed JSON element): locate the byte on
  // its own physical line, with the column in characters (bytes that are not continuation bytes).
  const lineStart = at === 0 ? 0 : f.bytes.lastIndexOf(0x0a, at - 1) + 1; // a negative offset would count from the end
  let line = f.line;
  for (let i = f.bytes.indexOf(0x0a); i >= 0 && i < at; i = f.bytes.indexOf(0x0a, i + 1)) line++;
  let column = 1;
  for (let i = lineStart; i < at; i++) if (((f.bytes[i] ?? 0) & 0xc0) !== 0x80) column++;
  const where = line === f.line ? `at column ${column}` : `at line ${line}, column ${column}`;
  return { bad: `invalid UTF-8 byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} ${where}` };
}

/**
 * A frame iterator with push-back, so format detection can look at the first rows and hand them
 * back to the reader that then imports them. It reads frames one at a time (next) or a whole
 * batch at a time (nextBatch), from a source of single frames or of batches (readFrames).
 */
export class Frames {
  private buf: readonly Frame[] = [];
  private at = 0;

  constructor(private readonly it: AsyncIterator<Frame | Frame[]>) {}

  async next(): Promise<Frame | null> {
    if (this.at >= this.buf.length && !(await this.fill())) return null;
    return this.buf[this.at++] as Frame;
  }

  /** Every frame read but not yet taken (at least one), or null at the end. */
  async nextBatch(): Promise<readonly Frame[] | null> {
    if (this.at >= this.buf.length && !(await this.fill())) return null;
    const out = this.at === 0 ? this.buf : this.buf.slice(this.at);
    this.buf = [];
    this.at = 0;
    return out;
  }

  /** Hands back frames (in the order they were read) so the next calls return them again. */
  unread(frames: readonly Frame[]): void {
    this.buf = [...frames, ...this.buf.slice(this.at)];
    this.at = 0;
  }

  async close(): Promise<void> {
    await this.it.return?.(undefined);
  }

  private async fill(): Promise<boolean> {
    for (;;) {
      const r = await this.it.next();
      if (r.done === true) return false;
      this.buf = Array.isArray(r.value) ? r.value : [r.value];
      this.at = 0;
      if (this.buf.length > 0) return true;
    }
  }
}
