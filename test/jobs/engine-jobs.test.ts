// The four job kinds through the host's runner, against the fake Claude server (with latency) and
// the tiny embedding model: progress events, pause and resume of a classification that skips the
// work checkpointed by the first attempt, a sampled hierarchy build, and the offline / no-key rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import type { AppHost } from '../../src-main/engine/host';
import { dispatch } from '../../src-main/engine/dispatch';
import { createAppService } from '../../src-main/engine/service';
import { NO_KEY_MESSAGE } from '../../src-main/engine/jobs/models';
import { HIERARCHY_ID, recordUpdates, seedClassifyFixture, statuses, testHost, whenJob, WILDCHAT } from './support';

let dir: string;
let fake: FakeAnthropic;
let host: AppHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-jobs-'));
  fake = await startFakeAnthropic({ latencyMs: 20, seed: 5 });
  host = testHost(join(dir, 'config'), fake);
  host.createProject(join(dir, 'jobs'));
  await seedClassifyFixture(host);
}, 120_000);
afterAll(async () => {
  await host.close();
  await fake.close();
});

describe('conversations.import job', () => {
  it('reads the file to done with byte progress and the import summary', async () => {
    const updates = recordUpdates(host);
    const job = host.jobs.start({ kind: 'conversations.import', args: { path: WILDCHAT, dataset: 'wildchat-again' } });
    const done = await host.jobs.wait(job.id);
    expect(done.status).toBe('done');
    expect(done.result).toMatchObject({ dataset: 'wildchat-again', format: 'wildchat', file: WILDCHAT });
    expect((done.result as { added: number }).added).toBeGreaterThan(700);
    const progress = updates.filter((u) => u.id === job.id && u.progress).map((u) => u.progress!);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.phase === 'reading' && p.total === statSync(WILDCHAT).size)).toBe(true);
    expect(done.progress!.done).toBe(statSync(WILDCHAT).size);
  });
});

