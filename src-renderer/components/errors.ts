// Every failure the wizard shows goes through one shape (the contract's ApiErrorPayload), so a
// network error, a thrown bug and a bad input file all render in the same ErrorBox.
import type { ApiErrorPayload } from '../../src-shared/api';
import { ApiError, isRestartError } from '../transport/client';

export function toErrorPayload(err: unknown): ApiErrorPayload {
  if (err instanceof ApiError) return err.payload;
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}

/** A short label per kind, shown beside the box's title; null when the message says it already. */
export function errorKindText(error: ApiErrorPayload): string | null {
  if (isRestartError(error)) return null;
  switch (error.kind) {
    case 'invalid-args':
      return 'Invalid input';
    case 'invalid-input':
      return 'That value cannot be used';
    case 'import':
      return 'The file could not be read';
    case 'not-found':
      return 'Not found';
    case 'unavailable':
      return 'Not available';
    case 'cancelled':
      return 'Cancelled';
    case 'conflict':
      return 'Not possible right now';
    case 'internal':
      // The engine's internal messages start "Something went wrong (...)"; do not say it twice.
      return error.message.startsWith('Something went wrong') ? null : 'Something went wrong';
    default:
      return String(error.kind);
  }
}

/** What the person can do about it, when the kind alone tells (else null). */
export function errorHint(error: ApiErrorPayload): string | null {
  if (isRestartError(error)) return null;
  if (error.kind === 'unavailable') {
    return 'Settings holds the Claude API key, the embedding model and the offline switch.';
  }
  if (error.kind === 'internal') return 'This is a bug in Task Atlas; the log file has the details.';
  return null;
}
