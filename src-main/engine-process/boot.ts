// Builds the engine inside the engine process: the app host over Electron's userData folder, the
// service, and the project to start with (the most recent one that still exists, else the default
// project with the bundled data). Opening can fail (a moved or damaged file): the app still starts,
// without a project, and the wizard offers to open or create one.
import type { EngineParts } from './endpoint';
import type { EngineInit } from './protocol';
import { AppHost } from '../engine/host';
import { findResourcesDir, importBundledDefaults } from '../engine/project';
import { createAppService } from '../engine/service';
import type { SecretStore } from '../engine/settings/secrets';
import { configureSigningKey } from '../engine/settings/signing-key';
import { startFakeAnthropic } from '../fake-anthropic/server';

export function bootEngine(init: EngineInit, secrets: SecretStore): EngineParts {
  // Demo mode's Claude is the built-in fake server, started on the first "Try with demo data".
  const demoServer = () => startFakeAnthropic({ latencyMs: 5 });
  configureSigningKey({ pem: init.signingKey ?? null, configDir: init.configDir });
  const host = new AppHost({ configDir: init.configDir, resourcesDir: init.resourcesDir ?? findResourcesDir(), secrets, demoServer });
  if (init.project) openGivenProject(host, init.project);
  else openInitialProject(host, init.defaultProject);
  return { handlers: createAppService(host), logger: host.logger, jobs: host.jobs, close: () => host.close() };
}

/** The project named at start (`serve --project`), created with the bundled data when new. */
function openGivenProject(host: AppHost, path: string): void {
  try {
    host.openOrCreate(path);
    importBundledDefaults(host.project);
  } catch (err) {
    host.logger.error('project.open-failed', { path, message: (err as Error).message });
  }
}

/** The most recent project that still exists, else the default project with the bundled data. */
export function openInitialProject(host: AppHost, defaultProject: string): void {
  const recent = host.recent.list().find((r) => r.exists);
  if (recent) {
    try {
      host.openProject(recent.path);
      return;
    } catch (err) {
      host.logger.error('project.reopen-failed', { path: recent.path, message: (err as Error).message });
    }
  }
  try {
    host.openOrCreate(defaultProject);
    importBundledDefaults(host.project);
  } catch (err) {
    host.logger.error('project.default-failed', { path: defaultProject, message: (err as Error).message });
  }
}
