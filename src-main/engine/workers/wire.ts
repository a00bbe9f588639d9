// What crosses the thread boundary between the task pool and a task worker. Arguments, results and
// progress are structured-cloned (typed arrays may be transferred); errors cannot be, so they travel
// as plain data and are rebuilt on the calling side as the same class with the same fields, so a
// bad .xlsx still reports file:line:column and a missing run is still a not-found.
import { CancelledError, ConflictError, ImportError, InvalidInputError, NotFoundError, UnavailableError } from '../errors';

/** workerData of a task worker: which task to run and its arguments. */
export interface TaskRequest {
  task: string;
  args: unknown;
}

export type TaskReply =
  | { type: 'progress'; value: unknown }
  | { type: 'result'; value: unknown }
  | { type: 'error'; error: WireError };

export interface WireError {
  name: string;
  message: string;
  stack?: string;
  /** ImportError's location and reason, UnavailableError's need. */
  file?: string;
  line?: number;
  column?: number | string;
  reason?: string;
  need?: UnavailableError['need'];
}

export function toWireError(err: unknown): WireError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const out: WireError = { name: err.name, message: err.message };
  if (err.stack !== undefined) out.stack = err.stack;
  if (err instanceof ImportError) {
    out.file = err.file;
    out.reason = err.reason;
    if (err.line !== undefined) out.line = err.line;
    if (err.column !== undefined) out.column = err.column;
  }
  if (err instanceof UnavailableError) out.need = err.need;
  return out;
}

/** The same error kind as was thrown in the worker; the worker's stack is kept below the caller's. */
export function fromWireError(w: WireError): Error {
  const err = rebuild(w);
  if (w.stack) err.stack = `${err.stack ?? `${err.name}: ${err.message}`}\n    --- in the task worker ---\n${w.stack}`;
  return err;
}

function rebuild(w: WireError): Error {
  switch (w.name) {
    case 'ImportError':
      return new ImportError(w.reason ?? w.message, {
        file: w.file ?? '',
        ...(w.line !== undefined ? { line: w.line } : {}),
        ...(w.column !== undefined ? { column: w.column } : {}),
      });
    case 'NotFoundError':
      return new NotFoundError(w.message);
    case 'ConflictError':
      return new ConflictError(w.message);
    case 'InvalidInputError':
      return new InvalidInputError(w.message);
    case 'UnavailableError':
      return new UnavailableError(w.message, w.need);
    case 'AbortError':
      return new CancelledError(w.message);
    default: {
      const err = new Error(w.message);
      err.name = w.name;
      return err;
    }
  }
}
