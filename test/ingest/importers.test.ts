// Every importer is strict and transactional: malformed input raises ImportError naming the file
// and line (and column where there is one), and the store is byte-for-byte what it was before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ImportKind } from '../../src-shared/api';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { importFile, importRelease } from '../../src-main/engine/ingest';
import { ImportError } from '../../src-main/engine/ingest/formats/errors';
import type { Db } from '../../src-main/db/open';

const FIX = resolve(__dirname, '../fixtures');
const RES = resolve(__dirname, '../../resources/data');
let dir: string;
let project: Project;

/** Every user table's rows, in order: equal snapshots mean nothing was written. */
function snapshot(db: Db): string {
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string; sql: string }[];
  // A WITHOUT ROWID table is read in its key's order.
  const order = (sql: string) => (/WITHOUT ROWID/i.test(sql) ? '' : ' ORDER BY rowid');
  return JSON.stringify(tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}"${order(t.sql)}`).all()]));
}

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs an import that must fail; returns the error after checking the store did not change. */
function expectRejected(run: () => unknown): ImportError {
  const before = snapshot(project.db);
  let caught: unknown;
  try {
    run();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ImportError);
  expect(snapshot(project.db)).toBe(before);
  return caught as ImportError;
}

const imp = (kind: ImportKind, path: string, dataset?: string) => () =>
  importFile(project.db, { kind, path, dataset });

const TASK_HEADER = 'O*NET-SOC Code,Title,Task ID,Task,Task Type\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-import-'));
  project = openProject(join(dir, 'p.sqlite'), { resourcesDir: resolve(__dirname, '../../resources') });
  // Start from a populated store so "unchanged" covers replacing an existing dataset too.
  importRelease(project.db, { dir: `${FIX}/mini-release`, id: 'mini' });
  importFile(project.db, { kind: 'onet-job-zones', path: `${FIX}/mini-onet/Job Zones.txt` });
  importFile(project.db, { kind: 'onet-tasks', path: write('good-tasks.csv', TASK_HEADER + '11-1011.00,CE,1,Plan.,Core\n') });
});
afterAll(() => {
  closeProject(project);
  rmSync(dir, { recursive: true, force: true });
});

