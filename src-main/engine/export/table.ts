// A flat export table: named, typed and described columns over rows of strings and numbers. Every
// writer (CSV, R, Stata, Parquet) and the codebook work from this one description, so they cannot
// disagree about what a column is.
export type Cell = string | number | null | undefined;

/** "integer" columns hold whole numbers only (counts, zones, whole dollars); writers check it. */
export type ColumnType = 'string' | 'number' | 'integer';

export interface Column {
  /** camelCase, as the CLI's --json keys; writers that need snake_case derive it. */
  name: string;
  type: ColumnType;
  meaning: string;
  /** Unit of a number ("percent", "USD per year", "0..1", "count"); empty for strings. */
  units?: string;
  /**
   * A categorical column: its levels in their natural order (values not listed follow in order of
   * appearance). Stata gets value labels: a string column is stored as codes 1..n labelled with the
   * text; an integer column keeps its values and gets `valueLabels`.
   */
  levels?: readonly string[];
  /** Value labels of an integer categorical column (value -> text). */
  valueLabels?: ReadonlyMap<number, string>;
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
export const int = (name: string, meaning: string, units: string): Column => ({ name, type: 'integer', meaning, units });
/** A categorical text column (collaboration pattern, composition level, ...). */
export const cat = (name: string, meaning: string, levels: readonly string[] = []): Column => ({ name, type: 'string', meaning, levels });

/**
 * An integer column when every value is whole, else a number column: for amounts that are whole
 * in the published data (wages in dollars) but need not be in a user's own files.
 */
export function wholeOr(column: Column, values: Cell[]): Column {
  const whole = values.every((v) => isMissing(v) || (typeof v === 'number' && Number.isSafeInteger(v)));
  return { ...column, type: whole ? 'integer' : 'number' };
}

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

/**
 * The values of an integer column, checked: a fraction or text there is a bug in the table's
 * declaration, and writing it as a rounded number would silently change the data.
 */
export function integerValues(t: Table, col: number): (number | null)[] {
  const c = t.columns[col]!;
  return t.rows.map((row, r) => {
    const v = row[col];
    if (isMissing(v)) return null;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
      throw new Error(`export table ${t.name}, row ${r + 1}: column ${c.name} is an integer column but holds ${JSON.stringify(v)}`);
    }
    return v;
  });
}

/** The levels of a categorical text column: the declared ones, then any other value in order of appearance. */
export function categoryLevels(t: Table, col: number): string[] {
  const levels = [...(t.columns[col]!.levels ?? [])];
  const seen = new Set(levels);
  for (const row of t.rows) {
    const v = row[col];
    if (isMissing(v)) continue;
    const s = String(v);
    if (!seen.has(s)) {
      seen.add(s);
      levels.push(s);
    }
  }
  return levels;
}
