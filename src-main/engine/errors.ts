// Error types the engine throws on purpose, and their mapping to the contract's ApiErrorPayload, so
// the UI can tell "you cannot do that now" (conflict) from "that does not exist" (not-found), "that
// value cannot be used" (invalid-input), "something the work needs is missing" (unavailable: no key,
// no model, offline), a bad input file (import, with file:line) and bugs (internal). Jobs record their
// failures in the same shape. Messages are for people and never name CLI flags: the CLI adds hints.
import type { ApiErrorPayload } from '../../src-shared/api';
import type { Logger } from './log';
import { ImportError } from './base/import-error';

export { ImportError } from './base/import-error';

/** The thing asked for does not exist: no such run, project, source or file. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** The request is valid but clashes with the current state: a job already running, a file already there. */
export class ConflictError extends Error {
  override name = 'ConflictError';
}

/** The arguments are well-formed but their values cannot be used (an unknown dataset, a bad number). */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
}

/** What the work needs is not there now: no API key, no embedding model, offline mode. */
export class UnavailableError extends Error {
  override name = 'UnavailableError';
  /** Which thing is missing, so a front door can add its own hint (Settings, a CLI flag). */
  constructor(
    message: string,
    readonly need: 'api-key' | 'model' | 'network' | 'data' | 'other' = 'other',
  ) {
    super(message);
  }
}

/** Work stopped because the user asked (pause, cancel, Ctrl+C): never a failure. */
export class CancelledError extends Error {
  override name = 'AbortError';
  constructor(message = 'cancelled') {
    super(message);
  }
}

export function toErrorPayload(err: unknown): ApiErrorPayload {
  if (err instanceof ImportError) {
    return { kind: 'import', message: err.message, file: err.file, line: err.line, column: err.column };
  }
  if (err instanceof NotFoundError) return { kind: 'not-found', message: err.message };
  if (err instanceof ConflictError) return { kind: 'conflict', message: err.message };
  if (err instanceof InvalidInputError) return { kind: 'invalid-input', message: err.message };
  if (err instanceof UnavailableError) return { kind: 'unavailable', message: err.message };
  if (err instanceof Error && err.name === 'AbortError') return { kind: 'cancelled', message: 'cancelled' };
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}

/** A failed response in the contract's shape: the one place transports build `{ ok: false, error }`. */
export function apiFailure(kind: ApiErrorPayload['kind'], message: string): { ok: false; error: ApiErrorPayload } {
  return { ok: false, error: { kind, message } };
}

const DETAIL_CHARS = 120;

/**
 * The payload a person sees for `err`. Typed errors keep their own message; anything else is a bug:
 * logged with its stack under `event`, and shown as "Something went wrong (first line); see the log".
 */
export function toUserError(err: unknown, logger: Logger | undefined, event: string, fields: Record<string, unknown> = {}): ApiErrorPayload {
  const payload = toErrorPayload(err);
  if (payload.kind !== 'internal') return payload;
  const stack = err instanceof Error ? err.stack : undefined;
  logger?.error(event, { ...fields, message: payload.message, stack });
  const first = payload.message.split('\n', 1)[0]!.trim();
  const detail = first.length > DETAIL_CHARS ? `${first.slice(0, DETAIL_CHARS - 1)}…` : first;
  return { kind: 'internal', message: detail ? `Something went wrong (${detail}); see the log` : 'Something went wrong; see the log' };
}
