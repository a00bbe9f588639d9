// The job runner on its own, with job kinds whose work the test controls: progress events and rows,
// the conflict rule, failures recorded (never thrown), pause / cancel / resume and the list.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { JobRunner, type JobKindDef, type JobKinds } from '../../src-main/engine/jobs';
import { JobStore } from '../../src-main/engine/jobs/store';
import { createLogger, type Logger } from '../../src-main/engine/log';
import { ConflictError } from '../../src-main/engine/errors';
import { ImportError } from '../../src-main/engine/ingest/formats/errors';
import { sleep } from '../../src-main/engine/pipeline/cancel';
import { defaultSettings } from '../../src-shared/settings';
import { MemorySecretStore } from '../../src-main/engine/settings/secrets';
import type { JobInfo, JobKind } from '../../src-shared/jobs';
import { ROOT } from './support';
import { join } from 'node:path';

/** A kind that counts to `total` items, 5 ms each, skipping items a previous attempt (same path) finished. */
function countingKind(done: Map<string, Set<number>>, total = 40): JobKindDef<'conversations.import'> {
  return {
    label: (args) => `Count ${args.path}`,
    async run(args, _env, ctx) {
      if (args.path === 'fail') throw new ImportError('bad row', { file: 'input.jsonl', line: 7 });
      const checkpoints = done.get(args.path) ?? new Set<number>();
      done.set(args.path, checkpoints);
      let fromCheckpoint = 0;
      for (let i = 0; i < total; i++) {
        if (checkpoints.has(i)) fromCheckpoint++;
        else {
          await sleep(5, ctx.signal);
          checkpoints.add(i);
        }
        ctx.onProgress({ phase: 'count', done: i + 1, total, failed: 0, fromCheckpoint, elapsedMs: 0, etaMs: null });
      }
      return { dataset: 'd', format: 'jsonl', rowsRead: total, conversations: total, added: total - fromCheckpoint, duplicates: 0, badRows: 0, badRowSamples: [], file: args.path };
    },
  };
}

/** A kind that pays 1 cent per item (a fresh client per attempt, as the real kinds have) and reports its whole-job fraction. */
function payingKind(done: Set<number>, total = 30): JobKindDef<'classify.run'> {
  return {
    label: (args) => `Pay ${args.name}`,
    async run(args, _env, ctx) {
      let sent = 0;
      for (let i = 0; i < total; i++) {
        if (!done.has(i)) {
          await sleep(3, ctx.signal);
          done.add(i);
          sent++;
        }
        const claude = { sent, cacheHits: 0, inputTokens: 100 * sent, outputTokens: 10 * sent, costUsd: sent / 100, failures: 0 };
        ctx.onProgress({ phase: 'pay', phaseLabel: 'Paying', done: i + 1, total, fraction: (i + 1) / total, failed: 0, fromCheckpoint: 0, elapsedMs: 0, etaMs: null, claude });
      }
      return { run: args.name, conversations: total, classified: total, screenedOut: 0, unclassified: 0, missing: 0, unclassifiedReasons: {}, sourceId: 'run:x', costUsd: sent / 100 };
    },
  };
}

const unused = { label: () => 'unused', run: async () => { throw new Error('not used'); } };

let project: Project;
let logger: Logger;
let done: Map<string, Set<number>>;
let runner: JobRunner;
let updates: JobInfo[];
let paid: Set<number>;

beforeEach(() => {
  project = openProject(':memory:', { resourcesDir: join(ROOT, 'resources') });
  logger = createLogger(null);
  done = new Map();
  paid = new Set();
  const kinds = { 'hierarchy.build': unused, 'conversations.import': countingKind(done), 'classify.run': payingKind(paid), 'export.run': unused } as unknown as JobKinds;
  runner = new JobRunner({
    kinds,
    logger,
    env: () => ({ project, settings: defaultSettings('/tmp/models'), secrets: new MemorySecretStore(), logger }),
    emitEveryMs: 0,
    persistEveryMs: 0,
  });
  runner.attach(project);
  updates = [];
  runner.on('update', (job) => updates.push(job));
});
afterEach(() => closeProject(project));

const start = (path = 'input.jsonl') => runner.start({ kind: 'conversations.import', args: { path } });
const finished = (path = 'input.jsonl') => done.get(path)?.size ?? 0;

