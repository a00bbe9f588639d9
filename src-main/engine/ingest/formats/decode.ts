// Strict text decoding for imported files. Public data sets arrive as UTF-8, but users re-save
// them in Excel (Windows-1252) or Notepad (UTF-16); silently decoding those would corrupt task
// text and break joins on titles, so anything that is not clean UTF-8 is rejected with a
// location and a hint on how to fix the file.
import { ImportError } from './errors';

// fatal: throw instead of inserting U+FFFD; ignoreBOM: we strip the BOM ourselves, explicitly.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const SNIFF_BYTES = 4096;

export function decodeText(file: string, bytes: Uint8Array): string {
  if (looksUtf16OrBinary(bytes)) {
    throw new ImportError('file is UTF-16 (or binary); save it as UTF-8', { file, line: 1 });
  }
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  try {
    return utf8.decode(body);
  } catch {
    // Slow path, only on failure: find the exact byte so the message can point at it.
    throw invalidUtf8Error(file, body);
  }
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

function looksUtf16OrBinary(b: Uint8Array): boolean {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return true;
  // UTF-16 text without a BOM has a NUL in every other byte of ASCII; real text never has NULs.
  const end = Math.min(b.length, SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (b[i] === 0) return true;
  return false;
}

function invalidUtf8Error(file: string, b: Uint8Array): ImportError {
  const at = firstInvalidUtf8(b);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (b[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Column in characters, not bytes: count every byte that is not a UTF-8 continuation byte.
  let column = 1;
  for (let i = lineStart; i < at; i++) if (((b[i] ?? 0) & 0xc0) !== 0x80) column++;
  const byte = b[at];
  const reason =
    byte === undefined
      ? 'invalid UTF-8'
      : `invalid UTF-8 byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} ` +
        '(is the file Latin-1/Windows-1252? save it as UTF-8)';
  return new ImportError(reason, { file, line, column });
}

/**
 * Offset of the lead byte of the first malformed sequence, or b.length if there is none.
 * Follows the Unicode "well-formed UTF-8" table, so overlongs, surrogates and code points
 * above U+10FFFF are rejected where TextDecoder rejects them.
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    // The second byte has a narrower range for a few lead bytes (overlong / surrogate / > U+10FFFF).
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    // A sequence cut off by EOF is reported at its lead byte too (a Latin-1 'é' as last byte).
    if (i + len > n) return i;
    const c1 = b[i + 1] as number;
    if (c1 < lo || c1 > hi) return i;
    for (let k = 2; k < len; k++) if (((b[i + k] as number) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return n;
}
