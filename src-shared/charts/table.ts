// The data behind a chart as a plain table: what "download CSV" saves and what the HTML report and
// exports print beside each figure. Every chart module exports toTable() next to toFigure().
import { csvField } from '../csv-safe';

export type Cell = string | number | null;

export interface ChartTable {
  columns: string[];
  rows: Cell[][];
}

/**
 * RFC 4180 CSV: quote fields with commas, quotes or line breaks; null is an empty field. Text a
 * spreadsheet would run as a formula gets a leading ' (src-shared/csv-safe), as in every CSV we write.
 */
export function tableToCsv(table: ChartTable): string {
  const line = (cells: readonly Cell[]) => cells.map((cell) => csvField(cell)).join(',');
  return [line(table.columns), ...table.rows.map(line)].join('\r\n') + '\r\n';
}
