// The one CSV cell rule every writer uses (engine export, CLI `--out`, chart downloads in the app).
// A spreadsheet runs a cell that starts with =, +, -, @, tab or carriage return as a formula, so a
// model name like =HYPERLINK(…) or an account id like =cmd|' /C calc'!A0 would execute when a
// reviewer opens the file. Following OWASP's CSV-injection advice, such a text cell gets a leading
// single quote ('), which spreadsheets show as text. Numbers (and text that is entirely a finite
// number, such as "-5" or "+3.2e4") are left alone so negative values stay numeric.

export type CsvCell = string | number | null | undefined;

/** Characters that make a spreadsheet evaluate the cell. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number with optional sign and exponent; nothing else (no spaces, commas, hex). */
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** True for text that parses entirely as a finite number ("-5", "+3.2e4"; not "1e999", "-", "-1,5"). */
export function isNumericText(text: string): boolean {
  return NUMBER_TEXT.test(text) && Number.isFinite(Number(text));
}

/** True when a spreadsheet would run this (unquoted) cell text as a formula. */
export function isFormulaCell(text: string): boolean {
  return FORMULA_START.test(text) && !isNumericText(text);
}

/** The text as a spreadsheet will read it as text: a leading ' when it would otherwise be a formula. */
export function neutraliseFormula(text: string): string {
  return isFormulaCell(text) ? `'${text}` : text;
}

/**
 * One RFC 4180 field: missing (null, undefined, a non-finite number) is `missing`; a number is
 * written as is; text is neutralised, then quoted when it holds a comma, quote or line break.
 */
export function csvField(cell: CsvCell, missing = ''): string {
  if (cell === null || cell === undefined) return missing;
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : missing;
  const safe = neutraliseFormula(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
