// The small machinery every importer shares: a parse step that only validates (no store access),
// and a write step that replaces one dataset's rows in a table. Callers wrap writes in a transaction.
import type { Db } from '../../db/open';
import type { ImportKind } from '../../../src-shared/api';
import { ImportError } from './formats/errors';
import type { RawTable } from './formats/table';

export interface ImporterDef<R> {
  kind: ImportKind;
  defaultDataset: string;
  /** Validates and converts; throws ImportError naming file:line:column. Never touches the store. */
  parse(table: RawTable): R[];
  write(db: Db, dataset: string, rows: R[]): void;
}

/** Builds a write step that replaces `dataset`'s rows in `table`. */
export function replaceRows<R>(
  table: string,
  columns: readonly string[],
  values: (row: R) => unknown[],
  datasetColumn = 'dataset',
): ImporterDef<R>['write'] {
  return (db, dataset, rows) => {
    db.prepare(`DELETE FROM ${table} WHERE ${datasetColumn} = ?`).run(dataset);
    const placeholders = columns.map(() => '?').join(', ');
    const insert = db.prepare(
      `INSERT INTO ${table} (${datasetColumn}, ${columns.join(', ')}) VALUES (?, ${placeholders})`,
    );
    for (const row of rows) insert.run(dataset, ...values(row));
  };
}

const ONET_CODE = /^\d{2}-\d{4}\.\d{2}$/;
const SOC_CODE = /^\d{2}-\d{4}$/;

export function checkOnetCode(file: string, line: number, column: string, code: string): string {
  if (!ONET_CODE.test(code)) {
    throw new ImportError(`"${code}" is not an O*NET-SOC code (NN-NNNN.NN)`, { file, line, column });
  }
  return code;
}

export function checkSocCode(file: string, line: number, column: string, code: string): string {
  if (!SOC_CODE.test(code)) {
    throw new ImportError(`"${code}" is not a SOC code (NN-NNNN)`, { file, line, column });
  }
  return code;
}

/** Numbers that BLS suppresses are published as "*", "**" or "#": those mean "not available". */
export function parseSuppressedNumber(file: string, line: number, column: string, raw: string): number | null {
  const text = raw.trim();
  if (text === '' || /^[*#]+$/.test(text)) return null;
  const value = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(value)) {
    throw new ImportError(`"${raw}" is not a number`, { file, line, column });
  }
  return value;
}

export function checkRange(
  file: string,
  line: number,
  column: string,
  value: number,
  min: number,
  max: number,
): number {
  if (value < min || value > max) {
    throw new ImportError(`${value} is outside ${min}..${max}`, { file, line, column });
  }
  return value;
}
