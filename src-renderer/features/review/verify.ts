// The browser's side of bundle verification: WebCrypto's SHA-256 and Ed25519 (Chromium ≥ 137, so
// every Electron and Chrome this app supports) behind the shared rules of review-integrity.ts.
import { checkBundleIntegrity, type BundleCrypto, type BundleIntegrity } from '../../../src-shared/review-integrity';
import type { ReviewBundle } from './schema';
import { sha256Hex } from '../validate/labelling';

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

const utf8 = (text: string) => new TextEncoder().encode(text);

export const webBundleCrypto: BundleCrypto = {
  sha256Hex,
  sha256HexOfBase64: async (base64) => hex(await crypto.subtle.digest('SHA-256', bytesOf(base64))),
  verifyEd25519: async (publicKey, signature, text) => {
    const key = await crypto.subtle.importKey('raw', bytesOf(publicKey), { name: 'Ed25519' }, false, ['verify']);
    return crypto.subtle.verify({ name: 'Ed25519' }, key, bytesOf(signature), utf8(text));
  },
};

/** `raw` is the bundle as parsed from its file (key order included), `bundle` its validated form. */
export function verifyBundle(raw: unknown, bundle: ReviewBundle): Promise<BundleIntegrity> {
  return checkBundleIntegrity(raw as Parameters<typeof checkBundleIntegrity>[0], bundle, webBundleCrypto);
}