describe('job runner', () => {
  it('runs a job to done in the background, with progress events, a persisted row and log lines', async () => {
    const job = start();
    expect(job).toMatchObject({ status: 'running', attempts: 1, kind: 'conversations.import', label: 'Count input.jsonl' });
    expect(finished()).toBe(0); // start() returned before any work ran
    const done = await runner.wait(job.id);
    expect(done.status).toBe('done');
    expect(done.result).toMatchObject({ conversations: 40, added: 40 });
    expect(done.finishedAt).not.toBeNull();
    const progress = updates.filter((u) => u.id === job.id && u.progress).map((u) => u.progress!.done);
    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new JobStore(project.db).get(job.id)).toMatchObject({ status: 'done', progress: { done: 40, total: 40 } });
    const events = logger.recent().map((l) => JSON.parse(l).event);
    expect(events[0]).toBe('job.started');
    expect(events.filter((e) => e === 'job.progress').length).toBeGreaterThanOrEqual(10);
    expect(events.at(-1)).toBe('job.finished');
  });

  it('refuses a second active job of the same kind with a conflict', async () => {
    const job = start();
    expect(() => start('other.jsonl')).toThrow(ConflictError);
    await runner.wait(job.id);
    const second = start('other.jsonl');
    expect((await runner.wait(second.id)).status).toBe('done');
  });

  it('records a failing job with its error kind, file and line, without throwing out of the runner', async () => {
    const job = start('fail');
    const failed = await runner.wait(job.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ kind: 'import', file: 'input.jsonl', line: 7 });
    expect(runner.activeJobs()).toEqual([]);
    expect(logger.recent().some((l) => JSON.parse(l).event === 'job.failed')).toBe(true);
  });

  it('pauses (not a failure), resumes with attempts + 1 and skips the work already done', async () => {
    const job = start();
    while (finished() < 10) await sleep(5);
    expect(runner.cancel(job.id, 'pause').status).toBe('pausing');
    const paused = await runner.wait(job.id);
    expect(paused).toMatchObject({ status: 'paused', error: null });
    const before = finished();
    expect(before).toBeLessThan(40);
    const resumed = runner.resume(job.id);
    expect(resumed).toMatchObject({ id: job.id, status: 'running', attempts: 2 });
    const done = await runner.wait(job.id);
    expect(done.status).toBe('done');
    expect(done.progress!.fromCheckpoint).toBe(before);
    expect(done.result).toMatchObject({ added: 40 - before });
    const seq = updates.filter((u) => u.id === job.id).map((u) => u.status).filter((s, i, a) => i === 0 || a[i - 1] !== s);
    expect(seq).toEqual(['running', 'pausing', 'paused', 'running', 'done']);
  });

  it('cancels a running job, cancels a paused one, and refuses to resume a done one', async () => {
    const job = start();
    while (finished() < 3) await sleep(5);
    runner.cancel(job.id, 'cancel');
    expect((await runner.wait(job.id)).status).toBe('cancelled');
    const again = runner.resume(job.id);
    runner.cancel(again.id, 'pause');
    expect((await runner.wait(job.id)).status).toBe('paused');
    expect(runner.cancel(job.id, 'cancel').status).toBe('cancelled');
    const resumed = runner.resume(job.id);
    expect((await runner.wait(resumed.id)).status).toBe('done');
    expect(() => runner.resume(job.id)).toThrow(/done: nothing to resume/);
    expect(() => runner.cancel(job.id, 'pause')).toThrow(ConflictError);
  });

  it('lists active jobs first with live progress, then recent finished ones; dismissed ones drop out', async () => {
    const first = start();
    await runner.wait(first.id);
    const running = start('second.jsonl');
    while (finished('second.jsonl') < 5) await sleep(5);
    const list = runner.list();
    expect(list.map((j) => j.id)).toEqual([running.id, first.id]);
    expect(list[0]!.progress).not.toBeNull();
    expect(() => runner.dismiss(running.id)).toThrow(ConflictError);
    runner.dismiss(first.id);
    await runner.wait(running.id);
    expect(runner.list().map((j) => j.id)).toEqual([running.id]);
  });

  it('marks rows a crash left active as interrupted when a project is attached', () => {
    const store = new JobStore(project.db);
    const now = new Date().toISOString();
    for (const status of ['running', 'pausing', 'done'] as const) {
      store.insert({ id: `j-${status}`, kind: 'conversations.import' as JobKind, label: status, args: { path: 'x' }, status, progress: null, startedAt: now, updatedAt: now, finishedAt: null, attempts: 1, error: null, result: null });
    }
    expect(runner.attach(project)).toBe(2);
    expect(runner.list().map((j) => [j.id, j.status]).sort()).toEqual([
      ['j-done', 'done'],
      ['j-pausing', 'interrupted'],
      ['j-running', 'interrupted'],
    ]);
  });
});

