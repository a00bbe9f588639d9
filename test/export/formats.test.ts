// Each writer read back by an independent reader: .dta (format 118) and Parquet values, names and
// types; CSV quoting and the R variant's NA and snake_case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDta, stataName, STATA_MAX_STR } from '../../src-main/engine/export/dta';
import { writeParquet } from '../../src-main/engine/export/parquet';
import { tableToCsv } from '../../src-main/engine/export/text';
import { num, str, table, type Table } from '../../src-main/engine/export/table';
import { readDta, readParquet } from './readers';

let dir: string;
const LONG = 'é'.repeat(1500); // 3000 bytes: must be cut to <= 2045 bytes on a character boundary

const sample: Table = table('sample', 'A small table, with "quotes"', [
  str('taskName', 'A name'),
  num('usagePct', 'A share', 'percent'),
  num('in', 'A reserved word as a column name', 'count'),
], [
  ['plain', 1.5, 1],
  ['comma, "quote"\nnewline', null, 2],
  [null, -0.25, Number.NaN],
  ['Ünïcödé ✓', 1e-300, 3],
]);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-formats-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function save(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('Stata .dta (format 118)', () => {
  it('reads back header, names, types and values, with system missing for nulls', () => {
    const { bytes, truncated } = writeDta(sample, new Date(Date.UTC(2025, 0, 5, 9, 7)));
    const f = readDta(save('s.dta', bytes));
    expect([f.release, f.k, f.n, f.label]).toEqual(['118', 3, 4, 'A small table, with "quotes"']);
    expect(f.names).toEqual(['task_name', 'usage_pct', 'v_in']);
    expect(f.types).toEqual([Buffer.byteLength('comma, "quote"\nnewline'), 65526, 65526]);
    expect(f.formats[1]).toBe('%10.0g');
    expect(f.rows).toEqual([
      ['plain', 1.5, 1],
      ['comma, "quote"\nnewline', null, 2],
      ['', -0.25, null],
      ['Ünïcödé ✓', 1e-300, 3],
    ]);
    expect(truncated).toEqual([]);
    expect(bytes.toString('latin1')).toContain('<timestamp>\x1105 Jan 2025 09:07</timestamp>');
  });

  it('truncates text over 2045 bytes without splitting a character, and reports it', () => {
    const { bytes, truncated } = writeDta(table('long', 'Long text', [str('text', 'Text')], [[LONG], ['short']]));
    const f = readDta(save('long.dta', bytes));
    expect(truncated).toEqual(['text']);
    expect(f.types).toEqual([2044]);
    expect(f.rows[0]![0]).toBe('é'.repeat(1022));
    expect(Buffer.byteLength(f.rows[0]![0] as string)).toBeLessThanOrEqual(STATA_MAX_STR);
  });

  it('makes valid variable names of at most 32 characters', () => {
    expect(stataName('kendallTauB')).toBe('kendall_tau_b');
    expect(stataName('2ndValue')).toBe('v2nd_value');
    expect(stataName('a'.repeat(40))).toHaveLength(32);
  });
});

describe('Parquet', () => {
  it('reads back magic, footer, schema, row count and values with nulls', () => {
    const f = readParquet(save('s.parquet', writeParquet(sample, 'test')));
    expect(f.numRows).toBe(4);
    expect(f.names).toEqual(['task_name', 'usage_pct', 'in']);
    expect(f.types).toEqual([6, 5, 5]);
    expect(f.columns).toEqual([
      ['plain', 'comma, "quote"\nnewline', null, 'Ünïcödé ✓'],
      [1.5, null, -0.25, 1e-300],
      [1, 2, null, 3],
    ]);
  });

  it('handles long runs of nulls, more than 14 columns, and empty tables', () => {
    const cols = Array.from({ length: 20 }, (_, i) => num(`c${i}`, 'x', 'count'));
    const rows = Array.from({ length: 300 }, (_, r) => cols.map((_, i) => (r % 7 === 0 || r > 200 ? null : r * i)));
    const f = readParquet(save('wide.parquet', writeParquet(table('wide', 'w', cols, rows), 'test')));
    expect(f.numRows).toBe(300);
    expect(f.names).toHaveLength(20);
    expect(f.columns[3]).toEqual(rows.map((r) => r[3]));
    const empty = readParquet(save('empty.parquet', writeParquet(table('e', 'e', [str('a', 'a')], []), 'test')));
    expect([empty.numRows, empty.names, empty.columns]).toEqual([0, ['a'], [[]]]);
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 with CRLF; the R variant writes NA and snake_case', () => {
    expect(tableToCsv(sample, 'csv')).toBe(
      'taskName,usagePct,in\r\nplain,1.5,1\r\n"comma, ""quote""\nnewline",,2\r\n,-0.25,\r\nÜnïcödé ✓,1e-300,3\r\n',
    );
    expect(tableToCsv(sample, 'r').split('\r\n').slice(0, 1)).toEqual(['task_name,usage_pct,in']);
    expect(tableToCsv(sample, 'r')).toContain('NA,-0.25,NA\r\n');
  });
});
