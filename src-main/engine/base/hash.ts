// One sha256 for the whole engine: content ids, request hashes, file checksums and manifests all
// hash the same way (strings as UTF-8, hex digest), so a value computed in one place matches another.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Hex sha256 of a string (UTF-8) or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Hex sha256 of a file's bytes. */
export function sha256File(path: string): string {
  return sha256(readFileSync(path));
}
