// Every importer's error locations come from these readers, so exact messages are pinned here.
import { describe, it, expect } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import { ImportError } from '../../src-main/engine/ingest/formats/errors';
import { decodeText } from '../../src-main/engine/ingest/formats/decode';
import { parseDelimited, readDelimitedFile } from '../../src-main/engine/ingest/formats/delimited';
import { assertNotEmpty, bindColumns, type RawTable } from '../../src-main/engine/ingest/formats/table';
import { readXlsx, readXlsxFile } from '../../src-main/engine/ingest/formats/xlsx';

const here = path.dirname(fileURLToPath(import.meta.url));
const DATA = path.resolve(here, '../../../shared/data');

const csv = (text: string) => parseDelimited('t.csv', text, { delimiter: ',' });
const tsv = (text: string) => parseDelimited('t.tsv', text, { delimiter: '\t' });

/** Runs fn and returns the ImportError it throws (fails the test if it does not throw one). */
function importError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('ImportError', () => {
  it('formats file:line:column: reason and omits missing parts', () => {
    const e = new ImportError('bad', { file: 'a.csv', line: 3, column: 'Task ID' });
    expect(e.message).toBe('a.csv:3:Task ID: bad');
    expect([e.name, e.file, e.line, e.column, e.reason]).toEqual(['ImportError', 'a.csv', 3, 'Task ID', 'bad']);
    expect([{ file: 'a' }, { file: 'a', line: 7 }].map((l) => new ImportError('x', l).message)).toEqual(['a: x', 'a:7: x']);
  });
});

describe('parseDelimited', () => {
  it('handles quoted newlines, escaped quotes and embedded delimiters', () => {
    const t = csv('a,b,c\n1,"say ""hi""","x,\ny"\n2,plain,z\n');
    expect(t.header).toEqual(['a', 'b', 'c']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['1', 'say "hi"', 'x,\ny'] },
      { line: 4, cells: ['2', 'plain', 'z'] },
    ]);
  });

  it('handles CRLF line endings, with and without a trailing newline', () => {
    const rows = csv('a,b\r\n1,2\r\n3,"4\r\n5"\r\n').rows;
    expect(rows).toEqual([{ line: 2, cells: ['1', '2'] }, { line: 3, cells: ['3', '4\r\n5'] }]);
    expect(csv('a,b\r\n1,2').rows).toEqual([{ line: 2, cells: ['1', '2'] }]);
  });

  it('keeps line numbers right after multi-line fields and skipped blank lines', () => {
    const t = csv('\nh1,h2\n"one\ntwo\nthree",x\n\n\ny,z\n\n\n');
    expect(t.headerLine).toBe(2);
    expect(t.rows.map((r) => r.line)).toEqual([3, 8]);
  });

  it('names the line where an unterminated quoted field started', () => {
    const e = importError(() => csv('a,b\n1,2\n3,"cut off\nhere\n'));
    expect(e.line).toBe(3);
    expect(e.message).toBe('t.csv:3: unterminated quoted field, file truncated?');
  });

  it('rejects text after a closing quote', () => {
    expect(importError(() => csv('a,b\n1,"x"y\n'))).toMatchObject({ line: 2, column: 2 });
  });

  it('keeps a stray quote inside an unquoted TSV field literally', () => {
    const t = tsv('code\ttask\n1\tUse 3" pipe and "fittings"\n2\t"quoted"\n');
    expect(t.rows[0]?.cells).toEqual(['1', 'Use 3" pipe and "fittings"']);
    expect(t.rows[1]?.cells).toEqual(['2', 'quoted']);
    expect(parseDelimited('x', 'a\n"b"\n', { delimiter: '\t', quotes: false }).rows[0]?.cells).toEqual(['"b"']);
  });

  it('reports an unreadable path as an ImportError', () => {
    const e = importError(() => readDelimitedFile('/nonexistent/x.csv', ','));
    expect(e.message).toBe('/nonexistent/x.csv: file does not exist');
  });

  it('returns no rows for a header-only file and rejects an empty one', () => {
    expect(csv('a,b\n').rows).toEqual([]);
    expect(importError(() => csv('')).message).toMatch(/empty file/);
    expect(importError(() => csv('\r\n\n')).line).toBe(1);
  });
});

