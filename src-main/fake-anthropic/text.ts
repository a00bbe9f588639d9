// Word-level helpers behind the rule-based answers: tokenising, overlap scores and names built
// from frequent words. Everything here is deterministic (ties break alphabetically), because tests
// of the product compare whole runs against each other.

const STOPWORDS = new Set(
  `a about above after again all also an and any are as at be been being both but by can could did do does
  doing done during each either etc for from further had has have having her here hers him his how i if in
  into is it its itself just me more most my no nor not of off on once only or other our out over own per
  same she should so some such than that the their them then there these they this those through to too
  under until up upon use used using very via was we were what when where which while who whom why will
  with within without would you your yours e.g i.e related relevant various other others including include
  includes such may might must shall one two three new`.split(/\s+/),
);

/** Lower-case alphanumeric words, in order. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9][a-z0-9'-]*/g) ?? [];
}

/** Crude singular form, so that "budgets" and "budget" count as the same word. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function isContentWord(word: string): boolean {
  return word.length >= 3 && !STOPWORDS.has(word) && !/^\d+$/.test(word);
}

/** Stemmed content words as a set: the unit of every overlap score. */
export function contentSet(text: string): Set<string> {
  return new Set(words(text).filter(isContentWord).map(stem));
}

export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = overlap(a, b);
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** Plain code-unit comparison: locale-independent, so runs agree across machines. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Most frequent items first, ties alphabetical. */
export function byFrequency(items: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts.entries()].sort((x, y) => y[1] - x[1] || compareText(x[0], y[0])).map(([w]) => w);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function joinWords(list: readonly string[]): string {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/**
 * An imperative task name from the most frequent words of some task texts, e.g. "Coordinate
 * budgets, staff and schedules": the commonest leading verb, then the `size` commonest content words.
 */
export function nameFrom(texts: readonly string[], size = 3): string {
  const leading = texts.map((t) => words(t)[0]).filter((w): w is string => w !== undefined && isContentWord(w));
  const verb = byFrequency(leading)[0] ?? 'perform';
  const rest = texts.flatMap((t) => words(t).slice(1)).filter((w) => isContentWord(w) && w !== verb);
  const top = byFrequency(rest).slice(0, size);
  return `${capitalise(verb)} ${top.length > 0 ? joinWords(top) : 'related occupational activities'}`;
}

/** A one-sentence description naming how many tasks a group covers and one example. */
export function describe(texts: readonly string[]): string {
  const example = (texts[0] ?? '').trim().replace(/[.\s]+$/, '');
  if (!example) return 'Covers related occupational activities.';
  const lowered = example.charAt(0).toLowerCase() + example.slice(1);
  const n = texts.length;
  return `Covers ${n} related task${n === 1 ? '' : 's'}, for example to ${lowered}.`;
}

/** Text between the first <tag …> and its matching first </tag>, or null. */
export function firstBlock(text: string, tag: string): string | null {
  const open = new RegExp(`<${tag}(?:\\s[^>]*)?>`).exec(text);
  if (!open) return null;
  const start = open.index + open[0].length;
  const close = text.indexOf(`</${tag}>`, start);
  return close < 0 ? null : text.slice(start, close);
}

/** All `<tag attrs>body</tag>` elements with their id attribute (if any). */
export function elements(text: string, tag: string): { id: string | null; body: string }[] {
  const out: { id: string | null; body: string }[] = [];
  const re = new RegExp(`<${tag}((?:\\s[^>]*)?)>([\\s\\S]*?)</${tag}>`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const id = /\bid="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? null;
    out.push({ id, body: m[2] ?? '' });
  }
  return out;
}
