// Small, dependency-free HTML building helpers for the offline report. Everything that came from
// data goes through escapeHtml; JSON embedded in a <script> goes through jsonForScript.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * JSON that is safe inside a <script> element: `<` is written as \u003c so no `</script>` (or
 * `<!--`) can end or confuse the element; U+2028/U+2029 are escaped for old JS parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Third-party JavaScript inlined into a <script> element: a literal `</script` (any case) would
 * close the element early. In JS source it can only occur inside a string, template or regex,
 * where `<\/script` means the same thing.
 */
export function scriptForInline(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1');
}

/** Paragraphs from plain text: blank lines separate paragraphs; single newlines are kept as spaces. */
export function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim().replace(/\s*\n\s*/g, ' '))
    .filter((p) => p.length > 0)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}
