// The local HTTP transport: the same contract as Electron IPC, for the renderer in a browser.
// Listens on 127.0.0.1 only, requires a per-launch token on every API call, and checks the Host
// header (DNS rebinding) and the Origin of API calls (guards.ts). The token reaches the page only
// through the launch URL's fragment, never through a response. Request bodies are never logged or
// echoed: settings.setApiKey carries the API key in its body.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ApiCall, ApiResponse } from '../../src-shared/api';
import { EVENTS_PATH, type EngineEventListener } from '../../src-shared/events';
import { launchFragment } from '../../src-shared/launch';
import { dispatch } from '../engine/dispatch';
import type { ApiHandlers } from '../engine/service';
import type { Logger } from '../engine/log';
import { serveStatic } from './static';
import {
  BodyTooLargeError,
  DEFAULT_MAX_BODY,
  FRAME_HEADERS,
  hostAllowed,
  originAllowed,
  parseRequestUrl,
  readBody,
  refuse,
  sendJson,
  tokenMatches,
} from './guards';

export interface HttpServerHandle {
  /** The server's root, without the token: a browser opening it gets a page that cannot call the API. */
  url: string;
  token: string;
  /** What `serve` prints: the root with the token in its fragment (see src-shared/launch.ts). */
  launchUrl: string;
  /** The launch URL opening one step, e.g. pageUrl('/explore'). */
  pageUrl(route: string): string;
  close(): Promise<void>;
}

/** Answers one contract call: the engine process's relay (`task-atlas serve`). */
export type RelayCall = (call: string, args: unknown, signal: AbortSignal) => Promise<ApiResponse<ApiCall>>;

export interface HttpServerOptions {
  /** The service in this process (tests, scripts), or... */
  handlers?: ApiHandlers;
  /** ...a relay to the engine process, so no engine work ever runs on the thread serving HTTP. */
  call?: RelayCall;
  staticDir: string;
  port?: number;
  token?: string;
  /** Receives the name and error message of failed calls (never their arguments). */
  logger?: Logger;
  /** The engine's pushed events (jobs, engine status), streamed on EVENTS_PATH; returns unsubscribe. */
  events?: (listener: EngineEventListener) => () => void;
  /** Gap between comment lines on an idle event stream, so proxies and the reader see it alive. */
  heartbeatMs?: number;
  /** Largest request body accepted (bytes); a larger one gets 413. Default 10 MB. */
  maxBodyBytes?: number;
}

export async function startHttpServer(opts: HttpServerOptions): Promise<HttpServerHandle> {
  if ((opts.handlers === undefined) === (opts.call === undefined)) throw new Error('startHttpServer needs either handlers or call');
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(FRAME_HEADERS)) res.setHeader(name, value);
    handle(req, res, opts, token).catch((err: unknown) => {
      opts.logger?.error('http.error', { path: parseRequestUrl(req.url)?.url.pathname ?? '(malformed)', message: String(err) });
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { kind: 'internal', message: String(err) } });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    token,
    launchUrl: url + launchFragment(token),
    pageUrl: (route) => url + launchFragment(token, route),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  opts: HttpServerOptions,
  token: string,
): Promise<void> {
  if (!hostAllowed(req.headers.host)) return refuse(res, 403, 'internal', 'forbidden host');
  const parsed = parseRequestUrl(req.url);
  if (!parsed) return refuse(res, 400, 'invalid-args', 'malformed URL');
  const { url } = parsed;
  const api = url.pathname === EVENTS_PATH || url.pathname.startsWith('/api/');
  if (api && !originAllowed(req.headers.origin, req.socket.localPort)) return refuse(res, 403, 'invalid-args', 'forbidden origin');
  if (url.pathname === EVENTS_PATH && req.method === 'GET') {
    streamEvents(req, res, opts, token);
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    await handleApi(req, res, opts, parsed.path.slice('/api/'.length), token);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, { ok: false, error: { kind: 'internal', message: 'method not allowed' } });
    return;
  }
  serveStatic(res, opts.staticDir, url.pathname);
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  opts: HttpServerOptions,
  call: string,
  token: string,
): Promise<void> {
  if (req.method !== 'POST') {
    sendJson(res, 405, { ok: false, error: { kind: 'invalid-args', message: 'API calls are POST' } });
    return;
  }
  if (!tokenMatches(req.headers['x-task-atlas-token'], token)) {
    sendJson(res, 401, { ok: false, error: { kind: 'invalid-args', message: 'missing or wrong token' } });
    return;
  }
  let args: unknown;
  try {
    const body = await readBody(req, opts.maxBodyBytes ?? DEFAULT_MAX_BODY);
    args = body.length === 0 ? {} : JSON.parse(body);
  } catch (err) {
    // Close the connection: the rest of the oversized body is drained, not worth keeping alive for.
    if (err instanceof BodyTooLargeError) return refuse(res, 413, 'invalid-args', err.message, { connection: 'close' });
    // JSON.parse's message can quote the body (and so a key being set): say only what went wrong.
    const reason = err instanceof SyntaxError ? 'not valid JSON' : err instanceof Error ? err.message : 'unreadable';
    sendJson(res, 400, { ok: false, error: { kind: 'invalid-args', message: `bad request body: ${reason}` } });
    return;
  }
  // A client that goes away (an aborted fetch, a closed tab) cancels the call: handlers that honour
  // ctx.signal stop instead of working for no one.
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const name = call;
  const response = opts.handlers
    ? await dispatch(opts.handlers, name, args, { transport: 'http', logger: opts.logger, signal: controller.signal })
    : await opts.call!(name, args, controller.signal);
  sendJson(res, response.ok ? 200 : statusFor(response.error.kind), response);
}

/**
 * Server-Sent Events: one `data: <EngineEvent JSON>` message per event, a comment line as heartbeat.
 * The token comes in the same header as API calls (the renderer reads the stream with fetch, since
 * EventSource cannot send headers). The subscription ends when the client goes away.
 */
function streamEvents(req: IncomingMessage, res: ServerResponse, opts: HttpServerOptions, token: string): void {
  if (!tokenMatches(req.headers['x-task-atlas-token'], token)) {
    sendJson(res, 401, { ok: false, error: { kind: 'invalid-args', message: 'missing or wrong token' } });
    return;
  }
  if (!opts.events) {
    // No Content, not an error: the reader falls back to polling (and the browser logs nothing).
    res.writeHead(204, { 'cache-control': 'no-store' });
    res.end();
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
  });
  // A first comment sends the headers at once, so the reader knows it is connected.
  res.write(': connected\n\n');
  const unsubscribe = opts.events((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), opts.heartbeatMs ?? 15_000);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.on('close', close);
  res.on('close', close);
}

const STATUS: Record<string, number> = { 'invalid-args': 400, 'invalid-input': 400, import: 400, 'not-found': 404, conflict: 409, unavailable: 503 };

function statusFor(kind: string): number {
  return STATUS[kind] ?? 500;
}
