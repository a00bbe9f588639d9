// Renders tables in the requested formats, as bytes per relative path; staging.ts writes them so
// that the export folder appears only complete.
import { codebook, tableToCsv } from './text';
import { rLoader } from './r-loader';
import { writeDta } from './dta';
import { writeParquet } from './parquet';
import type { Table } from './table';

export type ExportFormat = 'csv' | 'parquet' | 'dta' | 'r';

export interface Rendered {
  /** Relative path -> bytes, in write order. */
  files: Map<string, Buffer>;
  /** Table name -> columns truncated in its .dta file. */
  truncated: Map<string, string[]>;
}

export function renderFiles(tables: Table[], formats: ExportFormat[], title: string, now: Date): Rendered {
  const files = new Map<string, Buffer>();
  const truncated = new Map<string, string[]>();
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  // Provenance in every Parquet footer; manifest.json next to the files has the full record.
  const provenance = { 'task_atlas.export': title, 'task_atlas.exported_at': now.toISOString() };
  for (const t of tables) {
    if (formats.includes('csv')) files.set(`csv/${t.name}.csv`, utf8(tableToCsv(t, 'csv')));
    if (formats.includes('r')) files.set(`r/${t.name}.csv`, utf8(tableToCsv(t, 'r')));
    if (formats.includes('dta')) {
      const dta = writeDta(t, now);
      files.set(`dta/${t.name}.dta`, dta.bytes);
      if (dta.truncated.length > 0) truncated.set(t.name, dta.truncated);
    }
    if (formats.includes('parquet')) files.set(`parquet/${t.name}.parquet`, writeParquet(t, 'task-atlas', provenance));
  }
  const book = utf8(codebook(tables, title, truncated));
  files.set('codebook.md', book);
  if (formats.includes('r')) {
    files.set('r/codebook.md', book);
    files.set('r/load_tables.R', utf8(rLoader(tables)));
  }
  return { files, truncated };
}
