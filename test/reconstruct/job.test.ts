// Job "reconstruct.run" through the host's runner against the fake server (with latency): paused
// while summarising and again while naming clusters, resumed each time without a Claude call paid
// twice and without clustering again; one progress bar in plain words that never goes back; the
// report served by analysis.reconstruction; a rerun sends nothing; refusals and the offline method.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobInfo, JobResults } from '../../src-shared/jobs';
import type { AppHost } from '../../src-main/engine/host';
import { dispatch } from '../../src-main/engine/dispatch';
import { createAppService } from '../../src-main/engine/service';
import { importRelease } from '../../src-main/engine/ingest';
import { importConversations } from '../../src-main/engine/ingest/conversations';
import { generateSynthetic } from '../../src-main/engine/ingest/conversations/synthetic';
import { NO_KEY_MESSAGE } from '../../src-main/engine/jobs/models';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { recordUpdates, RELEASE_DIR, statuses, testHost, whenJob } from '../jobs/support';
import { setUpHierarchy } from './support';

const N = 150;
let fake: FakeAnthropic;
let host: AppHost;
const ctx = { transport: 'http' as const };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-reconstruct-job-'));
  fake = await startFakeAnthropic({ latencyMs: 10, seed: 7 });
  host = testHost(join(dir, 'config'), fake);
  host.createProject(join(dir, 'p'));
  importRelease(host.project.db, { dir: RELEASE_DIR, id: 'aei-2025-02-10' });
  setUpHierarchy(host.project);
  const file = join(dir, 'syn.jsonl');
  await generateSynthetic(file, N, 3);
  await importConversations(host.project.db, file, { dataset: 'syn' });
  const job = host.jobs.start({ kind: 'classify.run', args: { name: 'syn', datasets: ['syn'], hierarchyId: 'h', minConversations: 2, minAccounts: 1 } });
  expect((await host.jobs.wait(job.id)).status).toBe('done');
}, 120_000);

afterAll(async () => {
  await host.close();
  await fake.close();
});

async function pauseWhen(id: string, test: (j: JobInfo) => boolean): Promise<JobInfo> {
  await whenJob(host, id, test);
  host.jobs.cancel(id, 'pause');
  const paused = await host.jobs.wait(id);
  expect(paused.status).toBe('paused');
  return paused;
}

const levelRows = () => host.project.db.prepare("SELECT mean_size, input_hash, created_at FROM reconstruct_level WHERE run_id = 'syn' ORDER BY mean_size").all();

