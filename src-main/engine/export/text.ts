// The text outputs. CSV (RFC 4180: CRLF line ends, fields with comma, quote or line break quoted,
// quotes doubled), UTF-8; the "r" variant writes NA for missing values and snake_case column names,
// which is what read.csv / readr expect without extra arguments. codebook.md: every table and column
// with its type, meaning and units, plus what a Stata user needs to know (names, truncated text).
import { categoryLevels, snakeCase, type Table } from './table';
import { stataName, STATA_MAX_STR } from './dta';
import { STATA_LABEL_CHARS } from './dta-text';
import { csvField } from '../../../src-shared/csv-safe';

export type CsvVariant = 'csv' | 'r';

export function tableToCsv(t: Table, variant: CsvVariant): string {
  const header = t.columns.map((c) => (variant === 'r' ? snakeCase(c.name) : c.name));
  const missing = variant === 'r' ? 'NA' : '';
  // csvField also neutralises text a spreadsheet would run as a formula (see src-shared/csv-safe).
  const lines = [header.map((h) => csvField(h)), ...t.rows.map((row) => t.columns.map((_, i) => csvField(row[i], missing)))];
  return lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}


export function codebook(tables: Table[], title: string, truncated: Map<string, string[]>): string {
  const out = [
    `# Codebook: ${title}`,
    '',
    'Each table is exported as `csv/<table>.csv` (camelCase columns), `r/<table>.csv` (snake_case columns;',
    '`r/load_tables.R` reads them with the types below), `dta/<table>.dta` (Stata 14+, format 118) and',
    '`parquet/<table>.parquet` (Snappy-compressed, with column statistics; the footer\'s key-value metadata',
    'holds each column\'s label and units and the export\'s provenance), for the formats requested.',
    'Every column has the same type in every format:',
    '',
    '| type | CSV | R (load_tables.R) | Stata | Parquet |',
    '|---|---|---|---|---|',
    '| integer | whole number | integer (numeric from 2^31) | byte, int or long, the smallest that holds the column (double beyond long) | INT32, or INT64 from 2^31 |',
    '| number | decimal number | numeric | double | DOUBLE |',
    '| string | text | character | str# | BYTE_ARRAY (UTF8 / STRING) |',
    '| categorical | text | factor, levels in the order listed below | byte/int/long codes 1..n with value labels holding the text | BYTE_ARRAY (UTF8 / STRING) |',
    '| missing value | empty field (`csv/`), `NA` (`r/`) | NA | `.` (system missing; empty text in a string variable) | null |',
    '',
    'Codes (SOC, O*NET-SOC) are text in every format: read `csv/` files with the column types above (e.g.',
    '`dtype=str` in pandas), or `r/` files with `load_tables.R`, so that "11" or "15-1252.00" stay text.',
    `Stata string variables hold at most ${STATA_MAX_STR} bytes: longer text is truncated in the .dta files only.`,
    `Stata variable labels hold at most ${STATA_LABEL_CHARS} characters: a longer meaning is cut at a word boundary and ends in "…"; the meaning below is the full text.`,
    'Percentages are on a 0-100 scale; fractions on 0..1.',
    "In the CSV files a text cell that starts with =, +, -, @, a tab or a carriage return (and is not a number) is written with a leading single quote ('), so a spreadsheet shows it as text instead of running it as a formula.",
    '',
  ];
  for (const t of tables) out.push(...tableSection(t, truncated.get(t.name) ?? []));
  return out.join('\n');
}

function tableSection(t: Table, truncated: string[]): string[] {
  const lines = [`## ${t.name}`, '', t.description + '.', '', `Rows: ${t.rows.length}`, ''];
  lines.push('| column | R / Stata name | type | meaning | units |', '|---|---|---|---|---|');
  for (const c of t.columns) {
    const names = `${snakeCase(c.name)} / ${stataName(c.name)}`;
    const type = c.levels ? 'categorical' : c.type;
    lines.push(`| ${c.name} | ${names} | ${type} | ${escape(c.meaning)} | ${c.units ?? ''} |`);
  }
  const labelled = t.columns.flatMap((c, i) => {
    if (c.levels) return [`- \`${c.name}\`: ${categoryLevels(t, i).map((l, k) => `${k + 1} = ${l}`).join('; ')}`];
    if (c.valueLabels) return [`- \`${c.name}\`: ${[...c.valueLabels].map(([v, l]) => `${v} = ${l}`).join('; ')}`];
    return [];
  });
  if (labelled.length > 0) lines.push('', 'Value labels (Stata codes = text; R factor levels in this order):', '', ...labelled.map(escape));
  if (truncated.length > 0) {
    lines.push('', `Truncated to ${STATA_MAX_STR} bytes in the .dta file: ${truncated.map((n) => `\`${n}\``).join(', ')}.`);
  }
  lines.push('');
  return lines;
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|');
}
