// The API key in the OS keychain: encrypted with Electron's safeStorage (Keychain on macOS, DPAPI on
// Windows, libsecret/kwallet on Linux) into <userData>/api-key.bin. Where the OS offers no real
// encryption (Linux "basic_text"), the key is kept in memory for the session instead, and the
// Settings page says so: a key must never sit on disk in a recoverable form.
import { safeStorage } from 'electron';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiKeySource } from '../../src-shared/settings';
import { MemorySecretStore, type SecretStore } from '../engine/settings/secrets';
import { generateSigningKey, signingKeyFromPem, signingKeyPem } from '../engine/settings/signing-key';

export const KEY_FILE = 'api-key.bin';
export const SIGNING_KEY_FILE = 'signing-key.bin';

function keychainUsable(): boolean {
  return safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
}

export class SafeStorageSecretStore implements SecretStore {
  readonly keychainAvailable: boolean;
  private readonly file: string;
  private readonly session = new MemorySecretStore();
  private cached: string | null = null;

  /** Call after app 'ready': safeStorage is not usable before. */
  constructor(userDataDir: string) {
    this.file = join(userDataDir, KEY_FILE);
    this.keychainAvailable = keychainUsable();
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

/**
 * The review-bundle signing key (PKCS#8 PEM) kept in the keychain as <userData>/signing-key.bin,
 * created on first start; handed to the engine (EngineInit.signingKey). null when there is no real
 * keychain, when TASK_ATLAS_SIGNING_KEY_FILE names a file, or when the stored key cannot be decrypted
 * (another OS account): the engine then keeps its key in a 0600 file in userData instead
 * (engine/settings/signing-key.ts), since a key that changed every launch would be useless.
 */
export function keychainSigningKey(userDataDir: string): string | null {
  if (!keychainUsable() || process.env.TASK_ATLAS_SIGNING_KEY_FILE) return null;
  const file = join(userDataDir, SIGNING_KEY_FILE);
  try {
    if (existsSync(file)) return signingKeyPem(signingKeyFromPem(safeStorage.decryptString(readFileSync(file))));
    const pem = signingKeyPem(generateSigningKey());
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, safeStorage.encryptString(pem), { mode: 0o600 });
    renameSync(tmp, file);
    return pem;
  } catch {
    return null;
  }
}
