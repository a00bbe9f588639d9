// Exported tables are safe to open in a spreadsheet (issue #13, item 2): a model name
// =HYPERLINK(…), an account id =cmd|' /C calc'!A0 and task / occupation names starting with @, tab
// or CR reach every CSV writer (engine export of a run and of a release, `reproduce --out`, a
// chart's download CSV), and no written cell starts with = + - @ tab or CR unless it is a number.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { exportResults, type ExportResult } from '../../src-main/engine/export';
import { reproduce } from '../../src-main/engine/analyze/reproduce';
import { runReproduce } from '../../src-main/cli/reproduce';
import { toCsv } from '../../src-main/cli/csv';
import { tableToCsv } from '../../src-shared/charts/table';
import { toTable as modelsTable } from '../../src-shared/charts/fig8Models';
import { toTable as topTasksTable } from '../../src-shared/charts/fig13TopTasks';
import { toTable as drilldownTable } from '../../src-shared/charts/fig2Drilldown';
import { csvField, isNumericText } from '../../src-shared/csv-safe';
import { runProject } from './run-fixture';

const HYPERLINK = '=HYPERLINK("http://x","y")';
const CALC = "=cmd|' /C calc'!A0";
const TAB_MODEL = '\t=1+2';
const CR_MODEL = '\r-1+1';
const TASK = '@write code.';

let tmp: string;
let runProj: Project;
let releaseProj: Project;
let projectFile: string;
let runExport: ExportResult;
let runExportPlain: ExportResult;
let releaseExport: ExportResult;
let cliDir: string;

/** RFC 4180 reader (quotes, doubled quotes, CRLF or LF): the cells a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += ch;
    } else if (ch === ',') {
      endCell();
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      if (ch === '\r') i++;
      endCell();
      rows.push(row);
      row = [];
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** Independent of the implementation: a spreadsheet runs these unless the cell is a plain number. */
function formulaCells(csv: string): string[] {
  const number = (c: string) => c.trim() === c && c !== '' && Number.isFinite(Number(c)) && !/^[+-]?0x/i.test(c);
  return parseCsv(csv.replace(/^\ufeff/, '')).flat().filter((c) => /^[=+\-@\t\r]/.test(c) && !number(c));
}

function csvFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.csv')).map((f) => join(dir, f));
}

function allCells(files: string[]): string[] {
  return files.flatMap((f) => parseCsv(readFileSync(f, 'utf8')).flat());
}

/** The mini release with an occupation title and a task named like formulas. */
function poisonedRelease(): string {
  const dir = join(tmp, 'release');
  cpSync(resolve(__dirname, '../fixtures/mini-release'), dir, { recursive: true });
  const edit = (file: string, from: RegExp, to: string) => {
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
  };
  edit('onet_task_statements.csv', /,Chief Executives,/g, `,"${HYPERLINK.replace(/"/g, '""')}",`);
  edit('onet_task_statements.csv', /,Write code\.,/g, `,${TASK},`);
  edit('onet_task_mappings.csv', /^write code\.,/m, `${TASK},`);
  return dir;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-csv-injection-'));
  runProj = runProject();
  // Every model and account id of the run looks like a formula; account ids stay distinct.
  const models = [HYPERLINK, TAB_MODEL, CR_MODEL];
  const ids = runProj.db.prepare('SELECT id FROM conversation ORDER BY rowid').pluck().all() as string[];
  const update = runProj.db.prepare('UPDATE conversation SET model = ?, account_id = ? || account_id WHERE id = ?');
  ids.forEach((id, i) => update.run(models[i % models.length], CALC, id));
  runExport = exportResults(runProj.db, { run: 'r', dir: join(tmp, 'run'), referenceDataset: 'mini', includeConversationText: true, includeAccountIds: true });
  runExportPlain = exportResults(runProj.db, { run: 'r', dir: join(tmp, 'run-plain'), referenceDataset: 'mini' });

  projectFile = join(tmp, 'release.sqlite');
  releaseProj = openProject(projectFile, { resourcesDir: resolve(__dirname, '../../resources') });
  importRelease(releaseProj.db, { dir: poisonedRelease(), id: 'mini' });
  releaseExport = exportResults(releaseProj.db, { source: 'mini', dir: join(tmp, 'release-export') });
  closeProject(releaseProj);

  cliDir = join(tmp, 'cli');
  const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const quietErr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    expect(await runReproduce({ project: projectFile, source: 'mini', out: cliDir, json: true })).toBe(0);
  } finally {
    quiet.mockRestore();
    quietErr.mockRestore();
  }
  releaseProj = openProject(projectFile, { resourcesDir: resolve(__dirname, '../../resources') });
});

