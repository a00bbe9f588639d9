// Every exported .dta and .parquet file read by readers this repo did not write: DuckDB for
// Parquet, pandas and R haven for Stata. Each must give back every cell of the CSV file, with the
// codebook's type (integers as integers, codes as text) and each format's missing value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { exportResults, ALL_FORMATS } from '../../src-main/engine/export';
import { renderFiles } from '../../src-main/engine/export/write';
import { cat, int, num, str, table } from '../../src-main/engine/export/table';
import { closeProject, type Project } from '../../src-main/engine/project';
import { runProject } from './run-fixture';
import { codebookTypes, parseCsv, sameCell, type ColumnType } from './csv-compare';

const RSCRIPT = '/usr/bin/Rscript';
const PYTHON = '/usr/bin/python3';
const LONG_MEANING = 'A count whose description runs well past the eighty characters a Stata variable label may hold, to test the cut';

// Missing values of every type, a code that looks like a number, an integer beyond Stata's long
// and Parquet's INT32, a categorical column with a level not declared and a long variable label.
const edge = table('edge_cases', 'Missing values and integer types', [
  str('code', 'SOC code'),
  int('conversations', LONG_MEANING, 'count'),
  int('employment', 'Workers', 'workers'),
  num('pct', 'A share', 'percent'),
  cat('pattern', 'Collaboration pattern', ['directive', 'learning']),
  { ...int('zone', 'Job Zone', '1..5'), valueLabels: new Map([[1, 'Little'], [5, 'Extensive']]) },
], [
  ['11', 3, 5_000_000_000, 1.25, 'directive', 1],
  ['15-1252.00', null, -7, null, null, 5],
  [null, 40000, null, -0.5, 'validation', null],
  ['0011', 0, 2_147_483_648, 1e-9, 'learning', 3],
]);

let tmp: string;
let project: Project;
let dirs: string[];
let duck: DuckDBConnection;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-readers-'));
  project = runProject();
  const now = new Date(Date.UTC(2025, 0, 5));
  dirs = [
    exportResults(project.db, { source: 'mini', dir: join(tmp, 'release'), formats: ALL_FORMATS, now }).dir,
    exportResults(project.db, { run: 'r', dir: join(tmp, 'run'), formats: ALL_FORMATS, now, includeAccountIds: true }).dir,
    join(tmp, 'edge'),
  ];
  for (const [path, bytes] of renderFiles([edge], ALL_FORMATS, 'edge cases', now).files) {
    mkdirSync(dirname(join(tmp, 'edge', path)), { recursive: true });
    writeFileSync(join(tmp, 'edge', path), bytes);
  }
  duck = await (await DuckDBInstance.create(':memory:')).connect();
}, 60_000);

afterAll(() => {
  closeProject(project);
  rmSync(tmp, { recursive: true, force: true });
});

interface Expected {
  dir: string;
  name: string;
  types: ColumnType[];
  header: string[];
  cells: string[][];
}

/** Every table of every export, as its CSV file and the codebook's column types. */
function expectedTables(): Expected[] {
  return dirs.flatMap((dir) => {
    const types = codebookTypes(readFileSync(join(dir, 'codebook.md'), 'utf8'));
    return readdirSync(join(dir, 'csv')).map((file) => {
      const name = file.replace(/\.csv$/, '');
      const [header, ...cells] = parseCsv(readFileSync(join(dir, 'csv', file), 'utf8'));
      const t = types.get(name);
      if (!t) throw new Error(`${dir}: table ${name} is not in the codebook`);
      expect(t.map((c) => c.name), `${name}: codebook columns`).toEqual(header);
      return { dir, name, types: t.map((c) => c.type), header: header!, cells };
    });
  });
}

