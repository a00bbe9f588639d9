// Application settings (per user, per machine): kept in the app's config folder as JSON, never in a
// project file. The API key is not a setting: it lives in the OS keychain (Electron safeStorage),
// the session's memory or ANTHROPIC_API_KEY, and only its status crosses the API.
import { z } from 'zod';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const ModelChoicesSchema = z
  .object({
    hierarchy: z.string().min(1),
    screening: z.string().min(1),
    task: z.string().min(1),
    pattern: z.string().min(1),
    skills: z.string().min(1),
    summary: z.string().min(1),
  })
  .strict();

export const SettingsSchema = z
  .object({
    models: ModelChoicesSchema,
    /** Claude requests in flight at once. */
    concurrency: z.number().int().min(1).max(256),
    requestsPerMinute: z.number().int().min(1),
    inputTokensPerMinute: z.number().int().min(1),
    /** Claude endpoint: empty = api.anthropic.com; a URL for a proxy or gateway (or a test server). */
    baseURL: z.union([z.literal(''), z.string().url()]),
    /** Sentence-embedding model name (Hugging Face id or folder name under modelCacheDir). */
    embeddingModel: z.string().min(1),
    /** A local model folder imported for offline machines; empty = look in modelCacheDir. */
    embeddingModelDir: z.string(),
    /** Where downloaded embedding models are kept. */
    modelCacheDir: z.string().min(1),
    /** Fetch a missing embedding model from Hugging Face once (never when offline). */
    allowModelDownload: z.boolean(),
    /** No network at all: no Claude calls, no model downloads (classify with embeddings only). */
    offline: z.boolean(),
    theme: z.enum(THEMES),
    /**
     * Demo mode: the built-in fake Claude server and the bundled tiny embedding model, results named
     * and labelled as a demo. The engine turns it on in the settings a job sees while the demo
     * project is open (demo.start); it is never saved as on.
     */
    demoMode: z.boolean(),
  })
  .strict();

export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update: every key optional, models merged key by key. */
export const SettingsPatchSchema = SettingsSchema.extend({ models: ModelChoicesSchema.partial() }).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_MODELS: Settings['models'] = {
  hierarchy: 'claude-sonnet-4-6',
  screening: 'claude-haiku-4-5',
  task: 'claude-sonnet-4-6',
  pattern: 'claude-sonnet-4-6',
  skills: 'claude-sonnet-4-6',
  summary: 'claude-haiku-4-5',
};

/** The sentence-embedding model of the paper's pipeline (hierarchy neighbourhoods, offline classify). */
export const DEFAULT_EMBEDDING_MODEL = 'all-mpnet-base-v2';

/** Claude requests in flight at once, unless the settings say otherwise. */
export const DEFAULT_CONCURRENCY = 16;

export interface RateLimits {
  requestsPerMinute: number;
  inputTokensPerMinute: number;
}

/** The Claude API's limits for a typical account; a gateway or a higher tier sets its own in Settings. */
export const API_RATE_LIMITS: RateLimits = { requestsPerMinute: 4000, inputTokensPerMinute: 2_000_000 };

/** The built-in demo server (fake Claude) has no limits of its own: do not pace it like the real API. */
export const DEMO_SERVER_RATE_LIMITS: RateLimits = { requestsPerMinute: 600_000, inputTokensPerMinute: 10_000_000_000 };

export function defaultSettings(modelCacheDir: string): Settings {
  return {
    models: { ...DEFAULT_MODELS },
    concurrency: DEFAULT_CONCURRENCY,
    ...API_RATE_LIMITS,
    baseURL: '',
    embeddingModel: DEFAULT_EMBEDDING_MODEL,
    embeddingModelDir: '',
    modelCacheDir,
    allowModelDownload: true,
    offline: false,
    theme: 'system',
    demoMode: false,
  };
}

export type ApiKeySource = 'keychain' | 'session' | 'env';

/** What the renderer may know about the key: whether there is one and where it lives, never its value. */
export interface ApiKeyStatus {
  present: boolean;
  source: ApiKeySource | null;
  /** False when the OS offers no encryption (safeStorage unavailable, or the browser build): a key set now lasts this session only. */
  keychainAvailable: boolean;
  /** Last four characters, so the user can tell which key is set. */
  hint: string | null;
}

export interface SettingsView {
  settings: Settings;
  apiKey: ApiKeyStatus;
  /** Where the settings file is. */
  file: string;
}
