// Whether a review bundle is what its author's Task Atlas wrote. A checksum alone proves nothing
// (anyone can recompute a sha256 after editing a number), so version 3 bundles are signed with
// Ed25519 by a per-installation key: the signature covers the same bytes as the checksum
// (checksumText), and the bundle names the public key and its fingerprint. A valid signature says
// "written by the holder of this key": the reviewer compares the fingerprint with the one the
// author published (`task-atlas export --review` prints it), since a forger can sign with a key of
// their own. Pure TS: the engine (node:crypto) and the renderer (WebCrypto) supply the crypto.
import { z } from 'zod';

export const SIGNATURE_ALGORITHM = 'ed25519';

/** Base64 of a raw 32-byte Ed25519 public key and of a 64-byte signature. */
const PUBLIC_KEY_B64 = /^[A-Za-z0-9+/]{43}=$/;
const SIGNATURE_B64 = /^[A-Za-z0-9+/]{86}==$/;
/** The first 16 hex digits of sha256(public key), in groups of four: "3f2a 9c01 7b44 e0d2". */
const FINGERPRINT = /^[0-9a-f]{4}( [0-9a-f]{4}){3}$/;

export const signatureSchema = z.object({
  algorithm: z.literal(SIGNATURE_ALGORITHM),
  publicKey: z.string().regex(PUBLIC_KEY_B64, 'not a base64 Ed25519 public key'),
  fingerprint: z.string().regex(FINGERPRINT, 'not a key fingerprint'),
  value: z.string().regex(SIGNATURE_B64, 'not a base64 Ed25519 signature'),
});

export type BundleSignature = z.infer<typeof signatureSchema>;

/** The fingerprint shown for a public key, from the hex sha256 of its raw 32 bytes. */
export function fingerprintOf(publicKeySha256Hex: string): string {
  return publicKeySha256Hex.slice(0, 16).match(/.{4}/g)!.join(' ');
}

/** The value with every object's keys in sorted order, so its JSON does not depend on how it was built. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(record).sort().map((k) => [k, sortedKeys(record[k])]));
}

/**
 * The text a bundle's checksum is the sha256 of (and its signature signs). Version 1 hashed its
 * reports only, version 2 also the runs, both as written (key order included). Version 3 covers
 * everything but the checksum and the signature themselves (title, sources, paper numbers and
 * provenance too), with sorted keys: a bundle re-read through the schema (which orders keys its own
 * way) and saved again still verifies.
 */
export function checksumText(bundle: { version: unknown; reports?: unknown; runs?: unknown; runInfo?: unknown }): string {
  if (bundle.version === 1) return JSON.stringify(bundle.reports);
  if (bundle.version === 2) return JSON.stringify({ reports: bundle.reports, runs: bundle.runs ?? {}, runInfo: bundle.runInfo ?? {} });
  const { checksum, signature, ...covered } = bundle as Record<string, unknown>;
  void checksum;
  void signature;
  return JSON.stringify(sortedKeys(covered));
}

/** What a reviewer is told about an opened bundle. */
export type BundleIntegrity =
  | { status: 'signed'; fingerprint: string }
  /** Versions 1 and 2 carry no signature: their checksum catches damage, not edits. */
  | { status: 'unsigned' }
  /**
   * checksum: the numbers do not match the bundle's own checksum (damaged, or edited clumsily);
   * signature: they match a recomputed checksum but not the signature (the forgery the checksum
   * alone cannot catch); fingerprint: the stated fingerprint is not the signing key's.
   */
  | { status: 'modified'; reason: 'checksum' | 'signature' | 'fingerprint' };

export interface BundleCrypto {
  /** Hex sha256 of the text's UTF-8 bytes. */
  sha256Hex(text: string): Promise<string>;
  /** Hex sha256 of the bytes a base64 string holds. */
  sha256HexOfBase64(base64: string): Promise<string>;
  /** Whether `signature` (base64) is `publicKey`'s (base64, raw 32 bytes) Ed25519 signature of the text's UTF-8 bytes. */
  verifyEd25519(publicKey: string, signature: string, text: string): Promise<boolean>;
}

/**
 * Checks `raw` (the bundle exactly as parsed from its file, for its key order) against its
 * checksum and, from version 3, its signature. `bundle` is the schema-validated form of `raw`.
 */
export async function checkBundleIntegrity(
  raw: Parameters<typeof checksumText>[0],
  bundle: { version: number; checksum: string; signature?: BundleSignature },
  crypto: BundleCrypto,
): Promise<BundleIntegrity> {
  const text = checksumText(raw);
  if ((await crypto.sha256Hex(text)) !== bundle.checksum) return { status: 'modified', reason: 'checksum' };
  const sig = bundle.signature;
  if (bundle.version < 3 || !sig) return { status: 'unsigned' };
  if (fingerprintOf(await crypto.sha256HexOfBase64(sig.publicKey)) !== sig.fingerprint) {
    return { status: 'modified', reason: 'fingerprint' };
  }
  const valid = await crypto.verifyEd25519(sig.publicKey, sig.value, text).catch(() => false);
  return valid ? { status: 'signed', fingerprint: sig.fingerprint } : { status: 'modified', reason: 'signature' };
}

/** One line for a reviewer (the CLI and the Review page say the same). */
export function integrityText(integrity: BundleIntegrity): string {
  switch (integrity.status) {
    case 'signed':
      return `Signed by ${integrity.fingerprint}`;
    case 'unsigned':
      return 'Unsigned (older bundle): nothing vouches for these numbers';
    case 'modified':
      return 'Modified after signing — the numbers may not be genuine';
  }
}