describe('independent readers', () => {
  it('cover tables with missing values of every type and integer columns', () => {
    const all = expectedTables();
    expect(all.length).toBeGreaterThan(20);
    const missingIn = new Set(all.flatMap((t) => t.types.filter((_, i) => t.cells.some((r) => r[i] === ''))));
    expect([...missingIn].sort()).toEqual(['categorical', 'integer', 'number', 'string']);
  });

  it('DuckDB reads every Parquet file: same cells as the CSV, integers as INTEGER/BIGINT, text as VARCHAR, missing as NULL', async () => {
    const sqlType: Record<ColumnType, RegExp> = { integer: /^(INTEGER|BIGINT)$/, number: /^DOUBLE$/, string: /^VARCHAR$/, categorical: /^VARCHAR$/ };
    for (const t of expectedTables()) {
      const file = join(t.dir, 'parquet', `${t.name}.parquet`).replace(/'/g, "''");
      const described = (await duck.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRows();
      described.forEach((d, i) => expect(String(d[1]), `${t.name}.${t.header[i]}`).toMatch(sqlType[t.types[i]!]));
      const rows = (await duck.runAndReadAll(`SELECT * FROM read_parquet('${file}')`)).getRows();
      expect(rows.length, t.name).toBe(t.cells.length);
      rows.forEach((row, r) => row.forEach((v, i) => {
        const value = typeof v === 'bigint' ? Number(v) : (v as string | number | null);
        expect(sameCell(t.types[i]!, t.cells[r]![i]!, value), `${t.name} row ${r + 1} ${t.header[i]}: ${String(value)} vs CSV "${t.cells[r]![i]}"`).toBe(true);
      }));
    }
  });

  it('DuckDB finds Snappy pages, null counts, min/max statistics and the labels in the footer', async () => {
    const file = join(dirs[2]!, 'parquet', 'edge_cases.parquet');
    const meta = (await duck.runAndReadAll(`SELECT path_in_schema, compression, stats_null_count, stats_min_value, stats_max_value FROM parquet_metadata('${file}')`)).getRows();
    expect(meta.map((m) => [m[0], m[1], Number(m[2]), m[3], m[4]])).toEqual([
      ['code', 'SNAPPY', 1, '0011', '15-1252.00'],
      ['conversations', 'SNAPPY', 1, '0', '40000'],
      ['employment', 'SNAPPY', 1, '-7', '5000000000'],
      ['pct', 'SNAPPY', 1, '-0.5', '1.25'],
      ['pattern', 'SNAPPY', 1, 'directive', 'validation'],
      ['zone', 'SNAPPY', 1, '1', '5'],
    ]);
    const kv = new Map((await duck.runAndReadAll(`SELECT decode(key), decode(value) FROM parquet_kv_metadata('${file}')`)).getRows().map((r) => [String(r[0]), String(r[1])]));
    expect(JSON.parse(kv.get('task_atlas.column.conversations')!)).toEqual({ label: LONG_MEANING, units: 'count', type: 'integer' });
    expect(kv.get('task_atlas.export')).toBe('edge cases');
    expect(kv.get('task_atlas.exported_at')).toBe('2025-01-05T00:00:00.000Z');
  });

  it('pandas read_stata reads every .dta file: same cells as the CSV, integers as int dtypes, missing as NaN', () => {
    const tables = expectedTables();
    const paths = tables.map((t) => join(t.dir, 'dta', `${t.name}.dta`));
    const read = JSON.parse(execFileSync(PYTHON, [join(__dirname, 'read_dta.py'), ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 })) as Record<string, PandasFile>;
    tables.forEach((t, k) => {
      const f = read[paths[k]!]!;
      t.types.forEach((type, i) => {
        const col = f.columns[i]!;
        const values = f.rows.map((row) => row[i] ?? null);
        const where = `${t.name}.${t.header[i]} (${col.dtype})`;
        expect(col.dtype, where).toMatch(pandasType(type, values));
        expect([...col.label].length, where).toBeLessThanOrEqual(80);
        const labels = f.valueLabels[col.name];
        if (type === 'categorical') expect(labels, where).toBeDefined();
        values.forEach((v, r) => {
          const value = type === 'categorical' && v !== null ? labels![String(v)]! : v;
          expect(sameCell(type, t.cells[r]![i]!, value), `${where} row ${r + 1}: ${String(value)} vs CSV "${t.cells[r]![i]}"`).toBe(true);
        });
      });
    });
    const edgeFile = read[join(dirs[2]!, 'dta', 'edge_cases.dta')]!;
    expect(edgeFile.columns[1]!.label).toBe('A count whose description runs well past the eighty characters a Stata variable…');
    expect(edgeFile.valueLabels.zone).toEqual({ 1: 'Little', 5: 'Extensive' });
  });

  it('R haven::read_dta reads every .dta file: same cells as the CSV, missing as NA', () => {
    if (!existsSync(RSCRIPT)) throw new Error(`${RSCRIPT} not found: install R with haven and jsonlite (Debian: r-base-core r-cran-haven r-cran-jsonlite)`);
    const tables = expectedTables();
    const paths = tables.map((t) => join(t.dir, 'dta', `${t.name}.dta`));
    const read = JSON.parse(execFileSync(RSCRIPT, [join(__dirname, 'read_dta.R'), ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 })) as Record<string, RColumn[]>;
    tables.forEach((t, k) => {
      const cols = read[paths[k]!]!;
      t.types.forEach((type, i) => {
        const col = cols[i]!;
        const where = `${t.name}.${t.header[i]} (${col.class})`;
        // haven gives labelled variables (categorical text, zones) the class haven_labelled over double.
        if (type === 'categorical') expect(col.valueLabels, where).not.toBeNull();
        expect(col.class, where).toBe(type === 'string' ? 'character' : col.valueLabels ? 'double' : 'numeric');
        const values = Array.isArray(col.values) ? col.values : [col.values];
        expect(values.length, where).toBe(t.cells.length);
        values.forEach((text, r) => {
          const v = type === 'string' || text === null ? text : Number(text);
          const value = type === 'categorical' && v !== null ? col.valueLabels![String(v)]! : v;
          expect(sameCell(type, t.cells[r]![i]!, value), `${where} row ${r + 1}: ${String(value)} vs CSV "${t.cells[r]![i]}"`).toBe(true);
        });
      });
    });
  });
  it('R load_tables.R reads the R CSV files with the codebook types: codes as text, integers as integer', () => {
    if (!existsSync(RSCRIPT)) throw new Error(`${RSCRIPT} not found: install R (Debian: r-base-core)`);
    const script = 'source("load_tables.R"); t <- load_tables()$edge_cases; cat(sapply(t, function(x) class(x)[1]), t$code, t$employment[1], sep = "|")';
    const out = execFileSync(RSCRIPT, ['-e', script], { cwd: join(dirs[2]!, 'r'), encoding: 'utf8' });
    expect(out).toBe('character|integer|numeric|numeric|factor|integer|11|15-1252.00|NA|0011|5e+09');
  });
});

interface PandasFile {
  columns: { name: string; dtype: string; label: string }[];
  valueLabels: Record<string, Record<string, string>>;
  rows: (string | number | null)[][];
}

interface RColumn {
  name: string;
  class: string;
  valueLabels: Record<string, string> | null;
  values: (string | number | null)[] | string | number | null;
}

/** pandas keeps Stata's byte/int/long as int8/16/32 unless a value is missing: then float64 with NaN. */
function pandasType(type: ColumnType, values: (string | number | null)[]): RegExp {
  // A table without rows gives pandas nothing to type its columns by.
  if (values.length === 0) return /^(object|int(8|16|32)|float64)$/;
  if (type === 'string') return /^object$/;
  if (type === 'number') return /^float64$/;
  const fitsLong = values.every((v) => v === null || Math.abs(v as number) < 2_147_483_620);
  return values.includes(null) || !fitsLong ? /^float64$/ : /^int(8|16|32)$/;
}
