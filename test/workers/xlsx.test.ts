// Reference files parsed in a task worker: the same table and rows as the in-thread readers, and a
// bad file fails with the same ImportError (file, line, column, message).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ImportError } from '../../src-main/engine/errors';
import { importFile, parseImport } from '../../src-main/engine/ingest';
import { readXlsxFile } from '../../src-main/engine/ingest/formats/xlsx';
import { importFileAsync, parseImportAsync, readXlsxFileAsync } from '../../src-main/engine/ingest/formats/xlsx-worker';
import { closeProject, openProject } from '../../src-main/engine/project';

const RES = resolve(__dirname, '../../resources/data');
const dir = mkdtempSync(join(tmpdir(), 'atlas-xlsx-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function thrown(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('expected an ImportError');
}

describe('reference files in a task worker', () => {
  it('reads an .xlsx to the same table', async () => {
    const file = join(RES, 'onet-29.2/Job Zones.xlsx');
    expect(await readXlsxFileAsync(file)).toEqual(readXlsxFile(file));
  });

  it('fails on a truncated .xlsx with the same ImportError', async () => {
    const bytes = readFileSync(join(RES, 'onet-29.2/Job Zones.xlsx'));
    const file = join(dir, 'truncated.xlsx');
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const expected = thrown(() => readXlsxFile(file));
    const err = await readXlsxFileAsync(file).then(() => expect.unreachable(), (e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toBe(expected.message);
    expect((err as ImportError).file).toBe(file);
  });

  it('binds rows like parseImport, and a wrong file fails with the same line and column', async () => {
    const good = join(RES, 'onet-29.2/Job Zones.xlsx');
    expect(await parseImportAsync('onet-job-zones', good)).toEqual(parseImport('onet-job-zones', good));
    const wrong = join(RES, 'onet-29.2/Occupation Data.xlsx');
    const expected = thrown(() => parseImport('onet-job-zones', wrong));
    const err = (await parseImportAsync('onet-job-zones', wrong).catch((e: unknown) => e)) as ImportError;
    expect(err).toBeInstanceOf(ImportError);
    expect([err.message, err.file, err.line, err.column]).toEqual([expected.message, expected.file, expected.line, expected.column]);
  });

  it('imports into a project like importFile', async () => {
    const file = join(RES, 'onet-29.2/Job Zones.xlsx');
    const a = openProject(':memory:', { resourcesDir: resolve(__dirname, '../../resources') });
    const b = openProject(':memory:', { resourcesDir: resolve(__dirname, '../../resources') });
    try {
      const viaWorker = await importFileAsync(a.db, { kind: 'onet-job-zones', path: file, dataset: 'x' });
      expect(viaWorker).toEqual(importFile(b.db, { kind: 'onet-job-zones', path: file, dataset: 'x' }));
      const rows = (db: typeof a.db) => db.prepare('SELECT * FROM job_zone ORDER BY code').all();
      expect(rows(a.db)).toEqual(rows(b.db));
      expect(rows(a.db).length).toBe(viaWorker.rows);
    } finally {
      closeProject(a);
      closeProject(b);
    }
  });
});