describe('CSV importers reject malformed input and change nothing', () => {
  it('missing column: names the column and lists what was found', () => {
    const f = write('t1.csv', 'O*NET-SOC Code,Title,Task ID,Task Type\n11-1011.00,CE,1,Core\n');
    const e = expectRejected(imp('onet-tasks', f));
    expect(e.line).toBe(1);
    expect(e.message).toContain('Task');
    expect(e.message).toContain('Task Type');
  });

  it('wrong type: a non-integer Task ID names line and column', () => {
    const f = write('t2.csv', TASK_HEADER + '11-1011.00,CE,1,Plan.,Core\n11-1011.00,CE,two,Lead.,Core\n');
    const e = expectRejected(imp('onet-tasks', f));
    expect([e.line, e.column]).toEqual([3, 'Task ID']);
  });

  it('truncated file: an unterminated quote names the line where the field started', () => {
    const f = write('t3.csv', TASK_HEADER + '11-1011.00,CE,1,Plan.,Core\n11-1011.00,CE,2,"Lead the\nteam');
    expect(expectRejected(imp('onet-tasks', f)).line).toBe(3);
  });

  it('truncated row: too few fields names the line', () => {
    const f = write('t4.csv', TASK_HEADER + '11-1011.00,CE,1,Plan.,Core\n11-1011.00,CE,2\n');
    expect(expectRejected(imp('onet-tasks', f)).line).toBe(3);
  });

  it('wrong encoding: Latin-1 bytes name the line', () => {
    const bytes = Buffer.concat([Buffer.from(TASK_HEADER + '11-1011.00,CE,1,Plan.,Core\n11-1011.00,Caf'), Buffer.from([0xe9]), Buffer.from(',2,Cook.,Core\n')]);
    const e = expectRejected(imp('onet-tasks', write('t5.csv', bytes)));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/UTF-8/);
  });

  it('wrong encoding: UTF-16 is refused', () => {
    const body = Buffer.from(TASK_HEADER + '11-1011.00,CE,1,Plan.,Core\n', 'utf16le');
    const e = expectRejected(imp('onet-tasks', write('t6.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), body]))));
    expect(e.message).toMatch(/UTF-16/);
  });

  it('duplicate keys: a repeated (code, Task ID) names both lines', () => {
    const f = write('t7.csv', TASK_HEADER + '11-1011.00,CE,1,Plan.,Core\n11-1011.00,CE,1,Lead.,Core\n');
    const e = expectRejected(imp('onet-tasks', f));
    expect(e.line).toBe(3);
    expect(e.message).toContain('2');
  });

  it('a malformed O*NET-SOC code is refused', () => {
    const f = write('t8.csv', TASK_HEADER + '111011,CE,1,Plan.,Core\n');
    expect([expectRejected(imp('onet-tasks', f)).line, 'ok']).toEqual([2, 'ok']);
  });

  it('a header-only file has no data rows', () => {
    expect(expectRejected(imp('onet-tasks', write('t9.csv', TASK_HEADER))).message).toMatch(/no data rows/);
  });

  it('wage file: a non-numeric MedianSalary names line and column', () => {
    const f = write('w.csv', 'SOCcode,JobName,JobZone,MedianSalary\n11-1011.00,CE,5,abc\n');
    expect([expectRejected(imp('wages', f)).line, expectRejected(imp('wages', f)).column]).toEqual([2, 'MedianSalary']);
  });

  it('wage file: a Job Zone outside 1..5 (other than -1) is refused', () => {
    const f = write('w2.csv', 'SOCcode,JobName,JobZone,MedianSalary\n11-1011.00,CE,-1,100000\n11-1021.00,GM,9,90000\n');
    expect(expectRejected(imp('wages', f)).line).toBe(3);
  });

  it('usage tasks: a negative share is refused', () => {
    const f = write('u1.csv', 'task_name,pct\nplan.,1\nlead.,-2\n');
    expect(expectRejected(imp('usage-tasks', f, 'mini')).line).toBe(3);
  });

  it('usage tasks: a duplicate task name is refused', () => {
    const f = write('u2.csv', 'task_name,pct\nplan.,1\nplan.,2\n');
    expect(expectRejected(imp('usage-tasks', f, 'mini')).line).toBe(3);
  });

  it('usage patterns: duplicates after lower-casing are refused', () => {
    const f = write('u3.csv', 'interaction_type,pct\nDirective,1\ndirective,2\n');
    expect(expectRejected(imp('usage-patterns', f, 'mini')).line).toBe(3);
  });

  it('usage tasks for a source that does not exist are refused', () => {
    const f = write('u4.csv', 'task_name,pct\nplan.,1\n');
    expect(expectRejected(imp('usage-tasks', f, 'no-such-source')).message).toMatch(/does not exist/);
  });

  it('SOC structure: a row with two codes is refused', () => {
    const f = write('s.csv', 'Major Group,Minor Group,Broad Occupation,Detailed Occupation,Detailed O*NET-SOC,SOC or O*NET-SOC 2019 Title\n11-0000,11-1000,,,,Management\n');
    expect(expectRejected(imp('soc-structure', f)).line).toBe(2);
  });

  it('BLS employment: a non-numeric count names line and column', () => {
    const f = write('b.csv', 'SOC or O*NET-SOC 2019 Title,bls_distribution\nManagement Occupations,lots\n');
    expect(expectRejected(imp('bls-major-employment', f)).column).toBe('bls_distribution');
  });

  it('crosswalk: a missing 2019 column is refused at the header', () => {
    const f = write('c.csv', 'O*NET-SOC 2010 Code,O*NET-SOC 2010 Title\n11-1011.00,CE\n');
    expect(expectRejected(imp('soc-crosswalk', f)).line).toBe(1);
  });
});

describe('tab-separated and .xlsx importers', () => {
  it('Job Zones text release: a zone of 7 names line and column', () => {
    const f = write('jz.txt', 'O*NET-SOC Code\tTitle\tJob Zone\n11-1011.00\tCE\t5\n11-1021.00\tGM\t7\n');
    const e = expectRejected(imp('onet-job-zones', f));
    expect([e.line, e.column]).toEqual([3, 'Job Zone']);
  });

  it('Skills text release: a non-numeric Data Value is refused', () => {
    const f = write(
      'sk.txt',
      'O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tData Value\n11-1011.00\tCE\t2.A.1.a\tReading\tIM\tn/a\n',
    );
    expect(expectRejected(imp('onet-skills', f)).line).toBe(2);
  });

  it('a truncated .xlsx is refused', () => {
    const bytes = readFileSync(join(RES, 'onet-29.2/Job Zones.xlsx'));
    const f = write('jz-trunc.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(expectRejected(imp('onet-job-zones', f)).message).toMatch(/xlsx/i);
  });

  it('an .xlsx with the wrong columns is refused (Occupation Data given as Job Zones)', () => {
    const e = expectRejected(imp('onet-job-zones', join(RES, 'onet-29.2/Occupation Data.xlsx')));
    expect(e.message).toContain('Job Zone');
  });

  it('OEWS national: an unknown O_GROUP is refused', () => {
    const f = write('oews.csv', 'OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,A_MEDIAN\n00-0000,All,total,100,50000\n11-0000,Mgmt,huge,10,#\n');
    expect(expectRejected(imp('oews-national', f)).line).toBe(3);
  });
});

describe('release import is one transaction', () => {
  it('a release missing a file writes nothing', () => {
    const rel = join(dir, 'rel-missing');
    mkdirSync(rel);
    cpSync(`${FIX}/mini-release`, rel, { recursive: true });
    rmSync(join(rel, 'wage_data.csv'));
    expectRejected(() => importRelease(project.db, { dir: rel, id: 'mini' }));
  });

  it('a release whose last file is bad leaves the earlier files unwritten', () => {
    const rel = join(dir, 'rel-bad');
    mkdirSync(rel);
    cpSync(`${FIX}/mini-release`, rel, { recursive: true });
    writeFileSync(join(rel, 'onet_task_mappings.csv'), 'task_name,pct\nwrite code.,forty\n');
    const e = expectRejected(() => importRelease(project.db, { dir: rel, id: 'mini' }));
    expect(e.file).toContain('onet_task_mappings.csv');
    expect(e.line).toBe(2);
  });

  it('a valid re-import replaces the dataset instead of adding rows twice', () => {
    const count = () => project.db.prepare("SELECT count(*) FROM task_statement WHERE dataset = 'mini'").pluck().get();
    const before = count();
    importRelease(project.db, { dir: `${FIX}/mini-release`, id: 'mini' });
    expect(count()).toBe(before);
    expect(before).toBe(9);
  });
});

describe('the O*NET text (tab-separated) release', () => {
  const TSV = resolve(__dirname, '../../../shared/data/onet-29.2/derived-tsv');

  it('imports Task Statements and Job Zones from .tsv with the same rows as the .xlsx', () => {
    const tsv = importFile(project.db, { kind: 'onet-tasks', path: join(TSV, 'Task Statements.from_xlsx.tsv'), dataset: 'tsv' });
    const xlsx = importFile(project.db, { kind: 'onet-tasks', path: join(RES, 'onet-29.2/Task Statements.xlsx'), dataset: 'xlsx' });
    expect(tsv.rows).toBe(18796);
    expect(xlsx.rows).toBe(tsv.rows);
    const diff = project.db
      .prepare(
        `SELECT count(*) FROM task_statement a JOIN task_statement b
           ON a.code = b.code AND a.task_id = b.task_id AND a.dataset = 'tsv' AND b.dataset = 'xlsx'
         WHERE a.task <> b.task OR a.title <> b.title`,
      )
      .pluck()
      .get();
    expect(diff).toBe(0);
    const zones = importFile(project.db, { kind: 'onet-job-zones', path: join(TSV, 'Job Zones.from_xlsx.tsv'), dataset: 'tsv' });
    expect(zones.rows).toBe(923);
  });
});
