// The models a job uses, configured from the settings. Claude: endpoint, rate limits and the key
// from the secret store; the key goes to the SDK only (which sends it as "Authorization: Bearer"),
// never to a row or a log. Embeddings: downloads only when not offline, and an imported local model
// folder searched before the cache.
import type { Db } from '../../db/open';
import type { Settings } from '../../../src-shared/settings';
import { DEFAULT_LLM_OPTIONS, LlmClient } from '../llm/client';
import { openEmbedding, type EmbeddingHandle } from '../hierarchy/embedding';
import type { SecretStore } from '../settings/secrets';

export const NO_KEY_MESSAGE = 'no Claude API key: add one in Settings';
export const OFFLINE_MESSAGE = 'offline mode is on: no Claude calls are made (turn it off in Settings)';

export function claudeClient(db: Db, settings: Settings, secrets: SecretStore, model: string): LlmClient {
  if (settings.offline) throw new Error(OFFLINE_MESSAGE);
  const key = secrets.get();
  if (!key && !settings.baseURL) throw new Error(NO_KEY_MESSAGE);
  return new LlmClient(db, {
    ...DEFAULT_LLM_OPTIONS,
    model,
    ...(settings.baseURL ? { baseURL: settings.baseURL } : {}),
    // A gateway without a key authenticates its own way; the SDK still wants some credential.
    ...(key ? { apiKey: key } : { authToken: 'no-key' }),
    limits: { requestsPerMinute: settings.requestsPerMinute, inputTokensPerMinute: settings.inputTokensPerMinute },
  });
}

export function embeddingFor(db: Db, settings: Settings): Promise<EmbeddingHandle> {
  return openEmbedding(db, {
    model: settings.embeddingModel,
    cacheDir: settings.modelCacheDir,
    allowRemote: !settings.offline,
    localModelPath: settings.embeddingModelDir || undefined,
  });
}
