// Signing and verifying review bundles in the engine (node:crypto); the rules themselves (what is
// signed, what a mismatch means) are in src-shared/review-integrity.ts, shared with the renderer.
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { findDuplicateKey, duplicateKeyReason } from '../../../src-shared/strict-json';
import {
  checkBundleIntegrity,
  checksumText,
  SIGNATURE_ALGORITHM,
  type BundleCrypto,
  type BundleIntegrity,
  type BundleSignature,
} from '../../../src-shared/review-integrity';
import { sha256 } from '../base/hash';
import { ImportError } from '../base/import-error';
import { signText, type SigningKey } from '../settings/signing-key';
import { reviewBundleSchema, type ReviewBundle } from './schema';

/** The checksum and signature of a bundle's content (everything but those two fields, in order). */
export function sealBundle(content: { version: number }, key: SigningKey): { checksum: string; signature: BundleSignature } {
  const text = checksumText(content);
  return {
    checksum: sha256(text),
    signature: { algorithm: SIGNATURE_ALGORITHM, publicKey: key.publicKey, fingerprint: key.fingerprint, value: signText(key, text) },
  };
}

/** SPKI DER prefix of an Ed25519 public key (RFC 8410): the raw 32 bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export const nodeBundleCrypto: BundleCrypto = {
  sha256Hex: async (text) => sha256(text),
  sha256HexOfBase64: async (base64) => sha256(Buffer.from(base64, 'base64')),
  verifyEd25519: async (publicKey, signature, text) => {
    const der = Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(publicKey, 'base64')]);
    const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  },
};

/** The JSON of an opened bundle checked like the renderer does: format, schema, then checksum and signature. */
export async function verifyReviewBundle(text: string, file = 'review bundle'): Promise<{ bundle: ReviewBundle; integrity: BundleIntegrity }> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ImportError(`not valid JSON (${(err as Error).message})`, { file });
  }
  const dup = findDuplicateKey(text);
  if (dup) throw new ImportError(duplicateKeyReason(dup), { file, line: dup.line, column: dup.column });
  const parsed = reviewBundleSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new ImportError(`not a usable review bundle: ${first.path.map(String).join('.') || '(root)'}: ${first.message}`, { file });
  }
  const bundle = parsed.data;
  const integrity = await checkBundleIntegrity(raw as Parameters<typeof checksumText>[0], bundle, nodeBundleCrypto);
  return { bundle, integrity };
}

/** A bundle file from disk, verified (see verifyReviewBundle). */
export function readReviewBundle(file: string): Promise<{ bundle: ReviewBundle; integrity: BundleIntegrity }> {
  return verifyReviewBundle(readFileSync(file, 'utf8'), file);
}
