// The job runner: starts typed jobs in the background, keeps their latest progress in memory (rows
// written at most once a second), and ends each in done / failed / paused / cancelled. Pausing and
// cancelling both abort the job's signal; the engine's per-item checkpoints make a resumed job skip
// the work already finished. A failing job is recorded, never thrown out of the runner.
import { EventEmitter, setMaxListeners } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { EngineEventListener } from '../../../src-shared/events';
import { isActive, JobStartSchema, type JobInfo, type JobKind, type JobProgress, type JobStart } from '../../../src-shared/jobs';
import { ConflictError, NotFoundError, toErrorPayload } from '../errors';
import type { Logger } from '../log';
import type { Project } from '../project';
import { isCancelled } from '../pipeline/cancel';
import { addUsage, finishedProgress, resumedProgress } from './progress';
import { JobStore } from './store';
import type { JobContext, JobEnv, JobKindDef, JobKinds } from './types';

export interface JobRunnerOptions {
  kinds: JobKinds;
  /** The environment for a job starting now (project, settings snapshot, secrets, logger). */
  env: () => JobEnv;
  logger: Logger;
  persistEveryMs?: number;
  /** Minimum gap between progress 'update' events of one job (status changes are always sent). */
  emitEveryMs?: number;
}

interface Running {
  info: JobInfo;
  controller: AbortController;
  stopMode: 'pause' | 'cancel' | null;
  started: number;
  lastPersist: number;
  lastEmit: number;
  logged: { phase: string; decile: number };
  done: Promise<JobInfo>;
  /** Claude usage of the job's earlier attempts (kept in the row's progress), added to this one's. */
  before: JobProgress['claudeTotal'];
}

const RESUMABLE = new Set(['paused', 'cancelled', 'interrupted', 'failed']);

export class JobRunner {
  private readonly events = new EventEmitter();
  private readonly running = new Map<string, Running>();
  private store: JobStore | null = null;

  constructor(private readonly opts: JobRunnerOptions) {}

  /** Uses `project`'s job table from now on; rows a crash left active become 'interrupted'. */
  attach(project: Project): number {
    if (this.running.size > 0) throw new ConflictError('jobs are running: pause them before switching projects');
    this.store = new JobStore(project.db);
    const n = this.store.markInterrupted(new Date().toISOString());
    if (n > 0) this.opts.logger.warn('jobs.interrupted', { project: project.path, jobs: n });
    return n;
  }

  on(event: 'update', listener: (job: JobInfo) => void): this {
    this.events.on(event, listener);
    return this;
  }

  off(event: 'update', listener: (job: JobInfo) => void): this {
    this.events.off(event, listener);
    return this;
  }

  /** Every update as an EngineEvent (what the transports push); returns the unsubscribe function. */
  subscribe(listener: EngineEventListener): () => void {
    const forward = (job: JobInfo) => listener({ type: 'job', job });
    this.on('update', forward);
    return () => void this.off('update', forward);
  }

  start(input: JobStart): JobInfo {
    const parsed = JobStartSchema.parse(input);
    this.refuseSecond(parsed.kind);
    const now = new Date().toISOString();
    const def = this.def(parsed.kind);
    const info: JobInfo = {
      id: `job-${randomUUID()}`,
      kind: parsed.kind,
      label: def.label(parsed.args as never),
      args: parsed.args,
      status: 'running',
      progress: null,
      startedAt: now,
      updatedAt: now,
      finishedAt: null,
      attempts: 1,
      error: null,
      result: null,
    };
    this.db().insert(info);
    return this.launch(info);
  }

  resume(id: string): JobInfo {
    const job = this.get(id);
    if (isActive(job)) throw new ConflictError(`job ${id} is already running`);
    if (!RESUMABLE.has(job.status)) throw new ConflictError(`job ${id} is ${job.status}: nothing to resume`);
    this.refuseSecond(job.kind);
    const info: JobInfo = {
      ...job,
      status: 'running',
      attempts: job.attempts + 1,
      progress: resumedProgress(job.progress),
      error: null,
      result: null,
      finishedAt: null,
      updatedAt: new Date().toISOString(),
    };
    this.db().save(info);
    return this.launch(info);
  }

