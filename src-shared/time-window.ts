// A run's time window (a date range of conversation timestamps, Appendix E) and the time span its
// classified conversations actually cover, in the words every report, caption and manifest uses.

export interface TimeWindow {
  /** First day included, YYYY-MM-DD. */
  from?: string;
  /** Last day included, YYYY-MM-DD. */
  to?: string;
}

export interface TimeSpan {
  /** The run's window; null when it covers every conversation of its datasets. */
  window: TimeWindow | null;
  /** Earliest and latest readable timestamp (UTC) among the run's classified conversations. */
  first: string | null;
  last: string | null;
  dated: number;
  /** Classified conversations without a readable timestamp (none when a window is set: it leaves them out). */
  undated: number;
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (2024-02-30 is not one). */
export function isDay(s: string): boolean {
  if (!DATE_PATTERN.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function windowText(w: TimeWindow | null): string {
  if (w === null || (w.from === undefined && w.to === undefined)) return 'all dates';
  if (w.from !== undefined && w.to !== undefined) return `${w.from} to ${w.to}`;
  return w.from !== undefined ? `from ${w.from}` : `up to ${w.to}`;
}

/** "Time window: 2024-12-01 to 2024-12-31; conversations from 2024-12-01 to 2024-12-30 (400 dated, 0 without a timestamp)". */
export function timeSpanText(t: TimeSpan | null | undefined): string {
  if (t === null || t === undefined) return 'Time span: not recorded (report made before time spans were)';
  const span = t.first !== null && t.last !== null ? `conversations from ${t.first.slice(0, 10)} to ${t.last.slice(0, 10)}` : 'no conversation has a readable timestamp';
  return `Time window: ${windowText(t.window)}; ${span} (${t.dated} dated, ${t.undated} without a timestamp)`;
}
