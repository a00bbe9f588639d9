// A flat export table: named, typed and described columns over rows of strings and numbers. Every
// writer (CSV, R, Stata, Parquet) and the codebook work from this one description, so they cannot
// disagree about what a column is.
export type Cell = string | number | null | undefined;

export interface Column {
  /** camelCase, as the CLI's --json keys; writers that need snake_case derive it. */
  name: string;
  type: 'string' | 'number';
  meaning: string;
  /** Unit of a number ("percent", "USD per year", "0..1", "count"); empty for strings. */
  units?: string;
}

export interface Table {
  /** File stem, snake_case (e.g. "top_tasks"). */
  name: string;
  description: string;
  columns: Column[];
  rows: Cell[][];
}

export const str = (name: string, meaning: string): Column => ({ name, type: 'string', meaning });
export const num = (name: string, meaning: string, units: string): Column => ({ name, type: 'number', meaning, units });

export function table(name: string, description: string, columns: Column[], rows: Cell[][]): Table {
  return { name, description, columns, rows };
}

/** "usagePct" -> "usage_pct": R and Stata users expect snake_case identifiers. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]/g, '_')
    .toLowerCase();
}

/** A missing value is null, undefined or a non-finite number: all writers agree on this. */
export function isMissing(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'number' && !Number.isFinite(cell));
}
