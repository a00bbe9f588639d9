// What a command's failure means for its exit code. 2: the user's input was wrong (a bad flag, a
// missing argument, a file that cannot be read as what it claims to be, a dataset or run that does
// not exist): fixing the command line fixes it. 1: the input was fine but the work could not be
// done (no key, no model, no network, a bug). Either way one line on stderr, never a stack trace.
import type { ZodError } from 'zod';
import { ConflictError, ImportError, InvalidInputError, NotFoundError } from '../engine/errors';

export const USAGE_EXIT_CODE = 2;
export const FAILURE_EXIT_CODE = 1;

/** An error with its own exit code: what a command decided itself. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The command line itself is wrong: an unknown option, a missing value, a conflict. Exit 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, USAGE_EXIT_CODE);
    this.name = 'UsageError';
  }
}

/** The exit code for `err`, thrown by a command. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof CliError) return err.exitCode;
  // A conflict is input the project refuses (other content under an existing id, a run name taken).
  if (err instanceof ImportError || err instanceof InvalidInputError || err instanceof NotFoundError || err instanceof ConflictError) return USAGE_EXIT_CODE;
  if (isZodError(err)) return USAGE_EXIT_CODE;
  // Errors rebuilt from a worker keep their name, not always their class.
  if (err instanceof Error && ['ImportError', 'InvalidInputError', 'NotFoundError', 'ConflictError'].includes(err.name)) return USAGE_EXIT_CODE;
  return FAILURE_EXIT_CODE;
}

/** The one line a person reads: zod issues joined, newlines folded, no stack. */
export function errorLine(err: unknown): string {
  if (isZodError(err)) {
    return err.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ');
  }
  const message = err instanceof Error ? err.message : String(err);
  return message.trim().replace(/\s*\n\s*/g, ' ');
}

/** By name, not instanceof: importing zod's classes would load zod for every `--help`. */
function isZodError(err: unknown): err is ZodError {
  return err instanceof Error && err.name === 'ZodError' && Array.isArray((err as Partial<ZodError>).issues);
}

/** Exit codes for a job that ended with an error of this recorded kind. */
export function exitCodeForKind(kind: string | undefined): number {
  return kind === 'import' || kind === 'invalid-input' || kind === 'not-found' || kind === 'conflict' ? USAGE_EXIT_CODE : FAILURE_EXIT_CODE;
}
