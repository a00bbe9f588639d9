// The installation's Ed25519 key that signs review bundles (src-shared/review-integrity.ts). Where it
// lives:
// - Desktop app: in the OS keychain, like the API key. Main keeps it safeStorage-encrypted in
//   <userData>/signing-key.bin (src-main/ipc/safe-storage.ts) and hands the decrypted PEM to the
//   engine process at start (EngineInit.signingKey), which keeps it in memory only.
// - CLI, `serve`, and a desktop without a usable keychain: a PKCS#8 PEM file readable by the owner
//   only (mode 0600) in the config folder, `<configDir>/signing-key.pem` (the CLI's config folder is
//   $TASK_ATLAS_HOME or ~/.task-atlas). Node has no keychain; the file is as private as the user's
//   other settings. TASK_ATLAS_SIGNING_KEY_FILE names another file (the tests use it).
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fingerprintOf } from '../../../src-shared/review-integrity';
import { sha256 } from '../base/hash';
import { defaultConfigDir } from '../paths';

export const SIGNING_KEY_FILE = 'signing-key.pem';

/** A plain object (not a class) so it can be structured-cloned into a task worker with the bundle job. */
export interface SigningKey {
  readonly privateKey: KeyObject;
  /** The raw 32-byte public key, base64 (what bundles carry). */
  readonly publicKey: string;
  readonly fingerprint: string;
}

export function signingKeyOf(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the signing key is not an Ed25519 key');
  const raw = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url');
  return { privateKey, publicKey: raw.toString('base64'), fingerprint: fingerprintOf(sha256(raw)) };
}

export function generateSigningKey(): SigningKey {
  return signingKeyOf(generateKeyPairSync('ed25519').privateKey);
}

export function signingKeyFromPem(pem: string): SigningKey {
  return signingKeyOf(createPrivateKey(pem));
}

export function signingKeyPem(key: SigningKey): string {
  return key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** Base64 Ed25519 signature of the text's UTF-8 bytes. */
export function signText(key: SigningKey, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');
}

export function signingKeyFile(configDir: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return env.TASK_ATLAS_SIGNING_KEY_FILE ?? join(configDir ?? defaultConfigDir(env), SIGNING_KEY_FILE);
}

/**
 * The key in `file`, created (mode 0600) when missing. A new key is written to a temp file and
 * hard-linked into place, which fails if another process created the key meanwhile: then that one
 * is read, so two processes starting together never sign with different keys.
 */
export function loadOrCreateSigningKeyFile(file: string): SigningKey {
  try {
    return signingKeyFromPem(readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file}: not a usable signing key (${(err as Error).message})`);
  }
  const key = generateSigningKey();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  writeFileSync(tmp, signingKeyPem(key), { mode: 0o600, flag: 'wx' });
  chmodSync(tmp, 0o600); // a umask cannot loosen it
  try {
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return signingKeyFromPem(readFileSync(file, 'utf8'));
  } finally {
    rmSync(tmp, { force: true });
  }
  return key;
}

// The engine's key, one per process: handed over by the desktop shell, else read from its file on
// first use (bundles are rare; no start-up cost for sessions that never sign).
let handedOver: SigningKey | null = null;
let fileDir: string | null = null;
let loaded: { file: string; key: SigningKey } | null = null;

/** Called once at engine start: the keychain's key (desktop) or the config folder its file lives in. */
export function configureSigningKey(source: { pem?: string | null; configDir: string | null }): void {
  handedOver = source.pem ? signingKeyFromPem(source.pem) : null;
  fileDir = source.configDir;
  loaded = null;
}

/** The installation's signing key (see the top of this file for where it lives). */
export function installationSigningKey(env: NodeJS.ProcessEnv = process.env): SigningKey {
  if (handedOver) return handedOver;
  const file = signingKeyFile(fileDir, env);
  if (loaded?.file !== file) loaded = { file, key: loadOrCreateSigningKeyFile(file) };
  return loaded.key;
}
