// Demo mode's state in a host: the demo server (started once, on first use, closed with the host),
// which project is the demo project and which one to go back to. The settings a job sees come from
// here: the demo's endpoint and model while the demo project is open, the user's otherwise, so a
// demo result can never land in a real project and a real key is never spent on demo data.
import type { DemoStatus } from '../../../src-shared/demo';
import type { Settings } from '../../../src-shared/settings';
import { UnavailableError } from '../errors';
import { demoProjectPath, demoSettings } from './resources';

/** A running demo server (the built-in fake Claude API); the front door that builds the host starts it. */
export interface DemoServer {
  baseURL: string;
  close(): Promise<void>;
}

/**
 * Starts the demo server. Injected by the front doors (desktop engine, `serve`, CLI): the engine
 * itself never imports the fake server, which is a tool of the shells and the tests.
 */
export type DemoServerFactory = () => Promise<DemoServer>;

export const NO_DEMO_SERVER_MESSAGE = 'Demo mode is not available here: this build has no demo server.';
export const DEMO_PROJECT_CLOSED_MESSAGE =
  'This is the demo project, and demo mode is off: start demo mode ("Try with demo data") to work in it, or open another project.';

export class DemoMode {
  private server: Promise<DemoServer> | null = null;
  private baseURL: string | null = null;
  private session: { project: string; previous: string | null } | null = null;
  /** The default demo file; also any file demo mode used in this session. */
  private readonly demoFiles = new Set<string>();

  constructor(
    private readonly resourcesDir: string,
    configDir: string | null,
    private readonly factory: DemoServerFactory | undefined,
    env?: NodeJS.ProcessEnv,
  ) {
    this.defaultProject = demoProjectPath(configDir, env);
    this.demoFiles.add(this.defaultProject);
  }

  readonly defaultProject: string;

  /** Starts the demo server the first time; later calls reuse it. */
  async ensureServer(): Promise<string> {
    if (!this.factory) throw new UnavailableError(NO_DEMO_SERVER_MESSAGE, 'other');
    this.server ??= this.factory();
    try {
      const server = await this.server;
      this.baseURL = server.baseURL;
      return server.baseURL;
    } catch (err) {
      this.server = null;
      throw err;
    }
  }

  /** Demo mode is on for `project` (already open); `previous` is where stop() goes back to. */
  enter(project: string, previous: string | null): void {
    if (!this.baseURL) throw new Error('demo server not started: call ensureServer() first');
    // Starting again from the demo project keeps the way back to the real one.
    const back = previous ?? (this.session?.project === project ? this.session.previous : null);
    this.session = { project, previous: back };
    this.demoFiles.add(project);
  }

  /** Leaves demo mode; returns the project to reopen (null: none). */
  leave(): string | null {
    const previous = this.session?.previous ?? null;
    this.session = null;
    return previous;
  }

  /** Whether the demo serves `current` (opening another project leaves demo mode). */
  isActive(current: string | null): boolean {
    if (this.session && this.session.project !== current) this.session = null;
    return this.session !== null && this.baseURL !== null;
  }

  status(current: string | null): DemoStatus {
    const active = this.isActive(current);
    return { active, project: this.session?.project ?? this.defaultProject, previous: this.session?.previous ?? null };
  }

  /**
   * The settings a job started now in `current` runs with. Refuses the demo project while demo
   * mode is off: the user's key and model must never add real-looking results to demo data.
   */
  jobSettings(settings: Settings, current: string | null): Settings {
    if (this.isActive(current)) return demoSettings(settings, this.baseURL as string, this.resourcesDir);
    if (current !== null && this.demoFiles.has(current)) throw new UnavailableError(DEMO_PROJECT_CLOSED_MESSAGE, 'other');
    // Only demo mode may label results as a demo: a saved flag alone means nothing.
    return settings.demoMode ? { ...settings, demoMode: false } : settings;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.baseURL = null;
    this.session = null;
    if (server) await server.then((s) => s.close(), () => undefined);
  }
}
