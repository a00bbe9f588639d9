// A job that was running when the app died: the child process below is killed with SIGKILL in the
// middle of a classification. Reopening the project marks the row 'interrupted'; resuming it runs
// the same arguments again and finishes, reusing the checkpoints the dead process left behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import type { AppHost } from '../../src-main/engine/host';
import { recordUpdates, ROOT, seedClassifyFixture, testHost } from './support';

let dir: string;
let fake: FakeAnthropic;
let project: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-crash-'));
  fake = await startFakeAnthropic({ latencyMs: 30 });
  const seed = testHost(join(dir, 'config'), fake);
  project = seed.createProject(join(dir, 'crash.sqlite')).path;
  await seedClassifyFixture(seed);
  await seed.close();
}, 120_000);
afterAll(async () => {
  await fake.close();
});

function runChildUntilKilled(): Promise<{ jobId: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'crash-child.ts'), join(dir, 'config'), project, fake.baseURL], {
      cwd: ROOT,
      env: { ...process.env, ANTHROPIC_API_KEY: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited with ${code}: ${stderr.slice(-2000)}`));
      else resolve({ jobId: stdout.trim(), signal });
    });
  });
}

describe('a job interrupted by a crash', () => {
  let host: AppHost;
  afterAll(async () => host?.close());

  it('is marked interrupted on reopen and resumes to done from its checkpoints', async () => {
    const { jobId } = await runChildUntilKilled();
    expect(jobId).toMatch(/^job-/);
    host = testHost(join(dir, 'config'), fake);
    host.openProject(project);
    const listed = host.jobs.list().find((j) => j.id === jobId);
    expect(listed).toMatchObject({ status: 'interrupted', kind: 'classify.run', attempts: 1 });
    expect(listed!.progress).not.toBeNull();
    expect(host.logger.recent().some((l) => JSON.parse(l).event === 'jobs.interrupted')).toBe(true);

    const updates = recordUpdates(host);
    expect(host.jobs.resume(jobId)).toMatchObject({ status: 'running', attempts: 2 });
    const done = await host.jobs.wait(jobId);
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    expect(done.result).toMatchObject({ run: 'crashy', conversations: 30, missing: 0, sourceId: 'run:crashy' });
    expect(updates.some((u) => u.id === jobId && (u.progress?.fromCheckpoint ?? 0) > 0)).toBe(true);
    // The calls the dead process paid for, as far as its last progress write (at most a second
    // old), stay in the job's total: read back from the row and added to this attempt's.
    const before = listed!.progress!.claudeTotal ?? listed!.progress!.claude;
    expect(before).toBeDefined();
    expect(done.progress!.claudeTotal!.sent).toBe(before!.sent + done.progress!.claude!.sent);
    expect((done.result as { costUsd: number }).costUsd).toBeCloseTo(done.progress!.claudeTotal!.costUsd, 10);
  });
});
