// The models a job uses, configured from the settings. Claude: endpoint, rate limits and the key
// from the secret store; the key goes to the SDK only (which sends it as "Authorization: Bearer"),
// never to a row or a log. Embeddings: downloads only when allowed and not offline, and an imported
// local model folder searched before the cache. What is missing is an UnavailableError whose message
// is for the app (Settings); a front door adds its own hint from `need`.
import type { Db } from '../../db/open';
import type { ClaudeTotals } from '../../../src-shared/jobs';
import type { Settings } from '../../../src-shared/settings';
import { DEFAULT_LLM_OPTIONS, LlmClient } from '../llm/client';
import type { LlmStats } from '../llm/stats';
import { claudeUsage } from './progress';
import { openEmbedding, type EmbeddingHandle } from '../hierarchy/embedding';
import { findModelFolder, missingModelError } from '../embed/models';
import { UnavailableError } from '../errors';
import type { SecretStore } from '../settings/secrets';

export const NO_KEY_MESSAGE = 'No Claude API key: add one in Settings.';
export const OFFLINE_MESSAGE = 'offline mode is on: no Claude calls are made (turn it off in Settings)';

/** Throws unless Claude can be called: not offline, and a key or a custom endpoint (a gateway). */
export function requireClaude(settings: Settings, secrets: SecretStore): void {
  if (settings.offline) throw new UnavailableError(OFFLINE_MESSAGE, 'network');
  if (!secrets.get() && !settings.baseURL) throw new UnavailableError(NO_KEY_MESSAGE, 'api-key');
}

/** Throws unless the embedding model is on disk or may be downloaded. */
export function requireEmbeddingModel(settings: Settings): void {
  if (mayDownload(settings)) return;
  const dirs = embeddingDirs(settings);
  if (findModelFolder(dirs, settings.embeddingModel)) return;
  throw new UnavailableError(missingModelError(dirs, settings.embeddingModel).message, 'model');
}

export function claudeClient(db: Db, settings: Settings, secrets: SecretStore, model: string): LlmClient {
  requireClaude(settings, secrets);
  const key = secrets.get();
  const client = new LlmClient(db, {
    ...DEFAULT_LLM_OPTIONS,
    model,
    ...(settings.baseURL ? { baseURL: settings.baseURL } : {}),
    // A gateway without a key authenticates its own way; the SDK still wants some credential.
    ...(key ? { apiKey: key } : { authToken: 'no-key' }),
    limits: { requestsPerMinute: settings.requestsPerMinute, inputTokensPerMinute: settings.inputTokensPerMinute },
    // "Requests in flight" in Settings is the ceiling; the client adapts below it.
    maxInFlight: settings.concurrency,
  });
  // The demo server's answers cost nothing: the totals say so, and the UI shows "simulated".
  if (settings.demoMode) client.stats.simulated = true;
  return client;
}

export function embeddingFor(db: Db, settings: Settings): Promise<EmbeddingHandle> {
  requireEmbeddingModel(settings);
  return openEmbedding(db, {
    model: settings.embeddingModel,
    cacheDir: settings.modelCacheDir,
    allowRemote: mayDownload(settings),
    localModelPath: settings.embeddingModelDir || undefined,
  });
}

/** The attempt's Claude totals for a job's result: the progress usage plus retries and invalid answers. */
export function claudeTotals(s: LlmStats): ClaudeTotals {
  return { ...claudeUsage(s), retries: { ...s.retries }, invalidAnswers: s.invalidAnswers };
}

function mayDownload(settings: Settings): boolean {
  return settings.allowModelDownload && !settings.offline;
}

function embeddingDirs(settings: Settings): [string, ...string[]] {
  return settings.embeddingModelDir ? [settings.embeddingModelDir, settings.modelCacheDir] : [settings.modelCacheDir];
}
