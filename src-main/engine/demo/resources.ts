// What demo mode runs on: the bundled stand-in embedding model and sample corpus (resources/), the
// settings a demo job sees, and where the demo project lives. Pure paths and values, no I/O.
import { join } from 'node:path';
import { DEMO_EMBEDDING_MODEL, DEMO_PROJECT_FILE } from '../../../src-shared/demo';
import { DEMO_SERVER_RATE_LIMITS, type Settings } from '../../../src-shared/settings';
import type { JobArgs } from '../../../src-shared/jobs';
import { defaultConfigDir } from '../paths';

/** The sample corpus (resources/data/demo/README.md says how it was chosen), imported in this order. */
export const DEMO_CORPUS: readonly { file: string; format: NonNullable<JobArgs<'conversations.import'>['format']> }[] = [
  { file: 'wildchat-demo-300.jsonl', format: 'wildchat' },
  { file: 'oasst1-demo-trees.jsonl', format: 'oasst' },
];

export function demoCorpusFile(resourcesDir: string, file: string): string {
  return join(resourcesDir, 'data', 'demo', file);
}

/** The folder that holds the bundled model folder `demo-tiny-bert/` (the settings' local model folder). */
export function demoModelsDir(resourcesDir: string): string {
  return join(resourcesDir, 'models');
}

/** The demo project of a host: `<configDir>/demo.sqlite`, beside (never inside) the user's projects. */
export function demoProjectPath(configDir: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir ?? defaultConfigDir(env), DEMO_PROJECT_FILE);
}

/**
 * The settings a demo job runs with: the user's, with Claude replaced by the demo server (unpaced:
 * it has no limits), the bundled model as the embedding model (never downloaded) and demoMode on, so
 * the job kinds name and label what they make as a demo.
 */
export function demoSettings(settings: Settings, baseURL: string, resourcesDir: string): Settings {
  return {
    ...settings,
    ...DEMO_SERVER_RATE_LIMITS,
    baseURL,
    embeddingModel: DEMO_EMBEDDING_MODEL,
    embeddingModelDir: demoModelsDir(resourcesDir),
    allowModelDownload: false,
    // The demo server is on 127.0.0.1: offline mode does not stop it.
    offline: false,
    demoMode: true,
  };
}
