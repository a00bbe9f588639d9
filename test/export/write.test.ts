// All-or-nothing writing: a failure part-way leaves neither the target nor a temporary directory.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportStaging } from '../../src-main/engine/export/staging';
import { exportResults } from '../../src-main/engine/export';
import { runProject } from './run-fixture';
import { closeProject } from '../../src-main/engine/project';

describe('atomic export', () => {
  it('leaves nothing behind when a write fails', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'atlas-atomic-'));
    try {
      // "a.csv" is written as a file, so creating "a.csv/b.csv" fails after the first file is on disk.
      const staging = ExportStaging.begin(join(tmp, 'out'));
      staging.write('a.csv', Buffer.from('x'));
      expect(() => staging.write('a.csv/b.csv', Buffer.from('y'))).toThrow();
      // Nothing at the target while it is written; abandoning leaves no trace at all.
      expect(readdirSync(tmp)).toEqual([`out.partial-${process.pid}`]);
      staging.abandon();
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('refuses ambiguous requests before writing anything', () => {
    const project = runProject();
    const tmp = mkdtempSync(join(tmpdir(), 'atlas-atomic-'));
    try {
      expect(() => exportResults(project.db, { dir: join(tmp, 'x') })).toThrow(/exactly one/);
      expect(() => exportResults(project.db, { run: 'nope', dir: join(tmp, 'x') })).toThrow(/no classification run/);
      expect(existsSync(join(tmp, 'x'))).toBe(false);
    } finally {
      closeProject(project);
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
