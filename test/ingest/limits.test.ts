// Issue #13.1: no .xlsx can crash the process. A zip bomb (a sheet of a GiB or more in a ~1 MB
// file), a cell at column ZZZZZZZZ and a 200K-cell header are refused with an ImportError naming
// the file, the part and the limit; the bomb goes through the real import path (the CLI, whose
// parse runs in a worker thread) and the peak RSS of that whole process is measured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportError } from '../../src-main/engine/ingest/formats/errors';
import { parseDelimited } from '../../src-main/engine/ingest/formats/delimited';
import { readXlsxFile, type XlsxOptions } from '../../src-main/engine/ingest/formats/xlsx';
import { timedCli } from '../support/peak-rss';
import { NS, repeatedPart, sheetPart, workbookParts, writeZip, type Part } from './zip-fixtures';

const SHEET = 'xl/worksheets/sheet1.xml';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-limits-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function xlsx(name: string, parts: Part[]): string {
  const path = join(dir, name);
  writeZip(path, [...workbookParts(), ...parts]);
  return path;
}

function refusal(path: string, opts?: XlsxOptions): ImportError {
  try {
    readXlsxFile(path, opts);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Task</t></is></c></row>';
/** Exactly 1 MiB: `unit` repeated, padded with spaces. */
function mib(unit: string): string {
  const s = unit.repeat(Math.floor(2 ** 20 / unit.length));
  return s + ' '.repeat(2 ** 20 - s.length);
}
/** Rows, each the same: what a bomb repeats. */
const rowBlock = mib('<row><c t="inlineStr"><is><t>x</t></is></c></row>');
/** Markup outside any row: costs the reader nothing to skip, so only the byte limits stop it. */
const filler = mib('<sheetPr/>');

/** A sheet of `mib` MiB or more (1100 MiB: over a GiB), declaring `declared` bytes (the truth by default). */
function bomb(name: string, block: string, mib: number, declared?: number): string {
  const head = `<worksheet ${NS}><sheetData>${header}`;
  return xlsx(name, [repeatedPart(SHEET, head, block, mib, '</sheetData></worksheet>', declared)]);
}

describe('xlsx part limits', () => {
  it('refuses a part whose declared size is over the limit, before inflating it', () => {
    const path = bomb('honest.xlsx', rowBlock, 1100);
    expect(statSync(path).size).toBeLessThan(4 * 2 ** 20);
    const e = refusal(path);
    expect(e.file).toBe(path);
    expect(e.reason).toBe(`part ${SHEET} declares 1100 MB uncompressed, over the 200 MB limit per part`);
  });

  it('counts the bytes that really come out: a lying size is caught by the compression ratio', () => {
    const e = refusal(bomb('lying.xlsx', rowBlock, 1100, 4096));
    expect(e.reason).toBe(`part ${SHEET} expands more than 200:1 (the compression-ratio limit; a zip bomb?)`);
  });

  it('… and by the per-part and per-file limits', () => {
    const path = bomb('filler.xlsx', filler, 40, 4096);
    const ratio = { ratio: 1e9 };
    expect(refusal(path, { limits: { ...ratio, partBytes: 8 * 2 ** 20 } }).reason).toBe(`part ${SHEET} inflates to more than 8 MB (the limit per part)`);
    expect(refusal(path, { limits: { ...ratio, fileBytes: 8 * 2 ** 20 } }).reason).toBe(
      `part ${SHEET} takes the file past 8 MB uncompressed (the limit per file)`,
    );
  });

  it('refuses more rows, cells or a bigger row than the limits allow, at the row', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c></row>`).join('');
    const path = xlsx('rows.xlsx', [sheetPart(header + rows)]);
    expect(readXlsxFile(path).rows).toHaveLength(10);
    const tooMany = refusal(path, { limits: { rows: 5 } });
    expect([tooMany.line, tooMany.reason]).toEqual([7, `part ${SHEET} has more than 5 data rows (the limit)`]);
    expect(refusal(path, { limits: { cells: 4 } }).reason).toMatch(/has more than 4 cells \(rows × the header's 1 columns; the limit\)/);
    const big = refusal(path, { limits: { elementBytes: 40 } });
    expect([big.line, big.reason]).toEqual([1, `part ${SHEET} has a row larger than 40 bytes (the limit for one row)`]);
  });
});

describe('xlsx columns and header width', () => {
  it('refuses a cell beyond column XFD without allocating it', () => {
    const e = refusal(xlsx('far.xlsx', [sheetPart(header + '<row r="2"><c r="ZZZZZZZZ2"><v>1</v></c></row>')]));
    expect([e.line, e.reason]).toEqual([2, `part ${SHEET} has cell ZZZZZZZZ2 beyond column XFD (the limit is 16384 columns)`]);
  });

  it('refuses a 200K-cell header with a message, not a stack overflow', () => {
    const wide = '<row r="1">' + '<c t="inlineStr"><is><t>h</t></is></c>'.repeat(200_000) + '</row>';
    const e = refusal(xlsx('wide.xlsx', [sheetPart(wide)]));
    expect([e.line, e.reason]).toEqual([1, `part ${SHEET} has cell XFE1 beyond column XFD (the limit is 16384 columns)`]);
  });

  it('reads a header at the column limit (16,384 cells)', () => {
    const cells = Array.from({ length: 16_384 }, (_, i) => `<c t="inlineStr"><is><t>h${i}</t></is></c>`).join('');
    const t = readXlsxFile(xlsx('widest.xlsx', [sheetPart(`<row r="1">${cells}</row><row r="2"><c r="XFD2"><v>7</v></c></row>`)]));
    expect(t.header).toHaveLength(16_384);
    expect(t.rows[0]?.cells.at(-1)).toBe('7');
  });

  it('a 200K-column CSV header reads without a stack overflow', () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(',') + '\n' + '1,'.repeat(199_999) + '1\n';
    const t = parseDelimited('wide.csv', text, { delimiter: ',' });
    expect([t.header.length, t.rows[0]?.cells.length]).toEqual([200_000, 200_000]);
  });
});

describe('a zip bomb through `task-atlas import` (parse in a worker thread)', () => {
  it.each([
    ['declaring its size', undefined, 'declares 1100 MB uncompressed, over the 200 MB limit per part'],
    ['lying about its size', 4096, 'expands more than 200:1 (the compression-ratio limit; a zip bomb?)'],
  ])('%s: refused within seconds, exit 2, peak RSS under 500 MB', async (label, declared, reason) => {
    const path = bomb(`bomb-${declared ?? 'true'}.xlsx`, rowBlock, 1100, declared);
    const project = join(dir, `${label}.sqlite`);
    const r = await timedCli(['import', '--kind', 'onet-tasks', '--file', path, '--project', project], { ...process.env, TASK_ATLAS_HOME: join(dir, 'home') });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`${path}: part ${SHEET} ${reason}`);
    expect(r.seconds).toBeLessThan(20);
    expect(r.peakMb).toBeLessThan(500);
  }, 60_000);
});
