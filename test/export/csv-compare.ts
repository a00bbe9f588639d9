// The CSV side of independent-readers.test.ts: an RFC 4180 parser written from the RFC (not the
// writer), the column types the codebook states, and the rule for "the same cell" in two formats.
export type ColumnType = 'string' | 'number' | 'integer' | 'categorical';

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      // A quoted field runs to the next quote not followed by a second one.
      for (i++; i < text.length; i++) {
        if (text[i] === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (text[i] === '"') break;
        else field += text[i];
      }
      i++;
    } else if (ch === ',') { row.push(field); field = ''; i++; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; }
    else { field += ch; i++; }
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

/** Table -> its columns (camelCase name, type) from the codebook's "## table" sections. */
export function codebookTypes(codebook: string): Map<string, { name: string; type: ColumnType }[]> {
  const out = new Map<string, { name: string; type: ColumnType }[]>();
  let current: { name: string; type: ColumnType }[] | null = null;
  for (const line of codebook.split('\n')) {
    const heading = /^## (\S+)$/.exec(line);
    if (heading) out.set(heading[1]!, (current = []));
    const cells = line.split(' | ');
    if (current && line.startsWith('| ') && cells.length >= 5 && !line.startsWith('| column ')) {
      current.push({ name: cells[0]!.slice(2), type: cells[2] as ColumnType });
    }
  }
  return out;
}

/**
 * A reader's value equals the CSV text: empty is missing (a missing text may come back as "" where
 * the format has no missing text, as in Stata), numbers compare as numbers, and a CSV text cell may
 * carry the leading quote that defuses spreadsheet formulas.
 */
export function sameCell(type: ColumnType, csv: string, value: string | number | null | undefined): boolean {
  if (type === 'integer' || type === 'number') {
    if (csv === '') return value === null || value === undefined;
    return typeof value === 'number' && value === Number(csv) && (type === 'number' || Number.isInteger(value));
  }
  if (value === null || value === undefined) return csv === '';
  return typeof value === 'string' && (value === csv || (csv.startsWith("'") && csv.slice(1) === value));
}