describe('classify.run job', () => {
  it('pauses, resumes with the same arguments, skips checkpointed work and ends with the run source', async () => {
    const updates = recordUpdates(host);
    const args = { name: 'pilot', datasets: ['wildchat'], hierarchyId: HIERARCHY_ID, limit: 40, minConversations: 1, minAccounts: 1 };
    const job = host.jobs.start({ kind: 'classify.run', args });
    expect(job.label).toBe('Classify run pilot (first 40 conversations)');
    await whenJob(host, job.id, (j) => (j.progress?.done ?? 0) >= 15 && j.progress!.fromCheckpoint === 0);
    host.jobs.cancel(job.id, 'pause');
    const paused = await host.jobs.wait(job.id);
    expect(paused.status).toBe('paused');
    const sentBefore = fake.stats().completed;
    expect(paused.progress!.claude!.sent).toBeGreaterThan(0);
    const whilePaused = await createAppService(host)['classify.runs']({}, { transport: 'http' });
    expect(whilePaused.find((r) => r.run === 'pilot')).toMatchObject({ status: 'incomplete', sourceId: null });

    const resumed = host.jobs.resume(job.id);
    expect(resumed.attempts).toBe(2);
    const done = await host.jobs.wait(job.id);
    expect(done.status).toBe('done');
    expect(statuses(updates, job.id)).toEqual(['running', 'pausing', 'paused', 'running', 'done']);
    // The second attempt found the first attempt's answers as checkpoints and paid for none twice.
    const second = updates.filter((u) => u.id === job.id && u.attempts === 2 && u.progress);
    expect(second.some((u) => u.progress!.fromCheckpoint > 0)).toBe(true);
    expect(fake.stats().duplicates()).toBe(0);
    expect(fake.stats().completed).toBeGreaterThan(sentBefore);
    const result = done.result as { conversations: number; missing: number; sourceId: string; classified: number };
    expect(result).toMatchObject({ run: 'pilot', conversations: 40, missing: 0, sourceId: 'run:pilot' });
    expect(result.classified).toBeGreaterThan(0);

    const runs = await createAppService(host)['classify.runs']({}, { transport: 'http' });
    expect(runs.find((r) => r.run === 'pilot')).toMatchObject({ conversations: 40, sourceId: 'run:pilot', status: 'complete' });

    // One progress for the whole job, in plain words, that never went back (not even on resume).
    const progress = updates.filter((u) => u.id === job.id && u.progress?.fraction !== undefined).map((u) => u.progress!);
    const fractions = progress.map((p) => p.fraction!);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(done.progress!.fraction).toBe(1);
    const labels = new Set(progress.map((p) => p.phaseLabel));
    expect(labels).toContain('Screening 40 conversations');
    expect([...labels].some((l) => /^Choosing tasks, level \d of \d \(with collaboration patterns and skills alongside\)$/.test(l ?? ''))).toBe(true);
    // Calls and cost of both attempts add up; the result costs what the whole job cost.
    const total = done.progress!.claudeTotal!;
    expect(total.sent).toBe(paused.progress!.claude!.sent + done.progress!.claude!.sent);
    expect((done.result as { costUsd: number }).costUsd).toBeCloseTo(total.costUsd, 10);
  });

  it('uses the offline embedding method in offline mode, with no Claude calls', async () => {
    host.settings.update({ offline: true });
    try {
      const before = fake.stats().requests;
      const job = host.jobs.start({ kind: 'classify.run', args: { name: 'offline-1', datasets: ['wildchat'], hierarchyId: HIERARCHY_ID, method: 'claude', limit: 25 } });
      const done = await host.jobs.wait(job.id);
      expect(done.status).toBe('done');
      expect(done.result).toMatchObject({ conversations: 25, classified: 25, costUsd: 0 });
      expect(fake.stats().requests).toBe(before);
      const hier = await host.jobs.wait(host.jobs.start({ kind: 'hierarchy.build', args: { sampleSize: 60 } }).id);
      expect(hier.status).toBe('failed');
      expect(hier.error!.message).toMatch(/offline mode is on: .*Import a hierarchy file instead/);
    } finally {
      host.settings.update({ offline: false });
    }
  });

  it('refuses a start with no API key and no custom endpoint before any job exists', async () => {
    host.settings.update({ baseURL: '' });
    try {
      const before = host.jobs.list().length;
      const args = { kind: 'classify.run', args: { name: 'nokey', datasets: ['wildchat'], hierarchyId: HIERARCHY_ID } };
      const refused = await dispatch(createAppService(host), 'jobs.start', args, { transport: 'http' });
      expect(refused).toMatchObject({ ok: false, error: { kind: 'unavailable', message: NO_KEY_MESSAGE } });
      // Never a failed job offered "Resume": no row was written.
      expect(host.jobs.list()).toHaveLength(before);
      expect(host.jobs.list().some((j) => j.label.includes('nokey'))).toBe(false);
    } finally {
      host.settings.update({ baseURL: fake.baseURL });
    }
  });
});

describe('hierarchy.build job', () => {
  it('builds over a seeded sample of the tasks, reporting Claude usage in its progress', async () => {
    const updates = recordUpdates(host);
    const job = host.jobs.start({ kind: 'hierarchy.build', args: { name: 'Trial', sampleSize: 120, seed: 2 } });
    const done = await host.jobs.wait(job.id);
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    const result = done.result as { id: string; sizes: number[]; targets: number[]; costUsd: number };
    expect(result.sizes[0]).toBe(120);
    expect(result.targets).toEqual([120, 38, 12]);
    expect(result.costUsd).toBeGreaterThan(0);
    // Update events are throttled; the log keeps a line per 10% of every phase.
    expect(updates.some((u) => u.id === job.id && u.progress !== null)).toBe(true);
    const logged = host.logger.recent().map((l) => JSON.parse(l) as { event: string; id?: string; phase?: string });
    const phases = new Set(logged.filter((l) => l.event === 'job.progress' && l.id === job.id).map((l) => l.phase));
    expect([...phases]).toEqual(expect.arrayContaining(['L1 embed', 'L1 propose', 'L1 dedupe', 'L1 assign', 'L1 rename', 'L2 rename']));
    expect(done.progress!.claude!.sent).toBeGreaterThan(0);
    const named = updates.filter((u) => u.id === job.id && u.progress?.phaseLabel).map((u) => u.progress!);
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((p) => p.phaseCount === 16 && p.fraction! >= 0 && p.fraction! <= 1)).toBe(true);
    expect(done.progress).toMatchObject({ fraction: 1, phaseLabel: 'Naming level 2 tasks' });
    const nodes = host.project.db.prepare('SELECT count(*) FROM hierarchy_node WHERE hierarchy_id = ? AND level = 0').pluck().get(result.id);
    expect(nodes).toBe(120);
  });
});
