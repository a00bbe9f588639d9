// Cuts one kind of element (<row>…</row>, <si>…</si>) out of XML arriving in chunks, on bytes,
// without holding more than the element in progress. Everything between elements is dropped as
// it streams past, so a part of any size costs one element's memory. Only what Excel writes is
// understood: no CDATA or comments containing the tag (raw "<" cannot appear in text content).

const GT = 0x3e;
const SLASH = 0x2f;

/** Bytes that may follow "<tag" in a start tag of exactly that name (not <rowBreaks, <sheetData). */
function endsName(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === GT || c === SLASH;
}

export class ElementScanner {
  private buf = Buffer.allocUnsafe(1 << 16);
  private len = 0;
  /** Where the next search starts. */
  private pos = 0;
  /** Start of the element in progress, or -1 between elements. */
  private start = -1;
  /** The ">" that ends its start tag, or -1 while that is still to come. */
  private openEnd = -1;
  private readonly open: Buffer;
  private readonly close: Buffer;

  /**
   * onElement gets each whole element (start tag to end tag) as a view into the scanner's buffer,
   * valid only during the call; tooBig is called (and must throw) when an element in progress
   * exceeds maxElement bytes, with the element's first bytes.
   */
  constructor(
    tag: string,
    private readonly maxElement: number,
    private readonly onElement: (element: Buffer) => void,
    private readonly tooBig: (head: Buffer) => never,
  ) {
    this.open = Buffer.from('<' + tag);
    this.close = Buffer.from('</' + tag + '>');
  }

  push(chunk: Uint8Array): void {
    this.append(chunk);
    while (this.step());
    this.compact();
    if (this.start >= 0 && this.len - this.start > this.maxElement) this.tooBig(this.head());
  }

  /** The start of an element left unterminated at the end of the part, or null. */
  end(): Buffer | null {
    return this.start >= 0 ? this.head() : null;
  }

  private head(): Buffer {
    return this.buf.subarray(this.start, Math.min(this.len, this.start + 256));
  }

  /** Advances by one found piece (a start, a start tag's end, an element); false when data runs out. */
  private step(): boolean {
    const view = this.buf.subarray(0, this.len);
    if (this.start < 0) {
      const i = view.indexOf(this.open, this.pos);
      if (i < 0) {
        this.pos = Math.max(this.pos, this.len - this.open.length + 1);
        return false;
      }
      const after = i + this.open.length;
      this.pos = i;
      if (after >= this.len) return false; // the byte that tells "<row" from "<rowBreaks" is still to come
      this.pos = after;
      if (!endsName(view[after])) return true;
      this.start = i;
    }
    if (this.openEnd < 0) {
      const gt = view.indexOf(GT, this.pos);
      if (gt < 0) {
        this.pos = this.len;
        return false;
      }
      this.openEnd = gt;
      this.pos = gt + 1;
      if (view[gt - 1] === SLASH) return this.emit(gt + 1); // <row .../>
    }
    const c = view.indexOf(this.close, this.pos);
    if (c < 0) {
      this.pos = Math.max(this.pos, this.len - this.close.length + 1);
      return false;
    }
    return this.emit(c + this.close.length);
  }

  private emit(end: number): true {
    if (end - this.start > this.maxElement) this.tooBig(this.head());
    this.onElement(this.buf.subarray(this.start, end));
    this.start = -1;
    this.openEnd = -1;
    this.pos = end;
    return true;
  }

  /** Drops the bytes no search can need again: before the element in progress, or before pos. */
  private compact(): void {
    const keep = this.start >= 0 ? this.start : Math.min(this.pos, this.len);
    if (keep === 0) return;
    this.buf.copy(this.buf, 0, keep, this.len);
    this.len -= keep;
    this.pos -= keep;
    if (this.start >= 0) this.start -= keep;
    if (this.openEnd >= 0) this.openEnd -= keep;
  }

  private append(chunk: Uint8Array): void {
    if (this.len + chunk.length > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + chunk.length));
      this.buf.copy(bigger, 0, 0, this.len);
      this.buf = bigger;
    }
    this.buf.set(chunk, this.len);
    this.len += chunk.length;
  }
}