describe('job runner: usage and progress across attempts', () => {
  const pay = () => runner.start({ kind: 'classify.run', args: { name: 'pilot', datasets: ['d'], hierarchyId: 'h' } });

  it('adds every attempt\'s calls, tokens and cost into the total; the finished result costs the total', async () => {
    const job = pay();
    while (paid.size < 10) await sleep(3);
    runner.cancel(job.id, 'pause');
    const paused = await runner.wait(job.id);
    const first = paused.progress!.claude!;
    expect(first.sent).toBeGreaterThanOrEqual(10);
    expect(paused.progress!.claudeTotal).toEqual(first);
    // The paused row keeps the total, so a resume (even in a new process) starts from it.
    expect(new JobStore(project.db).get(job.id)!.progress!.claudeTotal).toEqual(first);

    const resumed = runner.resume(job.id);
    expect(resumed.progress).toMatchObject({ claudeTotal: first });
    expect(resumed.progress!.claude).toBeUndefined();
    const done = await runner.wait(job.id);
    const second = done.progress!.claude!;
    expect(second.sent).toBe(30 - first.sent);
    expect(done.progress!.claudeTotal).toMatchObject({ sent: 30, inputTokens: 3000, outputTokens: 300 });
    expect(done.progress!.claudeTotal!.costUsd).toBeCloseTo(0.3);
    expect((done.result as { costUsd: number }).costUsd).toBeCloseTo(0.3);
    expect(done.progress).toMatchObject({ fraction: 1, etaMs: 0 });
  });

  it('never moves the whole-job fraction back, within an attempt or across a resume', async () => {
    const job = pay();
    while (paid.size < 12) await sleep(3);
    runner.cancel(job.id, 'pause');
    const reached = (await runner.wait(job.id)).progress!.fraction!;
    expect(reached).toBeGreaterThan(0.3);
    paid.clear(); // the next attempt redoes the work (no checkpoints) and reports from zero
    runner.resume(job.id);
    await runner.wait(job.id);
    const fractions = updates.filter((u) => u.id === job.id && u.progress?.fraction !== undefined).map((u) => u.progress!.fraction!);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  it('keeps the total of an attempt a crash cut off when the job is resumed', async () => {
    const store = new JobStore(project.db);
    const now = new Date().toISOString();
    const before = { sent: 7, cacheHits: 1, inputTokens: 700, outputTokens: 70, costUsd: 0.07, failures: 0 };
    store.insert({ id: 'j-crashed', kind: 'classify.run', label: 'Pay pilot', args: { name: 'pilot', datasets: ['d'], hierarchyId: 'h' }, status: 'running', progress: null, startedAt: now, updatedAt: now, finishedAt: null, attempts: 1, error: null, result: null });
    // Progress as the runner last persisted it: usage of the attempt the crash cut off.
    store.saveProgress('j-crashed', { phase: 'pay', done: 7, total: 30, failed: 0, fromCheckpoint: 0, elapsedMs: 10, etaMs: null, claude: before }, now);
    expect(runner.attach(project)).toBe(1);
    for (let i = 0; i < 7; i++) paid.add(i);
    runner.resume('j-crashed');
    const done = await runner.wait('j-crashed');
    expect(done.progress!.claude!.sent).toBe(23);
    expect(done.progress!.claudeTotal).toMatchObject({ sent: 30, cacheHits: 1, inputTokens: 3000 });
    expect((done.result as { costUsd: number }).costUsd).toBeCloseTo(0.3);
  });
});