describe('bindColumns', () => {
  const spec = {
    code: { name: 'Code', type: 'nonempty' },
    id: { name: 'Task ID', type: 'int', aliases: ['TaskID'] },
    score: { name: 'Score', type: 'float' },
    n: { name: 'N', type: 'optionalInt' },
  } as const;
  const table = (body: string): RawTable => csv('Code, Task ID ,Score,N,Extra\n' + body);

  it('types values, trims text and matches trimmed headers and aliases', () => {
    const rows = bindColumns(table(' a ,7, 4.5 ,NA,x\nb,8,1e2,3,y\n'), spec);
    expect(rows).toEqual([
      { line: 2, code: 'a', id: 7, score: 4.5, n: null },
      { line: 3, code: 'b', id: 8, score: 100, n: 3 },
    ]);
    const typed: number = rows[0]?.score ?? 0; // compile-time check of the mapped type
    expect(typed).toBe(4.5);
    expect(bindColumns(csv('Code,TaskID,Score,N\nz,1,2,\n'), spec)[0]?.n).toBeNull();
  });

  it('names a missing column and lists the columns found', () => {
    const e = importError(() => bindColumns(csv('Code,Score,N\n'), spec));
    expect(e.line).toBe(1);
    expect(e.column).toBe('Task ID');
    expect(e.message).toBe('t.csv:1:Task ID: missing column "Task ID" (found: "Code", "Score", "N")');
  });

  it('names the line of a row with too few or too many fields', () => {
    const short = importError(() => bindColumns(table('a,1,2,3,x\nb,2\n'), spec));
    expect(short.message).toBe('t.csv:3: expected 5 fields, found 2');
    const long = importError(() => bindColumns(table('a,1,2,3,x,extra\n'), spec));
    expect(long.message).toBe('t.csv:2: expected 5 fields, found 6');
  });

  it('rejects non-numeric, empty and non-integer numbers with line and column', () => {
    const bad = importError(() => bindColumns(table('a,1,2,3,x\nb,2,high,3,x\n'), spec));
    expect(bad.message).toBe('t.csv:3:Score: not a number: "high"');
    expect(importError(() => bindColumns(table('a,1,,3,x\n'), spec)).message).toMatch(/:2:Score: empty value/);
    expect(importError(() => bindColumns(table('a,1.5,2,3,x\n'), spec)).column).toBe('Task ID');
    expect(importError(() => bindColumns(table('a,0x1F,2,3,x\n'), spec)).reason).toBe('not a number: "0x1F"');
    expect(importError(() => bindColumns(table(' ,1,2,3,x\n'), spec)).column).toBe('Code');
  });

  it('names both lines of a duplicate key', () => {
    const e = importError(() => bindColumns(table('a,1,2,3,x\nb,1,2,3,x\na,1,5,3,x\n'), spec, { uniqueKey: ['code', 'id'] }));
    expect(e.line).toBe(4);
    expect(e.message).toBe('t.csv:4:Code: duplicate key Code="a", Task ID=1 (first seen on line 2)');
  });

  it('collects up to maxErrors problems into one error', () => {
    const e = importError(() => bindColumns(table('a,x,2,3,x\nb,2,y,3,x\nc,3,z,3,x\n'), spec, { maxErrors: 2 }));
    expect(e.line).toBe(2);
    expect(e.message).toContain('t.csv:3:Score: not a number: "y"');
    expect(e.message).not.toContain('"z"');
  });

  it('assertNotEmpty reports the header line', () => {
    expect(importError(() => assertNotEmpty(csv('\nCode\n'))).message).toBe('t.csv:2: no data rows');
  });
});

describe('decodeText', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

  it('strips a UTF-8 BOM and keeps multibyte text', () => {
    expect(decodeText('f', bytes([0xef, 0xbb, 0xbf], 'a,b\ncafé'))).toBe('a,b\ncafé');
  });

  it('rejects Latin-1 bytes with line and column', () => {
    const e = importError(() => decodeText('f.csv', bytes('a,b\nné,x\nCaf', [0xe9], ',y\n')));
    expect(e.message).toBe('f.csv:3:4: invalid UTF-8 byte 0xE9 (is the file Latin-1/Windows-1252? save it as UTF-8)');
  });

  it('rejects UTF-16 and binary files', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]);
    expect(importError(() => decodeText('f', utf16)).reason).toBe('file is UTF-16 (or binary); save it as UTF-8');
    expect(importError(() => decodeText('f', Buffer.from('a,b\n', 'utf16le'))).reason).toMatch(/UTF-16/);
  });
});

