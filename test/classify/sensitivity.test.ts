// The threshold sweep (#16 item 2) against a hand count of the run fixture's tasks:
// code 15 conversations / 5 accounts, reports 30/10, budgets 14/5, stories 20/4 (79 conversations).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeProject, type Project } from '../../src-main/engine/project';
import { reportRun } from '../../src-main/engine/review/runs';
import { runSensitivity } from '../../src-main/engine/classify/sensitivity';
import { ACCOUNTS_NOT_APPLIED, thresholdsText } from '../../src-shared/thresholds';
import { runProject, seedRun } from '../export/run-fixture';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openProject } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { cli } from '../support/cli-capture';

let project: Project;
beforeEach(() => {
  project = runProject();
});
afterEach(() => closeProject(project));

describe('threshold sweep', () => {
  it('keeps the tasks a hand count keeps at every setting, with no change at the chosen one', () => {
    const report = reportRun(project.db, 'r');
    expect(report.thresholds).toEqual({ minConversations: 15, minAccounts: 5, accountsApplied: true });
    const sweep = runSensitivity(project.db, 'r', { conversations: [1, 20], accounts: [1] });
    // The chosen thresholds (15, 5) always join the grid.
    expect(sweep.conversationValues).toEqual([1, 15, 20]);
    expect(sweep.accountValues).toEqual([1, 5]);
    const cell = (c: number, a: number) => sweep.cells.find((x) => x.minConversations === c && x.minAccounts === a)!;
    expect([cell(1, 1), cell(15, 5), cell(20, 1), cell(20, 5)].map((x) => x.tasksKept)).toEqual([4, 2, 2, 1]);
    expect(cell(1, 1).conversationsKeptPct).toBeCloseTo(100, 9);
    expect(cell(15, 5).conversationsKeptPct).toBeCloseTo((100 * 45) / 79, 9);
    expect(cell(20, 1).conversationsKeptPct).toBeCloseTo((100 * 50) / 79, 9);
    expect(cell(20, 5).conversationsKeptPct).toBeCloseTo((100 * 30) / 79, 9);
    expect(cell(15, 5)).toMatchObject({ chosen: true, maxCategoryChange: { pp: 0, category: null } });
    expect(sweep.cells.filter((c) => c.chosen)).toHaveLength(1);
    expect(sweep).toMatchObject({ tasksTotal: 4, conversations: 79, chosen: { accountsApplied: true } });
    expect(sweep.note).toBeUndefined();
  });

  it('says the account threshold did not apply when no conversation has an account id', () => {
    project.db.prepare('UPDATE conversation SET account_id = NULL').run();
    const report = reportRun(project.db, 'r');
    expect(report.thresholds.accountsApplied).toBe(false);
    expect(thresholdsText({ minConversations: 15, minAccounts: 5, accountsApplied: false })).toBe(`≥15 conversations (${ACCOUNTS_NOT_APPLIED})`);
    const sweep = runSensitivity(project.db, 'r');
    expect(sweep.accountValues).toEqual([5]);
    expect(sweep.note).toBe(ACCOUNTS_NOT_APPLIED);
    // Without accounts, 15 conversations keep code, reports and stories.
    expect(sweep.cells.find((c) => c.chosen)!.tasksKept).toBe(3);
  });

  it('needs a reported run', () => {
    expect(() => runSensitivity(project.db, 'r')).toThrow(/has not been reported yet/);
    expect(() => runSensitivity(project.db, 'nope')).toThrow(/no classification run "nope"/);
  });
});

describe('task-atlas run sensitivity', () => {
  it('prints the sweep as JSON, and refuses a bad threshold with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sweep-cli-'));
    try {
      const file = join(dir, 'p.sqlite');
      const p = openProject(file, { resourcesDir: resolve(__dirname, '../../resources') });
      importRelease(p.db, { dir: resolve(__dirname, '../fixtures/mini-release'), id: 'mini' });
      seedRun(p.db);
      closeProject(p);
      const ok = await cli(['run', 'sensitivity', '--project', file, '--run', 'r', '--conversations', '1,15', '--accounts', '5', '--json']);
      expect(ok.code, ok.err).toBe(0);
      const sweep = JSON.parse(ok.out) as { cells: { minConversations: number; minAccounts: number; tasksKept: number; chosen: boolean }[] };
      expect(sweep.cells.map((c) => [c.minConversations, c.minAccounts, c.tasksKept, c.chosen])).toEqual([
        [1, 5, 3, false],
        [15, 5, 2, true],
      ]);
      const bad = await cli(['run', 'sensitivity', '--project', file, '--run', 'r', '--accounts', '0']);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('--accounts: "0" is not a threshold');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
