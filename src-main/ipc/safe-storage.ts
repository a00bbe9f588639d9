// The API key in the OS keychain: encrypted with Electron's safeStorage (Keychain on macOS, DPAPI on
// Windows, libsecret/kwallet on Linux) into <userData>/api-key.bin. Where the OS offers no real
// encryption (Linux "basic_text"), the key is kept in memory for the session instead, and the
// Settings page says so: a key must never sit on disk in a recoverable form.
import { safeStorage } from 'electron';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiKeySource } from '../../src-shared/settings';
import { MemorySecretStore, type SecretStore } from '../engine/settings/secrets';

export const KEY_FILE = 'api-key.bin';

export class SafeStorageSecretStore implements SecretStore {
  readonly keychainAvailable: boolean;
  private readonly file: string;
  private readonly session = new MemorySecretStore();
  private cached: string | null = null;

  /** Call after app 'ready': safeStorage is not usable before. */
  constructor(userDataDir: string) {
    this.file = join(userDataDir, KEY_FILE);
    this.keychainAvailable =
      safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
    this.cached = this.keychainAvailable ? this.read() : null;
  }

  get(): string | null {
    return this.keychainAvailable ? this.cached : this.session.get();
  }

  set(key: string | null): void {
    if (!this.keychainAvailable) {
      this.session.set(key);
      return;
    }
    if (key === null) rmSync(this.file, { force: true });
    else {
      const tmp = `${this.file}.tmp-${process.pid}`;
      writeFileSync(tmp, safeStorage.encryptString(key), { mode: 0o600 });
      renameSync(tmp, this.file);
    }
    this.cached = key;
  }

  source(): ApiKeySource | null {
    if (!this.keychainAvailable) return this.session.source();
    return this.cached === null ? null : 'keychain';
  }

  private read(): string | null {
    if (!existsSync(this.file)) return null;
    try {
      return safeStorage.decryptString(readFileSync(this.file));
    } catch {
      // Encrypted under another OS account or keychain: unusable, so the user sets it again.
      return null;
    }
  }
}
