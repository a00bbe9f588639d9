// One CLI command's application: an AppHost over the command's project with its settings in memory
// (the defaults, then the command's flags), the key from ANTHROPIC_API_KEY through the host's secret
// store, and the service the app uses. Commands call the service and start job kinds; they never
// assemble engine work themselves.
import { resolve } from 'node:path';
import type { ApiArgs, ApiCall, ApiResults } from '../../src-shared/api';
import { API_CALLS } from '../../src-shared/api';
import type { SettingsPatch } from '../../src-shared/settings';
import { AppHost } from '../engine/host';
import { findResourcesDir, importBundledDefaults } from '../engine/project';
import { createAppService, type ApiHandlers } from '../engine/service';
import { InvalidInputError } from '../engine/errors';
import { startFakeAnthropic, type FakeAnthropic } from '../fake-anthropic/server';
import { defaultProjectPath } from './project-path';
import { settingsFrom, type SettingsFlags } from './settings-flags';

export interface SessionOptions {
  project?: string;
  /** Import the bundled release and reference files first (skipped when already current). */
  bundled?: boolean;
  /** Settings flags of the command; with `fake`, Claude is the built-in demo server. */
  settings?: SettingsFlags;
}

export interface CliSession {
  host: AppHost;
  call<K extends ApiCall>(call: K, args: ApiArgs<K>): Promise<ApiResults[K]>;
  close(): Promise<void>;
}

export async function openSession(opts: SessionOptions): Promise<CliSession> {
  // configDir null: a command's flags override the settings for this command only, never on disk.
  const host = new AppHost({ configDir: null, resourcesDir: findResourcesDir(), demoServer: () => startFakeAnthropic({ latencyMs: 5 }) });
  const fake: FakeAnthropic | null = opts.settings?.fake ? await startFakeAnthropic({ latencyMs: 5 }) : null;
  try {
    const patch: SettingsPatch = settingsFrom(opts.settings ?? {}, fake?.baseURL);
    host.settings.update(patch);
    host.openOrCreate(opts.project ? resolve(opts.project) : defaultProjectPath());
    if (opts.bundled) importBundledDefaults(host.project);
  } catch (err) {
    await fake?.close();
    await host.close();
    throw err;
  }
  const service = createAppService(host);
  return {
    host,
    call: (call, args) => callService(service, call, args),
    close: async () => {
      await host.close();
      await fake?.close();
    },
  };
}

/** Runs `fn` in a session and closes it whatever happens. */
export async function withSession<T>(opts: SessionOptions, fn: (s: CliSession) => Promise<T>): Promise<T> {
  const session = await openSession(opts);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}

/** A service call as a transport makes it: arguments validated against the contract first. */
async function callService<K extends ApiCall>(service: ApiHandlers, call: K, args: ApiArgs<K>): Promise<ApiResults[K]> {
  const parsed = API_CALLS[call].safeParse(args);
  if (!parsed.success) {
    throw new InvalidInputError(parsed.error.issues.map((i) => `${i.path.join('.') || call}: ${i.message}`).join('; '));
  }
  const handler = service[call] as (a: unknown, ctx: { transport: 'ipc' }) => Promise<ApiResults[K]>;
  // In process, like the desktop shell's relay: 'ipc' is the closest transport the contract names.
  return handler(parsed.data, { transport: 'ipc' });
}