afterAll(() => {
  closeProject(runProj);
  closeProject(releaseProj);
  rmSync(tmp, { recursive: true, force: true });
});

describe('the CSV cell rule', () => {
  it('quotes formula-like text and leaves numbers and numeric text alone', () => {
    expect(csvField(HYPERLINK)).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField(CALC)).toBe(`'${CALC}`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe(`"'\rx"`);
    expect(csvField('-')).toBe("'-");
    for (const n of ['-5', '+3.2e4', '-0.25', '.5', '-1.']) expect(csvField(n)).toBe(n);
    expect(csvField(-5)).toBe('-5');
    expect(csvField(Number.NaN, 'NA')).toBe('NA');
    expect(csvField('Write code.')).toBe('Write code.');
    expect(isNumericText('1e999')).toBe(false);
    expect(isNumericText('-1,5')).toBe(false);
  });
});

describe('every CSV writer neutralises formulas', () => {
  it('engine export of a run (default and with conversation text and account ids)', () => {
    for (const result of [runExport, runExportPlain]) {
      const files = csvFiles(result.dir);
      expect(files.length).toBeGreaterThanOrEqual(2 * result.manifest.tables.length);
      for (const f of files) expect(formulaCells(readFileSync(f, 'utf8')), f).toEqual([]);
    }
    // The dangerous values did reach the files, as text.
    const cells = allCells(csvFiles(runExport.dir));
    expect(cells).toContain(`'${HYPERLINK}`);
    expect(cells).toContain(`'${TAB_MODEL}`);
    expect(cells).toContain(`'${CR_MODEL}`);
    expect(cells.some((c) => c.startsWith(`'${CALC}`))).toBe(true);
    expect(allCells(csvFiles(runExportPlain.dir))).toContain(`'${HYPERLINK}`);
  });

  it('engine export of a release, with negative numbers still numeric', () => {
    const files = csvFiles(releaseExport.dir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(formulaCells(readFileSync(f, 'utf8')), f).toEqual([]);
    const cells = allCells(files);
    expect(cells).toContain(`'${HYPERLINK}`);
    expect(cells).toContain(`'${TASK}`);
  });

  it('the codebook says so', () => {
    expect(readFileSync(join(releaseExport.dir, 'codebook.md'), 'utf8')).toMatch(/leading single quote/);
  });

  it('reproduce --out', () => {
    const files = csvFiles(cliDir);
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) expect(formulaCells(readFileSync(f, 'utf8')), f).toEqual([]);
    const cells = allCells(files);
    expect(cells).toContain(`'${HYPERLINK}`);
    expect(cells).toContain(`'${TASK}`);
    expect(toCsv(['a', 'b'], [['-5', -2.5], [CALC, null]])).toBe(`a,b\n-5,-2.5\n'${CALC},\n`);
  });

  it("a chart's download CSV (toTable → tableToCsv)", () => {
    const report = reproduce(releaseProj.db, 'mini');
    const tables = [topTasksTable(report), drilldownTable(report), modelsTable(runExport.runReport!)];
    const csvs = tables.map(tableToCsv);
    for (const csv of csvs) expect(formulaCells(csv)).toEqual([]);
    const cells = csvs.flatMap((c) => parseCsv(c).flat());
    expect(cells).toContain(`'${TASK}`);
    expect(cells).toContain(`'${HYPERLINK}`);
    expect(cells).toContain(`'${TAB_MODEL}`);
  });
});
