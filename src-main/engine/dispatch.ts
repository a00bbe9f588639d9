// One entry for every transport: validate the call name and arguments against the contract, run
// the handler, and turn any error into an ApiErrorPayload (never a raw stack across the boundary).
// Arguments are never logged: settings.setApiKey carries the API key in them.
import { API_CALLS, type ApiCall, type ApiResponse } from '../../src-shared/api';
import { toErrorPayload } from './errors';
import type { ApiHandlers, CallContext } from './service';

export { toErrorPayload } from './errors';

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
    // Paths and messages only: zod's messages do not quote the rejected value.
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`).join('; ');
    return { ok: false, error: { kind: 'invalid-args', message: `${call}: ${detail}` } };
  }
  try {
    const handler = handlers[call] as (args: unknown, ctx: CallContext<ApiCall>) => Promise<unknown>;
    return { ok: true, result: (await handler(parsed.data, ctx)) as never };
  } catch (err) {
    const error = toErrorPayload(err);
    if (error.kind === 'internal') ctx.logger?.error('api.error', { call, message: error.message });
    return { ok: false, error };
  }
}
