// The engine process's API key store. Electron's safeStorage exists only in the main process, so main
// decrypts the key at start and hands it over (EngineInit.apiKey); the engine keeps it in memory and
// asks main to persist every change. The key travels only inside these messages, never in a log line.
import type { ApiKeySource } from '../../src-shared/settings';
import type { SecretStore } from '../engine/settings/secrets';

export type PersistSecret = (key: string | null) => void;

export class RelayedSecretStore implements SecretStore {
  readonly keychainAvailable: boolean;
  private key: string | null;

  constructor(
    init: { apiKey: string | null; keychainAvailable: boolean },
    private readonly persist: PersistSecret,
  ) {
    this.key = init.apiKey;
    this.keychainAvailable = init.keychainAvailable;
  }

  get(): string | null {
    return this.key;
  }

  set(key: string | null): void {
    this.key = key;
    this.persist(key);
  }

  source(): ApiKeySource | null {
    if (this.key === null) return null;
    // Main keeps it in the keychain when it can, else for this session only (as SafeStorageSecretStore).
    return this.keychainAvailable ? 'keychain' : 'session';
  }
}
