// CLI flags that are settings (already checked by the command's spec, commands.ts), as an in-memory
// settings patch for one command's host. The API key is not among them: it comes from
// ANTHROPIC_API_KEY through the host's secret store, never a flag.
import { resolve } from 'node:path';
import { DEMO_SERVER_RATE_LIMITS, type SettingsPatch } from '../../src-shared/settings';

export interface SettingsFlags {
  model?: string;
  'base-url'?: string;
  rpm?: number;
  itpm?: number;
  concurrency?: number;
  'embedding-model'?: string;
  'model-dir'?: string;
  'allow-download'?: boolean;
  /** The built-in demo server instead of the Claude API (needs no key). */
  fake?: boolean;
}

/** The patch for `flags`; `fakeURL` is the demo server's address when --fake started one. */
export function settingsFrom(flags: SettingsFlags, fakeURL?: string, env: NodeJS.ProcessEnv = process.env): SettingsPatch {
  const baseURL = fakeURL ?? flags['base-url'] ?? env.ANTHROPIC_BASE_URL;
  // The demo server has no limits of its own: pace it only when asked to.
  const limits = fakeURL && !flags['base-url'] ? DEMO_SERVER_RATE_LIMITS : {};
  const m = flags.model;
  return {
    ...(m ? { models: { hierarchy: m, screening: m, task: m, pattern: m, skills: m, summary: m } } : {}),
    ...(baseURL ? { baseURL } : {}),
    ...limits,
    ...(flags.rpm !== undefined ? { requestsPerMinute: flags.rpm } : {}),
    ...(flags.itpm !== undefined ? { inputTokensPerMinute: flags.itpm } : {}),
    ...(flags.concurrency !== undefined ? { concurrency: flags.concurrency } : {}),
    ...(flags['embedding-model'] ? { embeddingModel: flags['embedding-model'] } : {}),
    ...(flags['model-dir'] ? { embeddingModelDir: resolve(flags['model-dir']) } : {}),
    // A terminal fetches a model only when asked: a download is hundreds of megabytes.
    allowModelDownload: flags['allow-download'] === true,
  };
}
