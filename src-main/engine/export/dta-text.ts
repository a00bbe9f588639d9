// Text rules of the .dta format: byte limits that never split a UTF-8 character, and Stata's
// 80-character labels, cut on a word boundary so the label still reads as words.
export const STATA_LABEL_CHARS = 80;

/** Cut at `max` bytes without splitting a UTF-8 sequence. */
export function truncateUtf8(text: string, max: number): Buffer {
  const b = Buffer.from(text, 'utf8');
  if (b.length <= max) return b;
  let end = max;
  while (end > 0 && ((b[end] ?? 0) & 0xc0) === 0x80) end--;
  return b.subarray(0, end);
}

/**
 * A label of at most 80 characters: longer text is cut at the last space that leaves room for "…"
 * (mid-word only when a single word is longer than the limit). The codebook keeps the full text.
 */
export function stataLabel(text: string): string {
  const chars = [...text];
  if (chars.length <= STATA_LABEL_CHARS) return text;
  // A space at index 79 or before ends a word that fits, with the "…" in place of the space.
  const head = chars.slice(0, STATA_LABEL_CHARS).join('');
  const space = head.lastIndexOf(' ');
  const cut = space > 0 ? head.slice(0, space) : chars.slice(0, STATA_LABEL_CHARS - 1).join('');
  return `${cut.replace(/[\s,;:(–-]+$/u, '')}…`;
}
