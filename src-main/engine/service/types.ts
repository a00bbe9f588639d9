// The handler table's types, shared by every group file and by dispatch().
import type { ApiArgs, ApiCall, ApiProgress, ApiResults } from '../../../src-shared/api';
import type { Logger } from '../log';

export interface CallContext<K extends ApiCall> {
  signal?: AbortSignal;
  onProgress?: (event: K extends keyof ApiProgress ? ApiProgress[K] : never) => void;
  transport: 'ipc' | 'http';
  /** Where dispatch() reports internal errors (call name and message, never arguments). */
  logger?: Logger;
}

export type ApiHandlers = {
  [K in ApiCall]: (args: ApiArgs<K>, ctx: CallContext<K>) => Promise<ApiResults[K]>;
};

/** A group of handlers, e.g. every 'hierarchy.*' call. */
export type HandlerGroup<K extends ApiCall> = Pick<ApiHandlers, K>;
