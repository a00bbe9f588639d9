// The data behind a chart as a plain table: what "download CSV" saves and what the HTML report and
// exports print beside each figure. Every chart module exports toTable() next to toFigure().
export type Cell = string | number | null;

export interface ChartTable {
  columns: string[];
  rows: Cell[][];
}

/** RFC 4180 CSV: quote fields with commas, quotes or line breaks; null is an empty field. */
export function tableToCsv(table: ChartTable): string {
  const line = (cells: readonly Cell[]) => cells.map(csvField).join(',');
  return [line(table.columns), ...table.rows.map(line)].join('\r\n') + '\r\n';
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : cell;
  // A leading =, +, - or @ would run as a formula in a spreadsheet opened by a reviewer.
  const safe = /^[=+\-@]/.test(text) && typeof cell === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
