// Number formatting shared by the charts and the page, so a value reads the same in a label, a
// caption and a table cell. All inputs come from the report; nothing here invents a number.

/** Fixed decimals; "n/a" for values the engine could not compute (null). */
export function fmt(value: number | null, digits = 1): string {
  return value === null || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
}

/** A fraction (0..1) as a percent with trailing zeros dropped: 0.25 -> "25", 0.125 -> "12.5". */
export function fracToPct(fraction: number, digits = 1): string {
  return String(Number((fraction * 100).toFixed(digits)));
}

/** Integer with thousands separators, locale-independent so tests and screenshots are stable. */
export function fmtInt(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Shortens long labels (task statements) at a word boundary; the full text stays on hover. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Vertical room for a horizontal bar chart with `bars` rows, so labels never overlap. */
export function barChartHeight(bars: number, perBar = 26, chrome = 140): number {
  return chrome + perBar * Math.max(bars, 1);
}

/**
 * A name from the data (a task, occupation, model, run or source label) as Plotly must receive it:
 * Plotly reads a subset of HTML in every label, tick, legend entry and hover text, so a task named
 * `<a href="https://…">` would become a live link. Escaping &, < and > makes it draw literally (Plotly
 * turns the entities back into the characters). Only for figures: tables are drawn as text already.
 */
export function plainText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** plainText for a name written into a hovertemplate, where `%{` would also start a placeholder. */
export function plainHoverText(text: string): string {
  return plainText(text).replace(/%\{/g, '%\u200b{');
}
