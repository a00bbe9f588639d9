// Calls through dispatch(), as a transport makes them: raw arguments in, the response envelope out.
import { dispatch } from '../../src-main/engine/dispatch';
import type { ApiHandlers } from '../../src-main/engine/service';
import type { ApiCall, ApiErrorPayload, ApiResults } from '../../src-shared/api';

export async function call<K extends ApiCall>(handlers: ApiHandlers, name: K, args: unknown): Promise<ApiResults[K]> {
  const r = await dispatch(handlers, name, args, { transport: 'http' });
  if (!r.ok) throw new Error(`${name} failed: ${r.error.kind}: ${r.error.message}`);
  return r.result as ApiResults[K];
}

export async function callError(handlers: ApiHandlers, name: ApiCall, args: unknown): Promise<ApiErrorPayload> {
  const r = await dispatch(handlers, name, args, { transport: 'http' });
  if (r.ok) throw new Error(`${name} succeeded, an error was expected`);
  return r.error;
}
