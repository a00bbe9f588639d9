// The one error type every importer throws for bad input. The message is always
// "file:line:column: reason" so a user (or an editor) can jump straight to the spot; the
// structured fields let the UI show the same location without re-parsing the message.

export interface ImportLocation {
  file: string;
  /** 1-based physical line (text files) or sheet row number (.xlsx). */
  line?: number;
  /** 1-based column index, or the column's header name. */
  column?: number | string;
}

export class ImportError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly column?: number | string;
  readonly reason: string;

  constructor(reason: string, loc: ImportLocation) {
    super(formatLocation(loc) + ': ' + reason);
    this.name = 'ImportError';
    this.file = loc.file;
    this.reason = reason;
    // Only set the optional fields when present, so `'line' in err` and deep-equality in tests
    // behave the same as for a location that never had them.
    if (loc.line !== undefined) this.line = loc.line;
    if (loc.column !== undefined) this.column = loc.column;
  }
}

/** "file", "file:12" or "file:12:Task ID"; a column without a line is still shown. */
export function formatLocation(loc: ImportLocation): string {
  let s = loc.file;
  if (loc.line !== undefined) s += ':' + loc.line;
  if (loc.column !== undefined) s += ':' + loc.column;
  return s;
}
