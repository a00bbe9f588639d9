// The CLI's long commands are the app's job kinds run in process: a missing key is refused before a
// job starts (with the terminal's hint), Ctrl+C pauses the job (exit 130) and the same command
// resumes it, and the results print as before. Child processes on a small project.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { closeProject, openProject } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { importHierarchy } from '../../src-main/engine/hierarchy/store';
import { generateSynthetic } from '../../src-main/engine/ingest/conversations/synthetic';
import { ensureTinyModel, TINY_MODEL_ID } from '../embed/tiny-model';
import { TINY_HIERARCHY } from '../fixtures/tiny-hierarchy';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/task-atlas.mjs');
let dir: string;
let project: string;
let conversations: string;

/** No key in the environment unless a test gives one: the terminal's hint must show. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...process.env, TASK_ATLAS_HOME: dir, ...extra };
  for (const name of ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_BASE_URL']) if (!(name in extra)) delete clean[name];
  return clean;
}

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--project', project], { cwd: ROOT, encoding: 'utf8', env: env(), timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function jobs(): { kind: string; status: string; attempts: number }[] {
  const db = new Database(project, { readonly: true });
  try {
    return db.prepare('SELECT kind, status, attempts FROM job ORDER BY started_at').all() as { kind: string; status: string; attempts: number }[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-cli-jobs-'));
  project = join(dir, 'p.sqlite');
  const p = openProject(project, { resourcesDir: join(ROOT, 'resources') });
  try {
    importRelease(p.db, { dir: join(ROOT, 'test/fixtures/mini-release'), id: 'mini' });
    importHierarchy(p.db, 'h.json', TINY_HIERARCHY);
  } finally {
    closeProject(p);
  }
  conversations = join(dir, 'c.jsonl');
  await generateSynthetic(conversations, 40, 5);
}, 120_000);

describe('task-atlas conversations import (the conversations.import job)', () => {
  it('imports the file and prints the counts', () => {
    const r = cli(['conversations', 'import', conversations, '--dataset', 'c']);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('c: 40 conversations read (jsonl), 40 added, 0 already present, 0 bad rows');
    expect(jobs().filter((j) => j.kind === 'conversations.import')).toEqual([{ kind: 'conversations.import', status: 'done', attempts: 1 }]);
  });
});

describe('task-atlas classify (the classify.run job)', () => {
  it('refuses to start without a key, with the app message and the terminal hint', () => {
    const r = cli(['classify', '--run', 'r1', '--dataset', 'c', '--hierarchy', 'h']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: No Claude API key: add one in Settings. (in a terminal: set ANTHROPIC_API_KEY, or use --fake');
    expect(jobs().some((j) => j.kind === 'classify.run')).toBe(false);
  });

  it('prints the estimate only with --estimate, starting no job', () => {
    const r = cli(['classify', '--run', 'r1', '--dataset', 'c', '--hierarchy', 'h', '--fake', '--estimate']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Estimate: 40 conversations, up to \d+ Claude calls/m);
    expect(jobs().some((j) => j.kind === 'classify.run')).toBe(false);
  });

  it('pauses on Ctrl+C (exit 130), and the same command resumes the paused job to the end', async () => {
    // Paced to a few calls a second so the interrupt lands mid-run.
    const child = spawn(process.execPath, [BIN, 'classify', '--run', 'r1', '--dataset', 'c', '--hierarchy', 'h', '--fake', '--rpm', '30', '--concurrency', '2', '--project', project], {
      cwd: ROOT,
      env: env(),
    });
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    await new Promise<void>((ready, fail) => {
      child.stderr.on('data', (c) => {
        stderr += c;
        if (/ETA /.test(stderr)) ready();
      });
      void exited.then(() => fail(new Error(`exited before any progress: ${stderr}`)));
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('paused: run the same command again to resume');
    expect(jobs().filter((j) => j.kind === 'classify.run')).toEqual([{ kind: 'classify.run', status: 'paused', attempts: 1 }]);

    const r = cli(['classify', '--run', 'r1', '--dataset', 'c', '--hierarchy', 'h', '--fake']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/resuming: Classify run r1 \(attempt 2\)/);
    expect(r.stdout).toMatch(/^Run r1 \(claude\): 40 conversations: \d+ classified, \d+ screened out, \d+ unclassified, 0 unaccounted for$/m);
    expect(r.stdout).toMatch(/^Claude: \d+ requests sent, \d+ answered from the project's cache, retries \{.*\}, \d+ invalid answers, \$\d+\.\d\d$/m);
    expect(jobs().filter((j) => j.kind === 'classify.run')).toEqual([{ kind: 'classify.run', status: 'done', attempts: 2 }]);
  }, 120_000);

  it('reports the run through the service, and exports it through the export job', () => {
    const report = cli(['run', 'report', '--run', 'r1']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('Run r1 (claude) → usage source run:r1');
    const out = join(dir, 'export');
    const r = cli(['export', '--run', 'r1', '--out', out, '--formats', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote \d+ files to .*export \(manifest\.json lists their sha256\)$/m);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    expect(readdirSync(join(out, 'csv'))).toContain('task_counts.csv');
  });
});

describe('task-atlas hierarchy build (the hierarchy.build job)', () => {
  it('refuses a missing embedding model before starting, naming the terminal ways to get one', () => {
    const r = cli(['hierarchy', 'build', '--dataset', 'mini', '--fake', '--embedding-model', 'no-such-model', '--levels', '2', '--top', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Estimate: \d+ Claude calls/m);
    expect(r.stderr).toMatch(/error: Embedding model "no-such-model" is not available offline.*\(in a terminal: .*--allow-download\)/);
    expect(jobs().some((j) => j.kind === 'hierarchy.build')).toBe(false);
  });

  it('builds with the demo server and the tiny model, printing the tree sizes and Claude totals', () => {
    const r = cli(['hierarchy', 'build', '--dataset', 'mini', '--fake', '--embedding-model', TINY_MODEL_ID, '--model-dir', ensureTinyModel(), '--levels', '2', '--top', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Hierarchy h-[0-9a-f]{12}: \d+ \/ 2 nodes \(targets \d+ \/ 2\)$/m);
    expect(r.stdout).toMatch(/^Claude: [1-9]\d* requests sent, /m);
    expect(r.stdout).toMatch(/^ {2}level 1: \d+ neighbourhoods/m);
    expect(jobs().filter((j) => j.kind === 'hierarchy.build')).toEqual([{ kind: 'hierarchy.build', status: 'done', attempts: 1 }]);
  }, 120_000);
});
