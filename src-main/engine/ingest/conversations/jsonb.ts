// A batch of conversation rows as one SQLite JSONB value (https://sqlite.org/jsonb.html): an array
// of row arrays, written straight into a byte buffer. The store inserts a whole batch with one
// INSERT ... SELECT FROM jsonb_each(?), so SQLite reads each field out of the blob in C instead of
// the thread that writes binding thousands of JavaScript strings one call at a time, and the
// reader thread hands the batch over as one transferred buffer instead of cloning every string.
//
// Element header: the low 4 bits are the type; the high 4 bits are the payload size when it is
// under 12, else 12-15 = the size follows in 1, 2, 4 or 8 big-endian bytes. Containers and text
// are always written with the 4-byte size form (a size larger than needed is valid JSONB), so a
// value is written once, in place, and its size filled in afterwards.

const NULL = 0x0;
const INT = 0x3;
/** A string whose payload is its plain UTF-8 text, with nothing escaped. */
const TEXTRAW = 0xa;
const ARRAY = 0xb;
const SIZE_IN_1_BYTE = 0xc0;
const SIZE_IN_4_BYTES = 0xe0;
const HEADER = 5;
/** Enough for a 2,000-row batch of typical chat logs; a batch with larger rows grows it. */
const INITIAL_BYTES = 2 * 2 ** 20;
const MAX_SPARES = 4;

export class JsonbArrayWriter {
  private buf = Buffer.allocUnsafeSlow(INITIAL_BYTES);
  private pos = HEADER;
  private readonly spares: ArrayBuffer[] = [];
  private row = -1;
  private textAt = -1;
  private count = 0;

  /** Elements (rows) written since the last take(). */
  get length(): number {
    return this.count;
  }

  beginRow(): void {
    this.ensure(HEADER);
    this.row = this.pos;
    this.pos += HEADER;
  }

  endRow(): void {
    this.header(this.row, ARRAY, this.pos - this.row - HEADER);
    this.count++;
  }

  text(s: string | null): void {
    if (s === null) {
      this.ensure(1);
      this.buf[this.pos++] = NULL;
      return;
    }
    this.openText();
    this.append(s);
    this.closeText();
  }

  /** Starts a text element whose contents are then appended piece by piece (no string built first). */
  openText(): void {
    this.ensure(HEADER);
    this.textAt = this.pos;
    this.pos += HEADER;
  }

  append(s: string): void {
    this.ensure(s.length * 3); // UTF-8 needs at most 3 bytes per UTF-16 unit
    this.pos += isWellFormed(s) ? this.buf.write(s, this.pos, 'utf8') : writeWtf8(s, this.buf, this.pos);
  }

  /** Appends bytes as they are (pre-encoded text). */
  appendBytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Appends one ASCII character. */
  appendByte(c: number): void {
    this.ensure(1);
    this.buf[this.pos++] = c;
  }

  closeText(): void {
    this.header(this.textAt, TEXTRAW, this.pos - this.textAt - HEADER);
  }

  /** A non-negative safe integer (JSONB stores it as its decimal text), digits written directly. */
  int(v: number): void {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`not a count: ${v}`);
    let digits = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
    this.ensure(2 + digits);
    if (digits < 12) this.buf[this.pos++] = (digits << 4) | INT;
    else {
      this.buf[this.pos++] = SIZE_IN_1_BYTE | INT;
      this.buf[this.pos++] = digits;
    }
    for (let i = digits - 1, x = v; i >= 0; i--, x = Math.floor(x / 10)) this.buf[this.pos + i] = 0x30 + (x % 10);
    this.pos += digits;
  }

  /** Bytes written since the last take(). */
  get bytes(): number {
    return this.pos;
  }

  /**
   * The array of the rows written so far, in a buffer of its own (transferable to another thread);
   * the writer starts a new array, in a buffer given back by recycle() if there is one.
   */
  take(): Uint8Array {
    this.header(0, ARRAY, this.pos - HEADER);
    const out = new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.pos);
    const spare = this.spares.pop();
    this.buf = spare === undefined ? Buffer.allocUnsafeSlow(INITIAL_BYTES) : Buffer.from(spare);
    this.pos = HEADER;
    this.count = 0;
    return out;
  }

  /**
   * Gives back the buffer of a batch that has been written, to be filled again: fresh memory costs
   * a page fault per 4 KiB on first touch, as much as writing the rows into it. One grown for a
   * batch of huge rows is left to the garbage collector instead.
   */
  recycle(buffer: ArrayBuffer): void {
    if (buffer.byteLength === INITIAL_BYTES && this.spares.length < MAX_SPARES) this.spares.push(buffer);
  }

  private header(at: number, type: number, size: number): void {
    this.buf[at] = SIZE_IN_4_BYTES | type;
    this.buf.writeUInt32BE(size, at + 1);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }
}

/** String.prototype.isWellFormed (ES2024; Node 20 has it): no lone surrogate. */
function isWellFormed(s: string): boolean {
  return (s as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/**
 * A string with a lone surrogate (JSON allows "\ud800"), encoded the way SQLite receives a bound
 * string from better-sqlite3: each lone surrogate as its own 3-byte sequence, not as U+FFFD (which
 * Buffer.write would give). Stored ids stay what the row-by-row importer stored, so re-imports
 * still find them.
 */
function writeWtf8(s: string, buf: Buffer, at: number): number {
  let p = at;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    if (c < 0x80) buf[p++] = c;
    else if (c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
      buf[p++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      buf[p++] = 0xe0 | (c >> 12);
      buf[p++] = 0x80 | ((c >> 6) & 0x3f);
      buf[p++] = 0x80 | (c & 0x3f);
    } else {
      buf[p++] = 0xf0 | (c >> 18);
      buf[p++] = 0x80 | ((c >> 12) & 0x3f);
      buf[p++] = 0x80 | ((c >> 6) & 0x3f);
      buf[p++] = 0x80 | (c & 0x3f);
    }
  }
  return p - at;
}