/** A minimal workbook, written the way Excel writes it (parts, rels, shared strings). */
function workbook(sheetXml: string, sharedXml?: string, extraSheets = ''): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook ${ns} xmlns:r="${rel}"><sheets>` +
        `<sheet name="Hidden" sheetId="9" state="hidden" r:id="rId9"/>` +
        `<sheet name="Tasks &amp; Scores" sheetId="1" r:id="rId1"/>${extraSheets}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Target="worksheets/sheet2.xml" Id="rId2" Type="${rel}/worksheet"/>` +
        `<Relationship Id="rId9" Type="${rel}/worksheet" Target="worksheets/sheet9.xml"/>` +
        `<Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0"?><worksheet ${ns}><sheetData>${sheetXml}</sheetData></worksheet>`),
    'xl/worksheets/sheet2.xml': strToU8(`<worksheet ${ns}><sheetData><row r="3"><c r="A3"><v>42</v></c></row></sheetData></worksheet>`),
    'xl/worksheets/sheet9.xml': strToU8(`<worksheet ${ns}><sheetData/></worksheet>`),
  };
  if (sharedXml !== undefined) files['xl/sharedStrings.xml'] = strToU8(`<sst ${ns}>${sharedXml}</sst>`);
  return zipSync(files);
}

describe('readXlsx', () => {
  const shared =
    '<si><t>Code</t></si><si><t>Task</t></si><si><t>Score</t></si>' +
    '<si><r><rPr><b/></rPr><t>Fish &amp; </t></r><r><t xml:space="preserve">chips </t></r><rPh><t>x</t></rPh></si>' +
    '<si><t>a &lt;b&gt; &quot;c&quot; &apos;d&apos; &#233;&#xE9;_x000D_</t></si><si/>';
  const sheet =
    '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" s="3"/></row>' +
    '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="inlineStr"><is><t>inline &amp; co</t></is></c><c r="C2"><v>4.5</v></c></row>' +
    '<row r="3"><c r="A3" s="1"/><c r="B3" t="s"><v>5</v></c></row>' +
    '<row r="5"><c r="C5"><v>70500.000000000001</v></c><c r="A5" t="str"><f>A1</f><v>x</v></c><c r="D5" s="2"/></row>' +
    '<row r="6"><c r="A6" t="b"><v>1</v></c><c r="B6" t="s"><v>4</v></c></row>';

  it('reads shared and inline strings, entities, missing cells and skips empty rows', () => {
    const t = readXlsx('w.xlsx', workbook(sheet, shared));
    expect(t.header).toEqual(['Code', 'Task', 'Score']);
    expect(t.headerLine).toBe(1);
    expect(t.rows).toEqual([
      { line: 2, cells: ['Fish & chips ', 'inline & co', '4.5'] },
      { line: 5, cells: ['x', '', '70500.000000000001'] },
      { line: 6, cells: ['TRUE', 'a <b> "c" \'d\' éé\r', ''] },
    ]);
  });

  it('reads a named sheet and works without sharedStrings.xml', () => {
    const extra = '<sheet name="Second" sheetId="2" r:id="rId2"/>';
    const bytes = workbook('<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row>', undefined, extra);
    const t = readXlsx('w.xlsx', bytes, { sheet: 'Second' });
    expect([t.header, t.headerLine, t.rows]).toEqual([['42'], 3, []]);
    const e = importError(() => readXlsx('w.xlsx', workbook(sheet, shared), { sheet: 'Nope' }));
    expect(e.reason).toBe('no sheet named "Nope" (sheets: "Hidden", "Tasks & Scores")');
  });

  it('rejects a value beyond the header width at its row', () => {
    const wide = sheet + '<row r="7"><c r="A7"><v>1</v></c><c r="E7"><v>9</v></c></row>';
    const e = importError(() => readXlsx('w.xlsx', workbook(wide, shared)));
    expect([e.line, e.column]).toEqual([7, 5]);
    expect(e.reason).toMatch(/cell E7 is beyond the header's 3 columns/);
  });

  it('rejects truncated or non-zip bytes', () => {
    const bytes = workbook(sheet, shared);
    const e = importError(() => readXlsx('w.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2))));
    expect(e.message).toBe('w.xlsx: not a valid .xlsx (zip) file — truncated?');
    expect(importError(() => readXlsx('w.xlsx', strToU8('a,b\n1,2\n'))).reason).toMatch(/not a valid \.xlsx/);
  });

  it('rejects malformed sheet XML instead of looping', () => {
    const e = importError(() => readXlsx('w.xlsx', workbook('<row r="1"><c r="A1"><v>1</v></c>', shared)));
    expect(e.message).toBe('w.xlsx:1: corrupt .xlsx: unterminated <row>');
  });
});

describe('real data (read-only, ../shared/data)', () => {
  const timed = <T>(label: string, fn: () => T): T => {
    const t0 = performance.now();
    const out = fn();
    console.log(`${label}: ${(performance.now() - t0).toFixed(0)} ms`);
    return out;
  };
  const onet = (f: string) => path.join(DATA, 'onet-29.2', f);

  it('O*NET Task Statements: .xlsx and derived TSV agree', () => {
    const x = timed('Task Statements.xlsx', () => readXlsxFile(onet('Task Statements.xlsx')));
    const t = timed('Task Statements TSV', () => readDelimitedFile(onet('derived-tsv/Task Statements.from_xlsx.tsv'), '\t'));
    expect(x.rows).toHaveLength(18_796);
    expect(t.rows).toHaveLength(18_796);
    expect(x.header.slice(0, 4)).toEqual(['O*NET-SOC Code', 'Title', 'Task ID', 'Task']);
    expect(t.header).toEqual(x.header);
    const trimmed = (tab: RawTable) => tab.rows.slice(0, 50).map((r) => r.cells.map((c) => c.trim()));
    expect(trimmed(t)).toEqual(trimmed(x));
    const spec = { code: { name: 'O*NET-SOC Code', type: 'nonempty' }, id: { name: 'Task ID', type: 'int' } } as const;
    expect(bindColumns(x, spec, { uniqueKey: ['code', 'id'] })).toHaveLength(18_796);
  });

  it('O*NET Skills: .xlsx row count equals the TSV', () => {
    const x = timed('Skills.xlsx', () => readXlsxFile(onet('Skills.xlsx')));
    const t = timed('Skills TSV', () => readDelimitedFile(onet('derived-tsv/Skills.from_xlsx.tsv'), '\t'));
    expect(x.rows.length).toBe(t.rows.length);
    expect(x.rows.length).toBe(61_530);
    expect(x.rows.at(-1)?.cells).toEqual(t.rows.at(-1)?.cells);
  });

  it('BLS OEWS national May 2023: first sheet, 32 upper-case columns', () => {
    const x = timed('national_M2023_dl.xlsx', () => readXlsxFile(path.join(DATA, 'wages/national_M2023_dl.xlsx')));
    // The real header starts with area/industry columns before the occupation ones.
    const first = 'AREA AREA_TITLE AREA_TYPE PRIM_STATE NAICS NAICS_TITLE I_GROUP OWN_CODE OCC_CODE OCC_TITLE O_GROUP TOT_EMP';
    expect(x.header.slice(0, 12)).toEqual(first.split(' '));
    expect(x.header).toHaveLength(32);
    expect(x.header).toContain('A_MEDIAN');
    expect(x.rows).toHaveLength(1403);
    const at = (c: string) => x.header.indexOf(c);
    expect(x.rows[0]?.cells[at('OCC_CODE')]).toBe('00-0000');
    // Suppressed wages are '*' or '#' text; the binding layer must not see them as numbers.
    expect(x.rows.some((r) => r.cells[at('A_MEDIAN')] === '#')).toBe(true);
  });

  it('AEI release onet_task_statements.csv', () => {
    const file = path.join(DATA, 'aei-release-2025-02-10/onet_task_statements.csv');
    const t = timed('onet_task_statements.csv', () => readDelimitedFile(file, ','));
    expect(t.rows).toHaveLength(19_530);
    expect(t.header[0]).toBe('O*NET-SOC Code');
    const spec = { id: { name: 'Task ID', type: 'int' }, n: { name: 'Incumbents Responding', type: 'optionalFloat' } } as const;
    expect(bindColumns(t, spec)).toHaveLength(19_530);
  });
});
