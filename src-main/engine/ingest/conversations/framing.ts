// Byte-level framers: cut a stream of chunks into rows (a JSONL line, a top-level JSON array
// element, a CSV record) without decoding or parsing them. Working on bytes is safe because every
// structural character ({ } [ ] " \ , LF) is ASCII and never appears inside a UTF-8 multi-byte
// sequence; it also lets each row be UTF-8-checked on its own, so one bad byte costs one row.

export interface Frame {
  /** 1-based line where the row starts. */
  line: number;
  bytes: Buffer;
  /** Set when the row could not be framed completely (e.g. cut off at EOF). */
  error?: string;
}

export interface Framer {
  push(chunk: Buffer, out: Frame[]): void;
  end(out: Frame[]): void;
}

/** A structural problem that makes the rest of the file unreadable (file-level, with its line). */
export class FramingError extends Error {
  constructor(
    reason: string,
    readonly line: number,
  ) {
    super(reason);
  }
}

// A record larger than this is skipped to its end without being buffered and becomes a bad row:
// decoding and parsing it would take about ten times its size (a 50 MB JSON line took 675 MB),
// and it is almost always a runaway quote or string rather than one real conversation.
export const MAX_RECORD_BYTES = 16 * 2 ** 20;

const EMPTY = Buffer.alloc(0);
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

function isBlank(b: Buffer): boolean {
  for (const c of b) if (c !== 0x20 && c !== 0x09 && c !== CR) return false;
  return true;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === LF || c === CR;
}

function megabytes(n: number): string {
  const mb = n / 2 ** 20;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** Collects the pieces of one row across chunk boundaries, keeping nothing once it is too large. */
class Pieces {
  private parts: Buffer[] = [];
  private size = 0;

  constructor(private readonly max: number) {}

  add(b: Buffer): void {
    if (b.length === 0) return;
    this.size += b.length;
    if (this.size > this.max) this.parts = []; // only counted from here on
    else this.parts.push(b);
  }

  /** The row's bytes, or no bytes and the reason when it went over the limit. */
  take(): { bytes: Buffer; error?: string } {
    const { parts, size } = this;
    this.parts = [];
    this.size = 0;
    if (size > this.max) return { bytes: EMPTY, error: `record of ${megabytes(size)} exceeds the ${megabytes(this.max)} limit` };
    return { bytes: parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts) };
  }

  get empty(): boolean {
    return this.size === 0;
  }
}

/** JSONL: one row per physical line; blank lines are skipped but still counted. */
export class LineFramer implements Framer {
  private line = 1;
  private readonly pieces: Pieces;

  constructor(maxRecord = MAX_RECORD_BYTES) {
    this.pieces = new Pieces(maxRecord);
  }

  push(chunk: Buffer, out: Frame[]): void {
    let start = 0;
    for (let lf = chunk.indexOf(LF); lf >= 0; lf = chunk.indexOf(LF, start)) {
      this.pieces.add(chunk.subarray(start, lf));
      this.emit(out);
      start = lf + 1;
    }
    this.pieces.add(chunk.subarray(start));
  }

  end(out: Frame[]): void {
    if (!this.pieces.empty) this.emit(out);
  }

  private emit(out: Frame[]): void {
    const { bytes, error } = this.pieces.take();
    const line = this.line++;
    if (error !== undefined) {
      out.push({ line, bytes, error });
      return;
    }
    let b = bytes;
    if (b.length > 0 && b[b.length - 1] === CR) b = b.subarray(0, b.length - 1);
    if (b.length > 0 && !isBlank(b)) out.push({ line, bytes: b });
  }
}

type ArrayState = 'start' | 'between' | 'element' | 'done';

/**
 * Top-level elements of one big JSON array ([{...}, {...}]), whatever the layout (minified on
 * one line or pretty-printed). Tracks string/escape state and bracket depth so that commas and
 * brackets inside strings or nested values never cut an element.
 */
export class JsonArrayFramer implements Framer {
  private state: ArrayState = 'start';
  private line = 1;
  private startLine = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private readonly pieces: Pieces;

  constructor(maxRecord = MAX_RECORD_BYTES) {
    this.pieces = new Pieces(maxRecord);
  }

