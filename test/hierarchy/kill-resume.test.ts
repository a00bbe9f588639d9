// Kill -9 in the middle of a full build, run the same command again: it must finish with zero
// repeated calls (counted at the fake server) and the same tree as an uninterrupted build.
// The fake stops answering after N responses, so the kill lands while every later request is
// still unanswered: what was delivered was recorded, what was not is sent again exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { closeProject, openProject } from '../../src-main/engine/project';
import { latestHierarchyId } from '../../src-main/cli/tree';
import { validateTree, loadNodes } from '../../src-main/engine/hierarchy/store';
import { ensureTinyModel, TINY_MODEL_ID } from '../embed/tiny-model';
import { ROOT, TEST_MODEL, treeSignature } from './support';

const KILL_AFTER = 1000;
let dir: string;
let reference: FakeAnthropic;
let killed: FakeAnthropic;

function args(project: string, baseURL: string): string[] {
  return [
    join(ROOT, 'bin/task-atlas.mjs'), 'hierarchy', 'build', '--project', project, '--base-url', baseURL,
    '--model', TEST_MODEL, '--embedding-model', TINY_MODEL_ID, '--model-dir', ensureTinyModel(), '--concurrency', '8',
  ];
}

const env = () => ({ ...process.env, ANTHROPIC_AUTH_TOKEN: 'test', TASK_ATLAS_HOME: dir });

/** Runs the CLI to completion. Asynchronously: the fake server lives in this process and must answer. */
function runToEnd(project: string, baseURL: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args(project, baseURL), { cwd: ROOT, env: env() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.once('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`build failed (${code}): ${stderr.slice(-2000)}`))));
  });
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

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-kill-'));
  reference = await startFakeAnthropic({ seed: 5 });
  killed = await startFakeAnthropic({ seed: 5 });
  await runToEnd(join(dir, 'reference.sqlite'), reference.baseURL);

  const victim = join(dir, 'victim.sqlite');
  killed.hangAfter(KILL_AFTER);
  const child = spawn(process.execPath, args(victim, killed.baseURL), { cwd: ROOT, env: env(), stdio: 'ignore' });
  const exited = new Promise((done) => child.once('exit', done));
  while (recordedCalls(victim) < KILL_AFTER) await new Promise((r) => setTimeout(r, 200));
  child.kill('SIGKILL');
  await exited;
  killed.hangAfter(null);
  resumedStdout = await runToEnd(victim, killed.baseURL);
}, 1_200_000);

afterAll(async () => {
  await reference.close();
  await killed.close();
});

describe('kill -9 and resume', () => {
  it('was killed mid-way with requests still open', () => {
    expect(killed.stats().completed).toBeGreaterThan(KILL_AFTER);
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
    expect(b).toHaveLength(a.length);
    expect(b).toEqual(a);
  });
});
