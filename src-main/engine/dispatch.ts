// One entry for every transport: validate the call name and arguments against the contract, run
// the handler, and turn any error into an ApiErrorPayload (never a raw stack across the boundary).
// Typed errors (not found, conflict, ...) keep their message; a bug is logged with its stack and
// shown as "Something went wrong". Arguments are never logged: settings.setApiKey carries the key.
import { API_CALLS, type ApiCall, type ApiResponse } from '../../src-shared/api';
import { apiFailure, toUserError } from './errors';
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
  if (!isApiCall(call)) return apiFailure('not-found', `unknown call "${call}"`);
  const parsed = API_CALLS[call].safeParse(rawArgs ?? {});
  if (!parsed.success) {
    // Paths and messages only: zod's messages do not quote the rejected value.
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`).join('; ');
    return apiFailure('invalid-args', `${call}: ${detail}`);
  }
  try {
    const handler = handlers[call] as (args: unknown, ctx: CallContext<ApiCall>) => Promise<unknown>;
    return { ok: true, result: (await handler(parsed.data, ctx)) as never };
  } catch (err) {
    return { ok: false, error: toUserError(err, ctx.logger, 'api.error', { call }) };
  }
}
