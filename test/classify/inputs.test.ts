// A result always knows what it was computed from (#13 item 3): a run records the content hashes of
// its hierarchy, conversation datasets and reference release; other content under an existing id is
// refused at import; and a report whose inputs changed anyway is refused with the change named.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeProject, type Project } from '../../src-main/engine/project';
import { exportHierarchy, hierarchyHash, importHierarchy } from '../../src-main/engine/hierarchy/store';
import { reportRun } from '../../src-main/engine/review/runs';
import { recordedInputs } from '../../src-main/engine/classify/inputs';
import { runReport } from '../../src-main/engine/classify/report';
import { importFile, importRelease } from '../../src-main/engine/ingest';
import { ConflictError } from '../../src-main/engine/errors';
import { runProject } from '../export/run-fixture';

const MINI = resolve(__dirname, '../fixtures/mini-release');
let project: Project;
let tmp: string;

beforeEach(() => {
  project = runProject();
  tmp = mkdtempSync(join(tmpdir(), 'inputs-'));
});
afterEach(() => {
  closeProject(project);
  rmSync(tmp, { recursive: true, force: true });
});

function tampered(): unknown {
  const file = exportHierarchy(project.db, 'h');
  return { ...file, nodes: file.nodes.map((n) => (n.id === 'n-code' ? { ...n, name: 'Write reports.' } : n)) };
}

describe('run inputs', () => {
  it('records the hashes a report used', () => {
    reportRun(project.db, 'r');
    const inputs = recordedInputs(project.db, 'r');
    expect(inputs?.hierarchy).toEqual({ id: 'h', hash: hierarchyHash(project.db, 'h') });
    expect(inputs?.datasets).toEqual([{ name: 'd', hash: expect.stringMatching(/^[0-9a-f]{64}$/), conversations: 79 }]);
    expect(inputs?.reference?.dataset).toBe('aei-2025-02-10');
  });

  it('a tampered hierarchy import under the same id is refused and cannot change a finished run', () => {
    const before = reportRun(project.db, 'r');
    expect(() => importHierarchy(project.db, 'tampered.json', tampered())).toThrow(ConflictError);
    expect(() => importHierarchy(project.db, 'tampered.json', tampered())).toThrow(/already has a hierarchy "h" with different content.*--as/);
    expect(reportRun(project.db, 'r')).toEqual(before);
    // The same content again is a no-op; other content goes in under a new id.
    expect(importHierarchy(project.db, 'same.json', exportHierarchy(project.db, 'h'))).toMatchObject({ id: 'h', unchanged: true });
    expect(importHierarchy(project.db, 'tampered.json', tampered(), 'h2')).toMatchObject({ id: 'h2', unchanged: false });
    expect(hierarchyHash(project.db, 'h2')).not.toBe(hierarchyHash(project.db, 'h'));
    expect(reportRun(project.db, 'r')).toEqual(before);
  });

  it('a report whose hierarchy content changed (e.g. rebuilt) is refused with the change named', () => {
    reportRun(project.db, 'r');
    project.db.prepare("UPDATE hierarchy SET content_hash = NULL WHERE id = 'h'").run();
    project.db.prepare("UPDATE hierarchy_node SET name = 'Write reports.' WHERE node_id = 'n-code'").run();
    expect(() => reportRun(project.db, 'r')).toThrow(/run "r" was computed from inputs that have changed since: hierarchy "h" has different content/);
  });

  it('a report whose conversation dataset grew is refused', () => {
    reportRun(project.db, 'r');
    project.db.prepare("INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at) VALUES ('i2', 'd', 'g.jsonl', 'jsonl', 'x', 'complete', '')").run();
    project.db.prepare("INSERT INTO conversation (id, dataset, messages_json, turns, chars, import_id) VALUES ('extra', 'd', '[]', 0, 0, 'i2')").run();
    expect(() => reportRun(project.db, 'r')).toThrow(/conversation dataset "d" has changed \(79 conversations when the run finished, 80 now\)/);
  });

  it('an unchanged dataset is vouched for by its stamp; a changed stamp with the same content is re-stamped, not refused', () => {
    reportRun(project.db, 'r');
    const stamped = recordedInputs(project.db, 'r');
    expect(Object.keys(stamped?.stamps ?? {})).toEqual(['d']);
    // A run recorded before stamps existed gets them at its next report (aggregated, not from the store), its hashes unchanged.
    project.db.prepare('UPDATE classify_run SET inputs_json = ? WHERE id = ?').run(JSON.stringify({ ...stamped, stamps: undefined }), 'r');
    runReport(project.db, 'r');
    expect(recordedInputs(project.db, 'r')).toEqual(stamped);
    // An import that added nothing moves the stamp but not the content.
    project.db.prepare("INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at) VALUES ('i0', 'd', 'same.jsonl', 'jsonl', 'x', 'complete', '')").run();
    expect(() => runReport(project.db, 'r')).not.toThrow();
    const restamped = recordedInputs(project.db, 'r');
    expect(restamped?.datasets).toEqual(stamped?.datasets);
    expect(restamped?.stamps?.d).not.toBe(stamped?.stamps?.d);
  });

  it('reference files: other content under an existing dataset is refused unless replaced, and the run then says so', () => {
    importFile(project.db, { kind: 'wages', path: join(MINI, 'wage_data.csv'), dataset: 'aei-2025-02-10' });
    reportRun(project.db, 'r');
    const wages = join(tmp, 'wage_data.csv');
    const lines = readFileSync(join(MINI, 'wage_data.csv'), 'utf8').trim().split('\n');
    writeFileSync(wages, lines.slice(0, -1).join('\n') + '\n');
    expect(() => importFile(project.db, { kind: 'wages', path: wages, dataset: 'aei-2025-02-10' })).toThrow(
      /dataset "aei-2025-02-10" already holds a different wages file.*--replace/,
    );
    expect(() => reportRun(project.db, 'r')).not.toThrow();
    // The same file again is fine (a re-import of identical content changes nothing).
    expect(() => importFile(project.db, { kind: 'wages', path: join(MINI, 'wage_data.csv'), dataset: 'aei-2025-02-10' })).not.toThrow();
    importFile(project.db, { kind: 'wages', path: wages, dataset: 'aei-2025-02-10', replace: true });
    expect(() => reportRun(project.db, 'r')).toThrow(/reference release "aei-2025-02-10" was re-imported with different files/);
    // A whole release under an existing id with other files is refused the same way.
    expect(() => importRelease(project.db, { dir: MINI, id: 'aei-2025-02-10' })).toThrow(ConflictError);
  });
});