  /** Pause (resumable later) or cancel a running job; a paused or interrupted one can be cancelled too. */
  cancel(id: string, mode: 'pause' | 'cancel'): JobInfo {
    const run = this.running.get(id);
    if (!run) return this.cancelStopped(id, mode);
    if (run.stopMode === null) {
      run.stopMode = mode;
      run.info = { ...run.info, status: mode === 'pause' ? 'pausing' : 'cancelling', updatedAt: new Date().toISOString() };
      this.db().save(run.info);
      run.controller.abort();
      this.emit(run.info);
    }
    return this.snapshot(run);
  }

  dismiss(id: string): void {
    const job = this.get(id);
    if (isActive(job)) throw new ConflictError(`job ${id} is running: pause or cancel it first`);
    this.db().dismiss(id);
  }

  get(id: string): JobInfo {
    const run = this.running.get(id);
    if (run) return this.snapshot(run);
    const job = this.db().get(id);
    if (!job) throw new NotFoundError(`no job "${id}" in this project`);
    return job;
  }

  /** Active jobs first (with live progress), then the 20 most recent finished, not dismissed. */
  list(): JobInfo[] {
    return this.db()
      .list()
      .map((job) => {
        const run = this.running.get(job.id);
        return run ? this.snapshot(run) : job;
      });
  }

  activeJobs(): JobInfo[] {
    return [...this.running.values()].map((r) => this.snapshot(r));
  }

  /** Resolves when the job's current attempt has ended (immediately if it is not running). */
  wait(id: string): Promise<JobInfo> {
    const run = this.running.get(id);
    return run ? run.done : Promise.resolve(this.get(id));
  }

  /** Pauses every running job and waits until each has stopped (app quit, project switch). */
  async pauseAll(): Promise<void> {
    const ids = [...this.running.keys()];
    for (const id of ids) this.cancel(id, 'pause');
    await Promise.all(ids.map((id) => this.wait(id)));
  }

  private cancelStopped(id: string, mode: 'pause' | 'cancel'): JobInfo {
    const job = this.get(id);
    if (mode === 'cancel' && (job.status === 'paused' || job.status === 'interrupted')) {
      const info: JobInfo = { ...job, status: 'cancelled', updatedAt: new Date().toISOString() };
      this.db().save(info);
      this.emit(info);
      return info;
    }
    throw new ConflictError(`job ${id} is ${job.status}, not running`);
  }

  private launch(info: JobInfo): JobInfo {
    const controller = new AbortController();
    // Every in-flight request of the job listens on this one signal: expected, not a leak.
    setMaxListeners(0, controller.signal);
    const run: Running = {
      info,
      controller,
      stopMode: null,
      started: performance.now(),
      lastPersist: 0,
      lastEmit: 0,
      logged: { phase: '', decile: -1 },
      done: Promise.resolve(info),
      before: info.progress?.claudeTotal,
    };
    this.running.set(info.id, run);
    this.opts.logger.info('job.started', { id: info.id, kind: info.kind, label: info.label, attempt: info.attempts });
    run.done = this.execute(run);
    this.emit(info);
    return this.snapshot(run);
  }

  private async execute(run: Running): Promise<JobInfo> {
    const { info } = run;
    const ctx: JobContext = { signal: run.controller.signal, onProgress: (p) => this.progress(run, p) };
    let outcome: Partial<JobInfo>;
    try {
      // Yield first, so start() returns before any of the job's work runs.
      await Promise.resolve();
      const def = this.def(info.kind) as JobKindDef<JobKind>;
      const result = await def.run(info.args as never, this.opts.env(), ctx);
      outcome = { status: 'done', result };
      this.opts.logger.info('job.finished', { id: info.id, kind: info.kind, elapsedMs: Math.round(performance.now() - run.started) });
    } catch (err) {
      if (isCancelled(err) && run.stopMode !== null) {
        outcome = { status: run.stopMode === 'pause' ? 'paused' : 'cancelled' };
        this.opts.logger.info(`job.${outcome.status}`, { id: info.id, kind: info.kind });
      } else {
        const error = toErrorPayload(err);
        outcome = { status: 'failed', error: { kind: error.kind, message: error.message, file: error.file, line: error.line } };
        this.opts.logger.error('job.failed', { id: info.id, kind: info.kind, error: outcome.error });
      }
    }
    return this.finish(run, outcome);
  }

