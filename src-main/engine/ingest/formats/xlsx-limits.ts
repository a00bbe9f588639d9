// How much one .xlsx may make the reader hold. The largest sheet we know (O*NET Skills.xlsx)
// inflates to 35 MB, ~62K rows × 15 columns at ~11:1; the limits leave room for real data many
// times that size while keeping a hostile file (a zip bomb, a cell at column ZZZZZZZZ) far from
// exhausting memory. Rows and columns are Excel's own maxima: no real sheet exceeds them.
import type { ZipLimits } from './zip';

export interface XlsxLimits extends ZipLimits {
  /** Data rows (after the header). */
  rows: number;
  /** Columns, so also the header's width (A … XFD). */
  columns: number;
  /** Rows × header width: the cells the table will hold. */
  cells: number;
  /** The XML of one row (or one shared string). */
  elementBytes: number;
  /** Entries in the shared-strings table. */
  sharedStrings: number;
  /** workbook.xml and its relationships, which are read whole. */
  metaBytes: number;
}

const MB = 2 ** 20;

export const XLSX_LIMITS: XlsxLimits = {
  partBytes: 200 * MB,
  fileBytes: 300 * MB,
  ratio: 200,
  ratioFloor: 10 * MB,
  rows: 1_048_576,
  columns: 16_384,
  cells: 20_000_000,
  elementBytes: 32 * MB,
  sharedStrings: 4_000_000,
  metaBytes: 16 * MB,
};
