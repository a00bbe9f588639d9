// One entry for every transport: validate the call name and arguments against the contract, run
// the handler, and turn any error into an ApiErrorPayload (never a raw stack across the boundary).
import { API_CALLS, type ApiCall, type ApiErrorPayload, type ApiResponse } from '../../src-shared/api';
import { ImportError } from './ingest/formats/errors';
import { NotFoundError } from './analyze/inputs';
import type { ApiHandlers, CallContext } from './service';

export function isApiCall(name: string): name is ApiCall {
  return Object.prototype.hasOwnProperty.call(API_CALLS, name);
}

export async function dispatch(
  handlers: ApiHandlers,
  call: string,
  rawArgs: unknown,
  ctx: CallContext<ApiCall>,
): Promise<ApiResponse<ApiCall>> {
  if (!isApiCall(call)) return { ok: false, error: { kind: 'not-found', message: `unknown call "${call}"` } };
  const parsed = API_CALLS[call].safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`).join('; ');
    return { ok: false, error: { kind: 'invalid-args', message: `${call}: ${detail}` } };
  }
  try {
    const handler = handlers[call] as (args: unknown, ctx: CallContext<ApiCall>) => Promise<unknown>;
    return { ok: true, result: (await handler(parsed.data, ctx)) as never };
  } catch (err) {
    return { ok: false, error: toErrorPayload(err) };
  }
}

export function toErrorPayload(err: unknown): ApiErrorPayload {
  if (err instanceof ImportError) {
    return { kind: 'import', message: err.message, file: err.file, line: err.line, column: err.column };
  }
  if (err instanceof NotFoundError) return { kind: 'not-found', message: err.message };
  if (err instanceof Error && err.name === 'AbortError') return { kind: 'cancelled', message: 'cancelled' };
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}
