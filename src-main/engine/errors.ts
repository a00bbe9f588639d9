// Error types the service throws on purpose, and their mapping to the contract's ApiErrorPayload, so
// the UI can tell "you cannot do that now" (conflict) from "that does not exist" (not-found), a bad
// input file (import, with file:line) and bugs. Jobs record their failures in the same shape.
import type { ApiErrorPayload } from '../../src-shared/api';
import { ImportError } from './ingest/formats/errors';
import { NotFoundError } from './analyze/inputs';

export { NotFoundError } from './analyze/inputs';

/** The request is valid but clashes with the current state: a job already running, a file already there. */
export class ConflictError extends Error {
  override name = 'ConflictError';
}

export function toErrorPayload(err: unknown): ApiErrorPayload {
  if (err instanceof ImportError) {
    return { kind: 'import', message: err.message, file: err.file, line: err.line, column: err.column };
  }
  if (err instanceof NotFoundError) return { kind: 'not-found', message: err.message };
  if (err instanceof ConflictError) return { kind: 'conflict', message: err.message };
  if (err instanceof Error && err.name === 'AbortError') return { kind: 'cancelled', message: 'cancelled' };
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}