  private finish(run: Running, outcome: Partial<JobInfo>): JobInfo {
    const now = new Date().toISOString();
    const final: JobInfo = { ...this.snapshot(run), ...outcome, updatedAt: now, finishedAt: now };
    if (final.status === 'done') Object.assign(final, finishedProgress(final, run.before));
    this.running.delete(final.id);
    try {
      this.db().save(final);
    } catch (err) {
      // The project was closed under the job (app quitting): the row stays active and is marked
      // interrupted on the next open, which is the truth.
      this.opts.logger.error('job.save-failed', { id: final.id, message: (err as Error).message });
    }
    this.emit(final);
    return final;
  }

  private progress(run: Running, p: JobProgress): void {
    const now = performance.now();
    // Elapsed time of the attempt, not of the current step, so the tray's clock never jumps back.
    run.info = { ...run.info, progress: this.whole(run, p, now), updatedAt: new Date().toISOString() };
    if (now - run.lastPersist >= (this.opts.persistEveryMs ?? 1000)) {
      run.lastPersist = now;
      this.db().saveProgress(run.info.id, run.info.progress!, run.info.updatedAt);
    }
    this.logDecile(run, p);
    if (now - run.lastEmit >= (this.opts.emitEveryMs ?? 250)) {
      run.lastEmit = now;
      this.emit(this.snapshot(run));
    }
  }

  /**
   * The event as the job's one progress: elapsed time of the attempt (not of the current step, so
   * the clock never jumps back), a whole-job fraction that never decreases, and Claude usage of this
   * attempt plus the total of every attempt.
   */
  private whole(run: Running, p: JobProgress, now: number): JobProgress {
    const last = run.info.progress;
    const claude = p.claude ?? last?.claude;
    const claudeTotal = addUsage(run.before, claude);
    const fraction = p.fraction === undefined ? last?.fraction : Math.max(p.fraction, last?.fraction ?? 0);
    return {
      ...p,
      elapsedMs: Math.round(now - run.started),
      ...(fraction !== undefined ? { fraction } : {}),
      ...(claude ? { claude } : {}),
      ...(claudeTotal ? { claudeTotal } : {}),
    };
  }

  /** One log line per 10% of each phase, so the log shows progress without a line per item. */
  private logDecile(run: Running, p: JobProgress): void {
    if (p.total === null || p.total === 0) return;
    const decile = Math.floor((10 * p.done) / p.total);
    if (p.phase === run.logged.phase && decile <= run.logged.decile) return;
    run.logged = { phase: p.phase, decile };
    this.opts.logger.info('job.progress', { id: run.info.id, phase: p.phase, done: p.done, total: p.total, failed: p.failed });
  }

  private refuseSecond(kind: JobKind): void {
    const other = [...this.running.values()].find((r) => r.info.kind === kind);
    if (other) throw new ConflictError(`a ${kind} job is already running (${other.info.label}): wait for it, or pause it first`);
  }

  private snapshot(run: Running): JobInfo {
    return structuredClone(run.info);
  }

  private emit(job: JobInfo): void {
    this.events.emit('update', job);
  }

  private def(kind: JobKind): JobKindDef<JobKind> {
    return this.opts.kinds[kind] as unknown as JobKindDef<JobKind>;
  }

  private db(): JobStore {
    if (!this.store) throw new NotFoundError('no project is open: create or open one');
    return this.store;
  }
}
