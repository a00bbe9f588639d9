// Kill -9 in the middle of a build, run the same command again: it must finish with zero repeated
// calls (counted at the fake server) and the same tree as an uninterrupted build. The fake stops
// answering after N responses, so the kill lands while every later request is still unanswered:
// what was delivered was recorded, what was not is sent again exactly once.
// Runs on a 2,000-task subset (three levels, every step of the full build): resumption does not
// depend on size, and the full 18.4K build runs once, in build-full.acceptance.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { closeProject, openProject } from '../../src-main/engine/project';
import { importFile } from '../../src-main/engine/ingest';
import { latestHierarchyId } from '../../src-main/cli/tree';
import { validateTree, loadNodes } from '../../src-main/engine/hierarchy/store';
import { baseItems } from '../../src-main/engine/hierarchy/build';
import { ensureTinyModel, TINY_MODEL_ID } from '../embed/tiny-model';
import { killHard, runCli, startCli, waitWhileRunning } from '../support/child';
import { openBundledProject } from '../support/shared-projects';
import { RELEASE_DIR, ROOT, TEST_MODEL, treeSignature } from './support';

const TASKS = 2000;
const KILL_AFTER = 150; // of ~330 calls
let dir: string;
let baseTasks = 0;
let reference: FakeAnthropic;
let killed: FakeAnthropic;

function args(project: string, baseURL: string): string[] {
  return [
    'hierarchy', 'build', '--project', project, '--dataset', 'subset', '--base-url', baseURL, '--model', TEST_MODEL,
    '--embedding-model', TINY_MODEL_ID, '--model-dir', ensureTinyModel(), '--concurrency', '8',
  ];
}

const env = () => ({ ...process.env, ANTHROPIC_AUTH_TOKEN: 'test', TASK_ATLAS_HOME: dir });

/** The bundled project plus the first TASKS task statements as the data set 'subset'. */
function prepare(file: string): void {
  const project = openBundledProject(file);
  try {
    const lines = readFileSync(join(RELEASE_DIR, 'onet_task_statements.csv'), 'utf8').split('\n');
    writeFileSync(join(dir, 'subset.csv'), lines.slice(0, TASKS + 1).join('\n') + '\n');
    importFile(project.db, { kind: 'onet-tasks', path: join(dir, 'subset.csv'), dataset: 'subset' });
    baseTasks = baseItems(project.db, 'subset').length; // distinct task texts
  } finally {
    closeProject(project);
  }
}

function recordedCalls(project: string): number {
  try {
    const db = new Database(project, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT count(*) FROM llm_call').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}

function signature(project: string): string[] {
  const p = openProject(project, { resourcesDir: join(ROOT, 'resources') });
  try {
    const id = latestHierarchyId(p.db)!;
    expect(validateTree(loadNodes(p.db, id))).toBeNull();
    return treeSignature(p.db, id);
  } finally {
    closeProject(p);
  }
}

let resumedStdout = '';
let callsBefore = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-kill-'));
  const victim = join(dir, 'victim.sqlite');
  prepare(join(dir, 'reference.sqlite'));
  copyFileSync(join(dir, 'reference.sqlite'), victim);
  callsBefore = recordedCalls(victim);
  reference = await startFakeAnthropic({ seed: 5 });
  killed = await startFakeAnthropic({ seed: 5 });
  await runCli(args(join(dir, 'reference.sqlite'), reference.baseURL), env());

  killed.hangAfter(KILL_AFTER);
  const child = startCli(args(victim, killed.baseURL), env());
  await waitWhileRunning(child, () => recordedCalls(victim) - callsBefore >= KILL_AFTER);
  await killHard(child);
  killed.hangAfter(null);
  resumedStdout = await runCli(args(victim, killed.baseURL), env());
}, 600_000);

afterAll(async () => {
  await reference?.close();
  await killed?.close();
});

describe('kill -9 and resume', () => {
  it('was killed mid-way with requests still open', () => {
    expect(killed.stats().completed).toBeGreaterThan(KILL_AFTER);
    expect(reference.stats().completed).toBeGreaterThan(2 * KILL_AFTER);
    // The resumed run sent only what the killed run never got answered: the rest came from the
    // project's checkpoints and call store.
    const sent = Number(/Claude: (\d+) requests sent/.exec(resumedStdout)?.[1]);
    expect(sent).toBe(reference.stats().completed - KILL_AFTER);
  });

  it('repeats no call', () => {
    expect(killed.stats().duplicates()).toBe(0);
    expect(killed.stats().completed).toBe(reference.stats().completed);
  });

  it('ends with the same hierarchy as an uninterrupted build with the same seed', () => {
    const a = signature(join(dir, 'reference.sqlite'));
    const b = signature(join(dir, 'victim.sqlite'));
    expect(a.filter((s) => s.startsWith('0|'))).toHaveLength(baseTasks);
    expect(baseTasks).toBeGreaterThan(0.95 * TASKS);
    expect(b).toHaveLength(a.length);
    expect(b).toEqual(a);
  });
});
