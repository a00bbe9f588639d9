// Duplicate keys in JSON. JSON.parse silently keeps the last of two equal keys, so a hand-edited
// hierarchy, label file or review bundle could say one thing to a reader of the text and another to
// the app. Every JSON file we import is checked with this one scanner (pure TS: the engine uses it
// for hierarchy and label files, the renderer for review bundles it opens).

export interface DuplicateKey {
  key: string;
  /** 1-based line and column of the second occurrence. */
  line: number;
  column: number;
  /** 1-based line of the first occurrence. */
  firstLine: number;
}

/**
 * The first key that occurs twice in one object of `text`, or null. `text` must already be valid
 * JSON (call JSON.parse first): the scanner relies on that and does not re-check the grammar.
 */
export function findDuplicateKey(text: string): DuplicateKey | null {
  // One entry per open container: the keys seen (with their line) for an object, null for an array.
  const stack: (Map<string, number> | null)[] = [];
  let expectKey = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
      lineStart = i + 1;
    } else if (ch === '{') {
      stack.push(new Map());
      expectKey = true;
    } else if (ch === '[') {
      stack.push(null);
      expectKey = false;
    } else if (ch === '}' || ch === ']') {
      stack.pop();
      expectKey = false;
    } else if (ch === ',') {
      expectKey = stack[stack.length - 1] instanceof Map;
    } else if (ch === '"') {
      const end = stringEnd(text, i);
      const keys = stack[stack.length - 1];
      if (expectKey && keys) {
        const key = decodeKey(text.slice(i, end + 1));
        const first = keys.get(key);
        if (first !== undefined) return { key, line, column: i - lineStart + 1, firstLine: first };
        keys.set(key, line);
        expectKey = false;
      }
      i = end;
    }
  }
  return null;
}

/** "duplicate key "x" (first on line 3)": the reason importers put after the location. */
export function duplicateKeyReason(dup: DuplicateKey): string {
  return `duplicate key "${dup.key}" (first on line ${dup.firstLine}); JSON readers disagree on which value wins`;
}

/** Index of the closing quote of the string starting at `start` (valid JSON: no raw line breaks). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === '"') return i;
    else i++;
  }
  return text.length - 1;
}

/** "a" and "\u0061" are the same key, so escaped keys are compared decoded. */
function decodeKey(literal: string): string {
  return literal.includes('\\') ? (JSON.parse(literal) as string) : literal.slice(1, -1);
}
