// The application host: what the service needs beyond one project. The current project (switchable,
// never while a job runs), the settings store, the secret store, the job runner, the log, and where
// the bundled resources and the config folder are. Shells (Electron, `task-atlas serve`, tests) build
// one host and hand it to createAppService().
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { ProjectInfo } from '../../src-shared/api';
import { JobStartSchema, type JobInfo, type JobStart } from '../../src-shared/jobs';
import { defaultSettings, type Settings } from '../../src-shared/settings';
import { closeProject, openProject, type Project } from './project';
import { ConflictError, NotFoundError } from './errors';
import { ImportError } from './ingest/formats/errors';
import { createLogger, logFile, type Logger } from './log';
import { expandPath, defaultConfigDir } from './paths';
import { SettingsStore } from './settings/store';
import { RecentProjects } from './settings/recent';
import { MemorySecretStore, SecretsWithEnvFallback, type SecretStore } from './settings/secrets';
import { checkJobCanStart, checkJobInputs, JOB_KINDS_TABLE, JobRunner } from './jobs';
import { DemoMode, type DemoServerFactory } from './demo/mode';

export interface AppHostOptions {
  /** Settings, recent projects and logs live here; null keeps all of it in memory. */
  configDir: string | null;
  resourcesDir: string;
  /** The primary key store (Electron: OS keychain); wrapped with the ANTHROPIC_API_KEY fallback. */
  secrets?: SecretStore;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Starts the built-in demo server for demo mode (front doors pass startFakeAnthropic); absent = no demo mode. */
  demoServer?: DemoServerFactory;
}

export class AppHost {
  readonly configDir: string | null;
  readonly resourcesDir: string;
  readonly logger: Logger;
  readonly settings: SettingsStore;
  readonly recent: RecentProjects;
  readonly secrets: SecretStore;
  readonly jobs: JobRunner;
  readonly demo: DemoMode;
  private current: Project | null = null;
  /** Projects handed in from outside (createService(project)) are closed by whoever opened them. */
  private ownsCurrent = false;

  constructor(opts: AppHostOptions) {
    this.configDir = opts.configDir;
    this.resourcesDir = opts.resourcesDir;
    this.logger = opts.logger ?? createLogger(opts.configDir ? logFile(opts.configDir) : null);
    this.settings = opts.configDir
      ? SettingsStore.forConfigDir(opts.configDir, this.logger)
      : new SettingsStore(null, defaultSettings(join(defaultConfigDir(opts.env), 'models')), this.logger);
    this.recent = opts.configDir ? RecentProjects.forConfigDir(opts.configDir, this.logger) : new RecentProjects(null);
    this.demo = new DemoMode(opts.resourcesDir, opts.configDir, opts.demoServer, opts.env);
    this.secrets = new SecretsWithEnvFallback(opts.secrets ?? new MemorySecretStore(), (s) => this.logger.registerSecret(s), opts.env);
    this.jobs = new JobRunner({
      kinds: JOB_KINDS_TABLE,
      logger: this.logger,
      env: () => ({ project: this.project, settings: this.jobSettings(), secrets: this.secrets, logger: this.logger }),
    });
  }

  get project(): Project {
    if (!this.current) throw new NotFoundError('no project is open: create or open one');
    return this.current;
  }

  get hasProject(): boolean {
    return this.current !== null;
  }

  /** Makes an already open project current (the host will not close it). */
  adopt(project: Project): void {
    this.switchTo(project, false);
  }

  /** Opens an existing project file. */
  openProject(path: string): ProjectInfo {
    const file = expandPath(path);
    if (!existsSync(file) || !statSync(file).isFile()) throw new NotFoundError(`no project file at ${file}`);
    return this.openFile(file);
  }

  /** Creates a new project file (".sqlite" added when the name has no extension). */
  createProject(path: string): ProjectInfo {
    let file = expandPath(path);
    if (extname(file) === '') file += '.sqlite';
    if (existsSync(file)) throw new ConflictError(`${file} already exists: open it instead, or choose another name`);
    mkdirSync(dirname(file), { recursive: true });
    return this.openFile(file);
  }

  /** Opens (creating when missing) the project at `file`: the shells' default project. */
  openOrCreate(file: string): ProjectInfo {
    return this.openFile(expandPath(file));
  }

  info(): ProjectInfo {
    const { path } = this.project;
    const sizeBytes = path !== ':memory:' && existsSync(path) ? statSync(path).size : 0;
    return { path, name: basename(path, extname(path)), sizeBytes };
  }

  /** Starts a job after checking that what it needs (key, model, network) is there. */
  startJob(input: JobStart): JobInfo {
    const start = JobStartSchema.parse(input);
    checkJobCanStart(start, this.jobSettings(), this.secrets);
    checkJobInputs(this.project.db, start);
    return this.jobs.start(start);
  }

  /**
   * The same work again: resumes the most recent paused, interrupted or failed job of this kind with
   * the same arguments (its checkpoints skip what is done), or starts a new one.
   */
  startOrResume(input: JobStart): JobInfo {
    const start = JobStartSchema.parse(input);
    checkJobCanStart(start, this.jobSettings(), this.secrets);
    checkJobInputs(this.project.db, start);
    const same = canonical(start.args);
    const previous = this.jobs
      .list()
      .find((j) => j.kind === start.kind && RESUMABLE_BY_RERUN.has(j.status) && canonical(j.args) === same);
    return previous ? this.jobs.resume(previous.id) : this.jobs.start(start);
  }

  /** Pauses running jobs (they resume later) and closes the project the host opened. */
  async close(): Promise<void> {
    await this.jobs.pauseAll();
    await this.demo.close();
    if (this.current && this.ownsCurrent) closeProject(this.current);
    this.current = null;
  }

  /** The settings a job started now runs with: in demo mode, the demo's endpoint and model. */
  jobSettings(): Settings {
    return this.demo.jobSettings(this.settings.get(), this.current?.path ?? null);
  }

  private openFile(file: string): ProjectInfo {
    this.refuseWhileJobsRun();
    if (this.current?.path === file) {
      this.recent.add(file);
      return this.info();
    }
    let project: Project;
    try {
      project = openProject(file, { resourcesDir: this.resourcesDir });
    } catch (err) {
      // Not an SQLite file, or one written by a newer version: the user picked the wrong file.
      throw new ImportError(`cannot open as a Task Atlas project: ${(err as Error).message}`, { file });
    }
    this.switchTo(project, true);
    return this.info();
  }

  private switchTo(project: Project, owned: boolean): void {
    this.refuseWhileJobsRun();
    const previous = this.current;
    const ownedPrevious = this.ownsCurrent;
    this.current = project;
    this.ownsCurrent = owned;
    this.jobs.attach(project);
    if (previous && previous !== project && ownedPrevious) closeProject(previous);
    this.recent.add(project.path);
    this.logger.info('project.opened', { path: project.path });
  }

  private refuseWhileJobsRun(): void {
    const active = this.jobs.activeJobs();
    if (active.length > 0) {
      throw new ConflictError(`${active.map((j) => j.label).join(', ')} still running: pause or cancel it before switching projects`);
    }
  }
}

const RESUMABLE_BY_RERUN = new Set<JobInfo['status']>(['paused', 'interrupted', 'failed']);

/** JSON with sorted keys, so arguments compare equal whatever order they were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
