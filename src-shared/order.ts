// Orders for sorted tables, fast enough for the 18K tasks of a large run.

/**
 * The same order as a.localeCompare(b) (the default locale's collation), from one collator:
 * localeCompare looks its collator up on every call, about four times slower, and tie-breaks by
 * name among thousands of tasks added up to tenths of a second.
 */
export const compareText: (a: string, b: string) => number = new Intl.Collator().compare;

/** [...items].sort(cmp).slice(0, k) — the same elements in the same order, ties kept in input order — without sorting them all. */
export function topK<T>(items: Iterable<T>, k: number, cmp: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  for (const x of items) offer(top, k, x, cmp);
  return top;
}

/** Adds x to `top` (at most k, sorted by cmp) when it belongs there, after any equal to it. */
export function offer<T>(top: T[], k: number, x: T, cmp: (a: T, b: T) => number): void {
  if (k <= 0 || (top.length === k && cmp(x, top[k - 1]!) >= 0)) return;
  let i = top.length;
  while (i > 0 && cmp(x, top[i - 1]!) < 0) i--;
  top.splice(i, 0, x);
  if (top.length > k) top.pop();
}
