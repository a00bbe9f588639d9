// The acceptance run: 10,000 synthetic conversations classified end to end through the CLI against
// a fake Claude with 200 ms latency and 20% injected errors; killed with SIGKILL mid-run, then
// resumed. No paid call may repeat, and every conversation must end classified, screened out, or
// unclassified with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { importFile } from '../../src-main/engine/ingest';
import { importConversations } from '../../src-main/engine/ingest/conversations';
import { generateSynthetic } from '../../src-main/engine/ingest/conversations/synthetic';
import { buildHierarchy } from '../../src-main/engine/hierarchy/build';
import { closeProject } from '../../src-main/engine/project';
import { summariseRun } from '../../src-main/engine/classify/results';
import { runReport } from '../../src-main/engine/classify/report';
import { openProject } from '../../src-main/engine/project';
import { llmFor, projectWithRelease, RELEASE_DIR, ROOT, TEST_MODEL, tinyEmbedding } from '../hierarchy/support';

const N = 10_000;
const KILL_AFTER = 15_000;
let dir: string;
let projectPath: string;
let fake: FakeAnthropic;
let resumed = '';

const cliArgs = () => [
  join(ROOT, 'bin/task-atlas.mjs'), 'classify', '--run', 'r10k', '--dataset', 'synthetic', '--project', projectPath,
  '--base-url', fake.baseURL, '--model', TEST_MODEL, '--concurrency', '64', '--rpm', '1000000', '--itpm', '10000000000',
];

function cli(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cliArgs(), { cwd: ROOT, env: { ...process.env, ANTHROPIC_AUTH_TOKEN: 'test', TASK_ATLAS_HOME: dir } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`classify failed (${code}): ${err.slice(-2000)}`))));
  });
}

function recorded(): number {
  try {
    const db = new Database(projectPath, { readonly: true, fileMustExist: true });
    try {
      // Only this run's calls: the project also holds the calls that built its hierarchy.
      return db.prepare("SELECT count(*) FROM llm_call WHERE prompt_id LIKE 'classify.%'").pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** A project with a small hierarchy (1,000 task rows) and the 10,000 conversations imported. */
async function prepare(): Promise<number> {
  const project = projectWithRelease(projectPath);
  try {
    const lines = readFileSync(join(RELEASE_DIR, 'onet_task_statements.csv'), 'utf8').split('\n');
    writeFileSync(join(dir, 'subset.csv'), lines.slice(0, 1001).join('\n') + '\n');
    importFile(project.db, { kind: 'onet-tasks', path: join(dir, 'subset.csv'), dataset: 'subset' });
    const builder = await startFakeAnthropic({ seed: 2 });
    const embedding = await tinyEmbedding(project);
    try {
      await buildHierarchy({ db: project.db, llm: llmFor(project, builder), embed: embedding.embed }, { taskDataset: 'subset', model: TEST_MODEL });
    } finally {
      await embedding.close();
      await builder.close();
    }
    const file = join(dir, 'synthetic.jsonl');
    await generateSynthetic(file, N, 42);
    const r = await importConversations(project.db, file, { dataset: 'synthetic' });
    return r.added;
  } finally {
    closeProject(project);
  }
}

let imported = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-10k-'));
  projectPath = join(dir, 'p.sqlite');
  imported = await prepare();
  fake = await startFakeAnthropic({
    seed: 10,
    latencyMs: 200,
    rate429: 0.1,
    rate529: 0.05,
    rate500: 0.05,
    retryAfterSeconds: 0.1,
  });
  fake.hangAfter(KILL_AFTER);
  const first = spawn(process.execPath, cliArgs(), { cwd: ROOT, env: { ...process.env, ANTHROPIC_AUTH_TOKEN: 'test', TASK_ATLAS_HOME: dir }, stdio: 'ignore' });
  const exited = new Promise((done) => first.once('exit', done));
  while (recorded() < KILL_AFTER) await new Promise((r) => setTimeout(r, 250));
  first.kill('SIGKILL');
  await exited;
  fake.hangAfter(null);
  resumed = await cli();
}, 1_800_000);

afterAll(async () => {
  await fake.close();
});

describe('10,000 conversations, killed and resumed', () => {
  it('imported all 10,000', () => {
    expect(imported).toBe(N);
  });

  it('accounts for every conversation', () => {
    const project = openProject(projectPath);
    try {
      const s = summariseRun(project.db, 'r10k');
      expect(s.conversations).toBe(N);
      expect(s.missing).toBe(0);
      expect(s.classified + s.screenedOut + s.unclassified).toBe(N);
      expect(s.classified).toBeGreaterThan(N * 0.8);
      // Every unclassified conversation carries its reason.
      const noReason = project.db
        .prepare("SELECT count(*) FROM classification WHERE run_id = 'r10k' AND status = 'unclassified' AND (reason IS NULL OR reason = '')")
        .pluck()
        .get();
      expect(noReason).toBe(0);
      const report = runReport(project.db, 'r10k');
      expect(report.tasks.kept).toBeGreaterThan(0);
      expect(report.skills.length).toBeGreaterThan(0);
    } finally {
      closeProject(project);
    }
    expect(resumed).toContain('0 unaccounted for');
  });

  it('repeated no paid call, though 20% of requests failed and were retried', () => {
    const s = fake.stats();
    expect(s.duplicates()).toBe(0);
    expect(s.completed).toBeGreaterThan(KILL_AFTER);
    expect(s.errors[429] + s.errors[529] + s.errors[500]).toBeGreaterThan(0.15 * s.requests);
    // Every answer the server delivered is in the project exactly once.
    expect(recorded()).toBe(s.completed);
    expect(resumed).toMatch(/retries \{"HTTP (429|529|500)/);
  });
});
