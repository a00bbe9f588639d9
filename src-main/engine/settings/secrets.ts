// Where the Claude API key lives. Never in a project file, settings.json or the log: the Electron
// shell keeps it encrypted with the OS keychain (src-main/ipc/safe-storage.ts), the browser build in
// the session's memory, and ANTHROPIC_API_KEY is a read-only fallback with the lowest priority.
import type { ApiKeySource, ApiKeyStatus } from '../../../src-shared/settings';

export interface SecretStore {
  /** False when the key cannot be kept encrypted on disk: a key set now lasts the session only. */
  readonly keychainAvailable: boolean;
  get(): string | null;
  /** null removes the stored key. */
  set(key: string | null): void;
  /** Where get()'s value comes from, null when there is no key. */
  source(): ApiKeySource | null;
}

/** The key for this session only (browser build, tests, or a machine without a keychain). */
export class MemorySecretStore implements SecretStore {
  readonly keychainAvailable = false;
  private key: string | null = null;

  get(): string | null {
    return this.key;
  }

  set(key: string | null): void {
    this.key = key;
  }

  source(): ApiKeySource | null {
    return this.key === null ? null : 'session';
  }
}

/**
 * A store backed by `primary`, falling back to the environment's ANTHROPIC_API_KEY (read-only). Every
 * key it sees is registered with `register` (the logger's redaction list) before it is used.
 */
export class SecretsWithEnvFallback implements SecretStore {
  private readonly envKey: string | null;

  constructor(
    private readonly primary: SecretStore,
    private readonly register: (secret: string) => void = () => {},
    env: NodeJS.ProcessEnv = process.env,
  ) {
    const fromEnv = env.ANTHROPIC_API_KEY?.trim();
    this.envKey = fromEnv ? fromEnv : null;
    if (this.envKey) register(this.envKey);
    const stored = primary.get();
    if (stored) register(stored);
  }

  get keychainAvailable(): boolean {
    return this.primary.keychainAvailable;
  }

  get(): string | null {
    return this.primary.get() ?? this.envKey;
  }

  set(key: string | null): void {
    if (key !== null) this.register(key);
    this.primary.set(key);
  }

  source(): ApiKeySource | null {
    return this.primary.get() !== null ? this.primary.source() : this.envKey !== null ? 'env' : null;
  }
}

/** What the renderer may know about the key: never its value, only its last four characters. */
export function apiKeyStatus(secrets: SecretStore): ApiKeyStatus {
  const key = secrets.get();
  return {
    present: key !== null,
    source: key === null ? null : secrets.source(),
    keychainAvailable: secrets.keychainAvailable,
    hint: key === null ? null : key.slice(-4),
  };
}
