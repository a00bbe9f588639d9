// Reading typed numbers out of text fields, with a reason in words when they do not parse, so a
// form can disable its button and say why instead of failing on the server.

export type Parsed<T> = { ok: true; args: T } | { ok: false; error: string };

/** A whole number from a field, or why not; an empty field gives neither. */
export function intField(label: string, text: string, min: number, max?: number): { value?: number; error?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  const n = Number(trimmed);
  if (!Number.isInteger(n)) return { error: `${label} must be a whole number` };
  if (n < min) return { error: `${label} must be at least ${min}` };
  if (max !== undefined && n > max) return { error: `${label} must be at most ${max}` };
  return { value: n };
}
