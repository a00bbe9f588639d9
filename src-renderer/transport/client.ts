// One ApiClient for the whole renderer, whichever shell it runs in: the Electron preload bridge
// when present, otherwise HTTP against the local server that served this page.
import { API_CALL_NAMES } from '../../src-shared/calls';
import type {
  ApiArgs,
  ApiCall,
  ApiClient,
  ApiErrorPayload,
  ApiResponse,
  ApiResults,
  CallOptions,
} from '../../src-shared/api';
import { takeLaunchToken } from '../../src-shared/launch';

/** What the Electron preload exposes: the same calls, but returning the raw envelope. */
export type TaskAtlasBridge = {
  [K in ApiCall]: (args: ApiArgs<K>) => Promise<ApiResponse<K>>;
};

/** Where this tab keeps the launch token, so a reload keeps working (per tab, gone when it closes). */
export const TOKEN_STORAGE_KEY = 'task-atlas.token';
export const TOKEN_HEADER = 'x-task-atlas-token';

/** A failed call, carrying the payload so the UI can point at file:line for import errors. */
export class ApiError extends Error {
  readonly payload: ApiErrorPayload;
  readonly call: ApiCall;

  constructor(call: ApiCall, payload: ApiErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.call = call;
    this.payload = payload;
  }
}

/** "file:line:column" when the server could place the error, else undefined. */
export function errorLocation(payload: ApiErrorPayload): string | undefined {
  if (!payload.file) return undefined;
  const parts = [payload.file, payload.line, payload.column].filter((p) => p !== undefined);
  return parts.join(':');
}

function unwrap<K extends ApiCall>(call: K, response: ApiResponse<K>): ApiResults[K] {
  if (response.ok) return response.result;
  throw new ApiError(call, response.error);
}

// Each call is the same function shape, so build the object from the contract's list instead of a
// hand-written one that could drift from API_CALLS.
type Invoke = <K extends ApiCall>(call: K, args: ApiArgs<K>, opts?: CallOptions) => Promise<ApiResults[K]>;

function buildClient(invoke: Invoke): ApiClient {
  const entries = API_CALL_NAMES.map((call) => [call, (args: never, opts?: CallOptions) => invoke(call, args, opts)]);
  return Object.fromEntries(entries) as ApiClient;
}

export function createBridgeClient(bridge: TaskAtlasBridge): ApiClient {
  return buildClient(async (call, args) => {
    const send = bridge[call] as (a: typeof args) => Promise<ApiResponse<typeof call>>;
    return unwrap(call, await send(args));
  });
}

/** What reading the token touches: the window in the app, fakes in tests. */
export interface TokenSource {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

// The token taken from the launch URL, for when sessionStorage is unavailable (storage disabled).
let launchToken: string | undefined;

/**
 * Moves a token from the address bar into this tab's session: the launch URL (`task-atlas serve`
 * prints it) carries it in the fragment, which must not stay visible, be bookmarked or be copied.
 * Runs at start (main.tsx) and again from readToken; a no-op without a token in the fragment.
 */
export function captureLaunchToken(win: TokenSource = window): void {
  const taken = takeLaunchToken(win.location.hash);
  if (!taken) return;
  launchToken = taken.token;
  try {
    win.sessionStorage.setItem(TOKEN_STORAGE_KEY, taken.token);
  } catch {
    // Storage disabled: this page load still works (launchToken); a reload would need the launch URL.
  }
  win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}${taken.rest}`);
}

/** A refused token is stale (the server restarted): a reload then asks for the new launch link. */
function forgetToken(): void {
  launchToken = undefined;
  try {
    globalThis.sessionStorage?.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    // Storage disabled: nothing was kept.
  }
}

/** The per-launch token every HTTP call carries; without it every call would be a 401. */
export function readToken(win: TokenSource = window): string {
  captureLaunchToken(win);
  let stored: string | null = null;
  try {
    stored = win.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    // Storage disabled: only the token taken at start (if any) is known.
  }
  // The session's copy first: it is the launch token of this tab (captureLaunchToken wrote it).
  const token = stored ?? launchToken;
  if (!token) throw new Error('No session token: open Task Atlas with the link `task-atlas serve` printed (it ends in #token=…)');
  return token;
}

async function readEnvelope<K extends ApiCall>(call: K, res: Response): Promise<ApiResponse<K>> {
  const text = await res.text();
  try {
    return JSON.parse(text) as ApiResponse<K>;
  } catch {
    // Proxies and auth failures answer in plain text; keep the status so the message is useful.
    const message = `HTTP ${res.status} from /api/${call}: ${text.slice(0, 200) || res.statusText}`;
    return { ok: false, error: { kind: 'internal', message } };
  }
}

/** What an open tab says once the server it was served by has restarted (a new per-launch token). */
/** The token is per launch: after a restart only the new launch link (printed by `serve`) works. */
export const RESTARTED_MESSAGE = 'Task Atlas was restarted: reload it with the new link `task-atlas serve` printed';

/** True for the error a stale tab gets: the UI offers a Reload button for it. */
export function isRestartError(error: ApiErrorPayload): boolean {
  return error.kind === 'unavailable' && error.message === RESTARTED_MESSAGE;
}

export function createHttpClient(token: () => string, fetchImpl: typeof fetch = fetch): ApiClient {
  return buildClient(async (call, args, opts) => {
    let res: Response;
    try {
      res = await fetchImpl(`/api/${call}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token() },
        body: JSON.stringify(args),
        // Aborting closes the request; the server then aborts the call's signal in the engine.
        ...(opts?.signal ? { signal: opts.signal } : {}),
      });
    } catch (err) {
      if (opts?.signal?.aborted) throw new ApiError(call, { kind: 'cancelled', message: 'cancelled' });
      throw err;
    }
    // The page's token is per launch: a 401 means the server was restarted since the page loaded,
    // which only a reload fixes ("missing or wrong token" would read as the user's mistake).
    if (res.status === 401) {
      forgetToken();
      throw new ApiError(call, { kind: 'unavailable', message: RESTARTED_MESSAGE });
    }
    return unwrap(call, await readEnvelope(call, res));
  });
}

let shared: ApiClient | undefined;
/** The client this shell made (bridge or HTTP); review mode replaces `shared` with an in-memory one. */
let shellClient: ApiClient | undefined;
let clientVersion = 0;
const clientListeners = new Set<() => void>();

export function getApiClient(): ApiClient {
  if (!shared) {
    const bridge = window.taskAtlas;
    shared = bridge ? createBridgeClient(bridge) : createHttpClient(() => readToken());
    shellClient = shared;
  }
  return shared;
}

/** False in review mode: calls are answered from the open bundle, and nothing may reach the server. */
export function usesShellTransport(): boolean {
  return shared === undefined || shared === shellClient;
}

/**
 * Replaces the shared client (review mode swaps in a read-only, in-memory one); undefined goes back
 * to the shell's own transport. Subscribers (the app header, stores) re-read on change.
 */
export function setApiClient(client: ApiClient | undefined): void {
  shared = client;
  clientVersion++;
  for (const listener of clientListeners) listener();
}

/** For useSyncExternalStore: bumps each time setApiClient runs. */
export function getApiClientVersion(): number {
  return clientVersion;
}

export function subscribeApiClient(listener: () => void): () => void {
  clientListeners.add(listener);
  return () => clientListeners.delete(listener);
}