  push(chunk: Buffer, out: Frame[]): void {
    let from = 0; // start of the current element's bytes within this chunk
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i] as number;
      if (c === LF) this.line++;
      if (this.state === 'element') {
        if (!this.elementEnds(c)) continue;
        this.pieces.add(chunk.subarray(from, i));
        out.push({ line: this.startLine, ...this.pieces.take() });
        this.state = c === COMMA ? 'between' : 'done';
      } else if (!isSpace(c)) {
        if (this.outside(c)) {
          from = i;
          this.elementEnds(c);
        }
      }
    }
    if (this.state === 'element') this.pieces.add(chunk.subarray(from));
  }

  end(out: Frame[]): void {
    if (this.state === 'element') {
      const { bytes, error } = this.pieces.take();
      out.push({ line: this.startLine, bytes, error: error ?? 'element cut off at end of file (file truncated?)' });
    } else if (this.state === 'start') {
      throw new FramingError('expected a JSON array starting with "["', this.line);
    }
  }

  /** A non-space byte outside any element; returns true when it starts a new element. */
  private outside(c: number): boolean {
    if (this.state === 'start') {
      if (c !== 0x5b) throw new FramingError('expected a JSON array starting with "["', this.line);
      this.state = 'between';
      return false;
    }
    if (this.state === 'done') throw new FramingError('unexpected data after the closing "]"', this.line);
    if (c === 0x5d) {
      this.state = 'done'; // "]" right after "[" or a trailing comma: be lenient
      return false;
    }
    if (c === COMMA) throw new FramingError('empty element (two commas in a row?)', this.line);
    this.state = 'element';
    this.startLine = this.line;
    this.depth = 0;
    return true;
  }

  /** Advances string/depth state by one byte; true when c is the "," or "]" that ends the element. */
  private elementEnds(c: number): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === BACKSLASH) this.escaped = true;
      else if (c === QUOTE) this.inString = false;
      return false;
    }
    if (c === QUOTE) this.inString = true;
    else if (c === 0x7b || c === 0x5b) this.depth++;
    // A stray closer at depth 0 stays inside the element (JSON.parse will reject it) rather than
    // driving depth negative, which would make the framer swallow the rest of the file.
    else if ((c === 0x7d || c === 0x5d) && this.depth > 0) this.depth--;
    else if (this.depth === 0 && (c === COMMA || c === 0x5d)) return true;
    return false;
  }
}

type CsvState = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted';

/**
 * RFC 4180 records: a record ends at a line feed outside quotes. A quote only opens a quoted
 * field at the start of a field (as in formats/delimited.ts), so a stray quote mid-field stays
 * literal instead of swallowing the following lines.
 */
export class CsvFramer implements Framer {
  private state: CsvState = 'fieldStart';
  private line = 1;
  private startLine = 1;
  private readonly pieces: Pieces;

  constructor(maxRecord = MAX_RECORD_BYTES) {
    this.pieces = new Pieces(maxRecord);
  }

  push(chunk: Buffer, out: Frame[]): void {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i] as number;
      if (c === LF) this.line++;
      if (!this.step(c)) continue;
      this.pieces.add(chunk.subarray(from, i));
      this.emit(out);
      from = i + 1;
      this.startLine = this.line;
    }
    this.pieces.add(chunk.subarray(from));
  }

  end(out: Frame[]): void {
    if (this.pieces.empty) return;
    const quoted = this.state === 'quoted';
    this.emit(out, quoted ? 'unterminated quoted field (file truncated?)' : undefined);
  }

  /** Advances the quote state by one byte; true when c is the line feed that ends the record. */
  private step(c: number): boolean {
    switch (this.state) {
      case 'quoted':
        if (c === QUOTE) this.state = 'quoteInQuoted';
        return false;
      case 'quoteInQuoted':
        if (c === QUOTE) {
          this.state = 'quoted'; // "" is an escaped quote
          return false;
        }
        break;
      case 'fieldStart':
        if (c === QUOTE) {
          this.state = 'quoted';
          return false;
        }
        break;
    }
    if (c === COMMA) this.state = 'fieldStart';
    else if (c === LF) {
      this.state = 'fieldStart';
      return true;
    } else this.state = 'unquoted';
    return false;
  }

  private emit(out: Frame[], cutOff?: string): void {
    const { bytes, error = cutOff } = this.pieces.take();
    let b = bytes;
    if (b.length > 0 && b[b.length - 1] === CR) b = b.subarray(0, b.length - 1);
    if (error === undefined && (b.length === 0 || isBlank(b))) return;
    out.push(error === undefined ? { line: this.startLine, bytes: b } : { line: this.startLine, bytes: b, error });
  }
}
