// The text outputs. CSV (RFC 4180: CRLF line ends, fields with comma, quote or line break quoted,
// quotes doubled), UTF-8; the "r" variant writes NA for missing values and snake_case column names,
// which is what read.csv / readr expect without extra arguments. codebook.md: every table and column
// with its type, meaning and units, plus what a Stata user needs to know (names, truncated text).
import { snakeCase, type Table } from './table';
import { stataName, STATA_MAX_STR } from './dta';
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
    'Each table is exported as `csv/<table>.csv` (camelCase columns, empty = missing), `r/<table>.csv`',
    '(snake_case columns, `NA` = missing), `dta/<table>.dta` (Stata 14+, format 118; missing = `.`) and',
    '`parquet/<table>.parquet` (optional UTF8 and DOUBLE columns; missing = null), for the formats requested.',
    `Stata string variables hold at most ${STATA_MAX_STR} bytes: longer text is truncated in the .dta files only.`,
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
    lines.push(`| ${c.name} | ${names} | ${c.type} | ${escape(c.meaning)} | ${c.units ?? ''} |`);
  }
  if (truncated.length > 0) {
    lines.push('', `Truncated to ${STATA_MAX_STR} bytes in the .dta file: ${truncated.map((n) => `\`${n}\``).join(', ')}.`);
  }
  lines.push('');
  return lines;
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|');
}
