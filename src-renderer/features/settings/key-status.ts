// The API key's status in words. The renderer never sees the key, only where it is kept and its
// last four characters, which is enough to tell two keys apart.
import type { ApiKeyStatus } from '../../../src-shared/settings';

const SOURCE_TEXT = {
  keychain: 'the system keychain',
  session: 'this session’s memory (forgotten when Task Atlas quits)',
  env: 'the ANTHROPIC_API_KEY environment variable',
} as const;

/** "A key is set (****abcd). Kept in the system keychain." */
export function keyStatusText(status: ApiKeyStatus): string {
  if (!status.present) return 'No API key set.';
  const where = status.source ? ` Kept in ${SOURCE_TEXT[status.source]}.` : '';
  return `A key is set (${status.hint ? `****${status.hint.replace(/^\*+/, '')}` : 'hidden'}).${where}`;
}

