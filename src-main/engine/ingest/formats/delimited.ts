// RFC 4180 CSV/TSV parsing with physical line tracking. Most lines of real files contain no
// quote at all, so each line is first tried on a fast path (one slice + split); only lines with
// a quote go through the field-by-field parser. Stray quotes inside an unquoted field are kept
// literally: O*NET's own text files never quote, and "abc"def" text must survive unchanged.
import { readInputFile } from '../../base/files';
import { decodeText } from './decode';
import { ImportError } from './errors';
import type { RawRow, RawTable } from './table';

export interface DelimitedOptions {
  delimiter: ',' | '\t';
  /** Honour RFC 4180 quoting at the start of a field (default true). */
  quotes?: boolean;
}

export const MAX_FILE_BYTES = 512 * 1024 * 1024;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export function parseDelimited(file: string, text: string, opts: DelimitedOptions): RawTable {
  const p = new Parser(file, text, opts.delimiter, opts.quotes ?? true);
  let first: RawRow | null = null;
  const rows: RawRow[] = [];
  for (let rec = p.next(); rec !== null; rec = p.next()) {
    if (first === null) first = rec;
    else rows.push(rec);
  }
  if (first === null) throw new ImportError('empty file: no header line', { file, line: 1 });
  return { file, header: first.cells, headerLine: first.line, rows };
}

export function readDelimitedFile(path: string, delimiter: ',' | '\t'): RawTable {
  return parseDelimited(path, decodeText(path, readBytes(path)), { delimiter });
}

/** Reads a whole input file, refusing folders, missing files and absurd sizes before allocating. */
export function readBytes(path: string): Uint8Array {
  return readInputFile(path, MAX_FILE_BYTES);
}

class Parser {
  private pos = 0;
  private line = 1;
  // Next occurrence at or after pos of each special character (text.length if none). Cached so
  // that indexOf never rescans the same stretch: without this a file with no quotes (or a
  // one-column file with no delimiters) would cost O(n^2).
  private nextQuote = -1;
  private nextDelim = -1;
  private nextLf = -1;
  private readonly delimCode: number;

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly delim: string,
    private readonly quotes: boolean,
  ) {
    this.delimCode = delim.charCodeAt(0);
  }

  /** The next non-blank record, or null at EOF. Blank lines are skipped but still counted. */
  next(): RawRow | null {
    const { text } = this;
    while (this.pos < text.length) {
      const lf = this.find('\n', 'nextLf');
      const end = lf > this.pos && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
      if (end === this.pos) {
        this.pos = lf + 1;
        this.line++;
        continue;
      }
      const line = this.line;
      if (!this.quotes || this.find('"', 'nextQuote') >= end) {
        const cells = text.slice(this.pos, end).split(this.delim);
        this.pos = lf + 1;
        this.line++;
        return { line, cells };
      }
      return { line, cells: this.slowRecord() };
    }
    return null;
  }

  private find(ch: string, cache: 'nextQuote' | 'nextDelim' | 'nextLf'): number {
    if (this[cache] < this.pos) {
      const i = this.text.indexOf(ch, this.pos);
      this[cache] = i < 0 ? this.text.length : i;
    }
    return this[cache];
  }

  /** Field-by-field parse of one record that may contain quoted fields spanning lines. */
  private slowRecord(): string[] {
    const cells: string[] = [];
    for (;;) {
      const quoted = this.text.charCodeAt(this.pos) === QUOTE;
      cells.push(quoted ? this.quotedField(cells.length + 1) : this.plainField());
      // Both field readers stop on a delimiter, a line end or EOF.
      const c = this.text.charCodeAt(this.pos);
      if (c === this.delimCode) {
        this.pos++;
        continue;
      }
      if (c === CR && this.text.charCodeAt(this.pos + 1) === LF) this.pos++;
      if (this.pos < this.text.length) {
        this.pos++;
        this.line++;
      }
      return cells;
    }
  }

  private plainField(): string {
    const d = this.find(this.delim, 'nextDelim');
    const lf = this.find('\n', 'nextLf');
    let end = Math.min(d, lf);
    const start = this.pos;
    this.pos = end;
    if (end === lf && end > start && this.text.charCodeAt(end - 1) === CR) end--;
    return this.text.slice(start, end);
  }

  private quotedField(column: number): string {
    const { text, file } = this;
    const startLine = this.line;
    const parts: string[] = [];
    let pos = this.pos + 1;
    for (;;) {
      const q = text.indexOf('"', pos);
      if (q < 0) throw new ImportError('unterminated quoted field, file truncated?', { file, line: startLine });
      this.countLines(pos, q);
      parts.push(text.slice(pos, q));
      if (text.charCodeAt(q + 1) !== QUOTE) {
        pos = q + 1;
        break;
      }
      parts.push('"'); // "" is an escaped quote
      pos = q + 2;
    }
    this.pos = pos;
    this.expectFieldEnd(column);
    return parts.length === 1 ? (parts[0] as string) : parts.join('');
  }

  private countLines(from: number, to: number): void {
    for (let i = this.text.indexOf('\n', from); i >= 0 && i < to; i = this.text.indexOf('\n', i + 1)) this.line++;
  }

  /** After a closing quote only a delimiter, a line end or EOF may follow (RFC 4180). */
  private expectFieldEnd(column: number): void {
    const c = this.text.charCodeAt(this.pos);
    const ok =
      this.pos >= this.text.length ||
      c === this.delimCode ||
      c === LF ||
      (c === CR && this.text.charCodeAt(this.pos + 1) === LF);
    if (!ok) {
      const ch = JSON.stringify(this.text[this.pos]);
      throw new ImportError(`unexpected ${ch} after a closing quote (unescaped quote inside a quoted field?)`, {
        file: this.file,
        line: this.line,
        column,
      });
    }
  }
}
