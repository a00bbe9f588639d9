// Small integer codes for the elements of a JSON array of strings and nulls, as SQLite's
// json_group_array writes a column, read straight from its text. JSON.parse of a million-element
// array made a million strings that all lived until the array was coded: they outgrew the young
// generation and cost about as much garbage collection as the parse itself. Here each element is
// sliced, coded and dropped at once; JSON.parse is kept for the rare element with an escape.

/** Small integer codes for strings, in order of first sight. */
export class Codes {
  readonly names: string[] = [];
  private readonly byName = new Map<string, number>();

  private last: string | undefined;
  private lastCode = -1;

  code(name: string): number {
    // Runs of one value (a dataset's single model) skip the hash lookup.
    if (name === this.last) return this.lastCode;
    let c = this.byName.get(name);
    if (c === undefined) {
      c = this.names.length;
      this.byName.set(name, c);
      this.names.push(name);
    }
    this.last = name;
    this.lastCode = c;
    return c;
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const CLOSE = 93;
const N = 110;
const OPEN = 91;

/**
 * Calls onElement(i, code) for each element of `json`, a JSON array of strings and nulls: the
 * string's code in `codes`, or -1 for null. Returns the number of elements. Scanned a character at
 * a time: String.prototype.indexOf from a position, once optimised, took time proportional to the
 * whole text on some calls (a 1M-element array then took minutes instead of a tenth of a second).
 */
export function codeJsonArray(json: string, codes: Codes, onElement: (index: number, code: number) => void): number {
  if (json.charCodeAt(0) !== OPEN) throw new Error('expected a JSON array from the database');
  const length = json.length;
  let n = 0;
  let i = 1;
  while (i < length && json.charCodeAt(i) !== CLOSE) {
    const c = json.charCodeAt(i);
    if (c === N && json.startsWith('null', i)) {
      onElement(n++, -1);
      i += 4;
    } else if (c === QUOTE) {
      // To the closing quote; a backslash escapes the next character, and such a string is decoded by JSON.parse.
      let end = i + 1;
      let escaped = false;
      for (let ch = json.charCodeAt(end); ch !== QUOTE; ch = json.charCodeAt(++end)) {
        if (end >= length) throw new Error('unterminated string in a JSON array read from the database');
        if (ch === BACKSLASH) {
          escaped = true;
          end++;
        }
      }
      end++;
      const name = escaped ? (JSON.parse(json.slice(i, end)) as string) : json.slice(i + 1, end - 1);
      onElement(n++, codes.code(name));
      i = end;
    } else throw new Error(`expected a string or null at character ${i} of a JSON array read from the database`);
    if (json.charCodeAt(i) === COMMA) i++;
  }
  return n;
}

/** Integers of a comma-separated list (group_concat of integer keys). */
export function parseKeys(list: string | null, onKey: (key: number) => void): void {
  if (list === null) return;
  let v = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === 44) {
      onKey(v);
      v = 0;
    } else v = v * 10 + c - 48;
  }
  if (list.length > 0) onKey(v);
}