describe('reconstruct.run job', () => {
  it('pauses and resumes twice without paying for a call twice or clustering again', async () => {
    const updates = recordUpdates(host);
    const args = { run: 'syn', levels: [10, 30] };
    const job = host.jobs.start({ kind: 'reconstruct.run', args });
    expect(job.label).toBe('Reconstruct run syn from clusters (levels 10, 30)');
    const first = await pauseWhen(job.id, (j) => j.progress?.phase === 'reconstruct.request' && j.progress.done >= 40);
    expect(first.progress!.claude!.sent).toBeGreaterThan(0);
    expect(levelRows()).toEqual([]);

    // Naming is a few dozen calls: slow the server so the job's progress (sent every 250 ms) shows it.
    fake.setOptions({ latencyMs: 250 });
    host.jobs.resume(job.id);
    const second = await pauseWhen(job.id, (j) => j.progress?.phase === 'reconstruct.cluster' && j.progress.done >= 2);
    fake.setOptions({ latencyMs: 10 });
    const clustered = levelRows();
    expect(clustered.map((r) => (r as { mean_size: number }).mean_size)).toEqual([10, 30]);

    host.jobs.resume(job.id);
    const done = await host.jobs.wait(job.id);
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    expect(statuses(updates, job.id)).toEqual(['running', 'pausing', 'paused', 'running', 'pausing', 'paused', 'running', 'done']);
    // Nothing answered twice by the server, and the third attempt reused the stored k-means labels.
    expect(fake.stats().duplicates()).toBe(0);
    expect(levelRows()).toEqual(clustered);
    const total = done.progress!.claudeTotal!;
    expect(total.sent).toBe(first.progress!.claude!.sent + second.progress!.claude!.sent + done.progress!.claude!.sent);
    const result = done.result as JobResults['reconstruct.run'];
    expect(result).toMatchObject({ run: 'syn', method: 'claude', levels: [10, 30], skipped: [] });
    expect(result.costUsd).toBeCloseTo(total.costUsd, 10);

    const progress = updates.filter((u) => u.id === job.id && u.progress?.fraction !== undefined).map((u) => u.progress!);
    const fractions = progress.map((p) => p.fraction!);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(done.progress!.fraction).toBe(1);
    const labels = new Set(progress.map((p) => p.phaseLabel));
    expect([...labels].some((l) => /^Summarising the requests of \d+ conversations$/.test(l ?? ''))).toBe(true);
    expect([...labels].some((l) => /^Placing \d+ clusters on the hierarchy, level \d of 3$/.test(l ?? ''))).toBe(true);
  }, 120_000);

  it('serves the stored report, and a rerun is answered entirely from checkpoints', async () => {
    const report = await createAppService(host)['analysis.reconstruction']({ run: 'syn' }, ctx);
    expect(report!.levels.map((l) => l.meanClusterSize)).toEqual([10, 30]);
    expect(report!.conversations).toBeGreaterThan(N / 2);
    const sent = fake.stats().completed;
    const again = await host.jobs.wait(host.startOrResume({ kind: 'reconstruct.run', args: { run: 'syn', levels: [10, 30] } }).id);
    expect(again.status).toBe('done');
    expect((again.result as JobResults['reconstruct.run']).claude!.sent).toBe(0);
    expect(fake.stats().completed).toBe(sent);
    expect(await createAppService(host)['analysis.reconstruction']({ run: 'syn' }, ctx)).toEqual(report);
  }, 60_000);

  it('refuses a Claude reconstruction with no key before any job exists, and runs offline without Claude', async () => {
    host.settings.update({ baseURL: '' });
    try {
      const before = host.jobs.list().length;
      const refused = await dispatch(createAppService(host), 'jobs.start', { kind: 'reconstruct.run', args: { run: 'syn' } }, ctx);
      expect(refused).toMatchObject({ ok: false, error: { kind: 'unavailable', message: NO_KEY_MESSAGE } });
      expect(host.jobs.list()).toHaveLength(before);
      // A run that does not exist is refused up front too, from every front door (host.startJob).
      host.settings.update({ baseURL: fake.baseURL });
      const unknown = await dispatch(createAppService(host), 'jobs.start', { kind: 'reconstruct.run', args: { run: 'nope' } }, ctx);
      expect(unknown).toMatchObject({ ok: false, error: { kind: 'not-found', message: 'no classification run "nope"' } });
      expect(host.jobs.list()).toHaveLength(before);
    } finally {
      host.settings.update({ baseURL: fake.baseURL });
    }
    const requests = fake.stats().requests;
    const offline = await host.jobs.wait(host.jobs.start({ kind: 'reconstruct.run', args: { run: 'syn', method: 'offline-embedding', levels: [20] } }).id);
    expect(offline.status, JSON.stringify(offline.error)).toBe('done');
    expect(offline.result).toMatchObject({ method: 'offline-embedding', costUsd: 0, levels: [20] });
    expect(fake.stats().requests).toBe(requests);
    const report = await createAppService(host)['analysis.reconstruction']({ run: 'syn' }, ctx);
    expect(report).toMatchObject({ method: 'offline-embedding', promptVersions: { placement: 'offline-embedding' } });
    await expect(createAppService(host)['analysis.reconstruction']({ run: 'nope' }, ctx)).rejects.toThrow(/no classification run "nope"/);
  }, 60_000);
});
