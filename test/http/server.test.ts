// The local HTTP transport: same contract as IPC, token required, loopback hosts only, and errors
// that carry file:line for bad imports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { createService } from '../../src-main/engine/service';
import { startHttpServer, type HttpServerHandle } from '../../src-main/http/server';
import { serveStatic } from '../../src-main/http/static';
import { EVENTS_PATH, type EngineEvent } from '../../src-shared/events';
import { takeLaunchToken } from '../../src-shared/launch';

let project: Project;
let server: HttpServerHandle;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-http-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  project = openProject(':memory:', { resourcesDir: resolve(__dirname, '../../resources') });
  importRelease(project.db, { dir: resolve(__dirname, '../fixtures/mini-release'), id: 'mini' });
  server = await startHttpServer({ handlers: createService(project), staticDir: dir });
});
afterAll(async () => {
  await server.close();
  closeProject(project);
});

interface SendOptions {
  method?: string;
  body?: unknown;
  token?: string;
  host?: string;
  origin?: string;
  /** Another server's URL (default: the shared one). */
  base?: string;
  /** Send the body without Content-Length (chunked), so the server has to count it. */
  chunked?: boolean;
}

function send(path: string, opts: SendOptions = {}) {
  const url = new URL(path, opts.base ?? server.url);
  return new Promise<{ status: number; body: string; headers: IncomingHttpHeaders }>((done, fail) => {
    const text = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = request(
      url,
      {
        method: opts.method ?? 'POST',
        headers: {
          'content-type': 'application/json',
          ...(opts.token === undefined ? {} : { 'x-task-atlas-token': opts.token }),
          ...(opts.host ? { host: opts.host } : {}),
          ...(opts.origin ? { origin: opts.origin } : {}),
          ...(text !== undefined && !opts.chunked ? { 'content-length': Buffer.byteLength(text) } : {}),
        },
      },
      (res) => {
        let received = '';
        res.on('data', (c) => (received += c));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: received, headers: res.headers }));
      },
    );
    req.on('error', fail);
    if (text !== undefined) {
      // Two writes: a chunked body arrives in pieces, as a streaming client's would.
      req.write(text.slice(0, 100));
      req.write(text.slice(100));
    }
    req.end();
  });
}

describe('HTTP transport', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers a contract call with the token', async () => {
    const r = await send('/api/analysis.reproduce', { body: { sourceId: 'mini' }, token: server.token });
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body);
    expect(body.ok).toBe(true);
    expect(body.result.depth.occupations).toBe(3);
  });

  it('refuses calls without the token or with a wrong one', async () => {
    expect((await send('/api/sources.list', { body: {} })).status).toBe(401);
    expect((await send('/api/sources.list', { body: {}, token: 'x'.repeat(server.token.length) })).status).toBe(401);
  });

  it('refuses foreign Host headers (DNS rebinding)', async () => {
    const r = await send('/api/sources.list', { body: {}, token: server.token, host: 'evil.example:80' });
    expect(r.status).toBe(403);
  });

  it('validates arguments with the shared schemas', async () => {
    const r = await send('/api/reference.importFile', { body: { kind: 'nope', path: '' }, token: server.token });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.kind).toBe('invalid-args');
    const unknown = await send('/api/no.such.call', { body: {}, token: server.token });
    expect(JSON.parse(unknown.body).error.kind).toBe('not-found');
  });

  it('returns import errors with file, line and column', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'SOCcode,JobName,JobZone,MedianSalary\n11-1011.00,CE,5,abc\n');
    const r = await send('/api/reference.importFile', { body: { kind: 'wages', path: bad }, token: server.token });
    expect(JSON.parse(r.body).error).toMatchObject({ kind: 'import', file: bad, line: 2, column: 'MedianSalary' });
  });

  it('refuses path traversal', async () => {
    // A file outside the static root, reached by ../ segments that fetch/new URL would have
    // normalised away before sending: these go out byte for byte.
    const outside = join(mkdtempSync(join(tmpdir(), 'atlas-secret-')), 'secret.txt');
    writeFileSync(outside, 'TOP-SECRET');
    const up = relative(dir, outside).split(sep).join('/');
    for (const path of [`/${up}`, `/${up.replaceAll('/', '%2f')}`, `/${up.replaceAll('..', '%2e%2e')}`, `/x/..%2f${up}`]) {
      const r = await rawGet(path);
      expect(r.body, path).not.toContain('TOP-SECRET');
    }
    // Over HTTP every pathname starts with "/", so normalising it can never climb out of the root and
    // the requests above fall back to index.html. The guard itself must still refuse a pathname that
    // does escape once decoded and normalised.
    const res = fakeResponse();
    serveStatic(res.response, dir, `..%2f${up}`);
    expect(res.status()).toBe(403);
    expect(res.body()).toBe('');
  });
});

/** GET with the path sent exactly as given (no URL normalisation), as a hostile client would. */
function rawGet(path: string, method = 'GET'): Promise<{ status: number; body: string; headers: IncomingHttpHeaders }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** The two ServerResponse methods serveStatic uses, recording what it sent. */
function fakeResponse() {
  let status = 0;
  let body = '';
  const response = {
    writeHead(code: number) {
      status = code;
      return response;
    },
    end(chunk?: string | Buffer) {
      body += chunk ?? '';
      return response;
    },
  };
  return { response: response as unknown as ServerResponse, status: () => status, body: () => body };
}

describe('HTTP transport: pushed events (Server-Sent Events)', () => {
  it('streams engine events to a client with the token, with heartbeats, and unsubscribes when it leaves', async () => {
    const listeners = new Set<(e: EngineEvent) => void>();
    const events = (l: (e: EngineEvent) => void) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    };
    const sse = await startHttpServer({ handlers: createService(project), staticDir: dir, events, heartbeatMs: 20 });
    try {
      const url = new URL(EVENTS_PATH, sse.url);
      const denied = await fetch(url);
      expect(denied.status).toBe(401);
      expect(listeners.size).toBe(0);
      // A server started without an event source says so without an error: the reader polls instead.
      const none = await fetch(new URL(EVENTS_PATH, server.url), { headers: { 'x-task-atlas-token': server.token } });
      expect(none.status).toBe(204);

      const controller = new AbortController();
      const res = await fetch(url, { headers: { 'x-task-atlas-token': sse.token }, signal: controller.signal });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(listeners.size).toBe(1);
      const job = { id: 'job-1', kind: 'export.run', label: 'Export', status: 'running' } as never;
      for (const l of listeners) l({ type: 'job', job });
      const reader = res.body!.getReader();
      let text = '';
      while (!text.includes('data: ') || !text.includes(': heartbeat')) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += new TextDecoder().decode(chunk.value);
      }
      const data = text.split('\n').find((line) => line.startsWith('data: '))!;
      expect(JSON.parse(data.slice('data: '.length))).toEqual({ type: 'job', job });
      expect(text).toContain(': heartbeat\n\n');
      controller.abort();
      await reader.cancel().catch(() => undefined);
      for (let i = 0; i < 50 && listeners.size > 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(listeners.size).toBe(0);
    } finally {
      await sse.close();
    }
  });

  it('cancels a call whose client went away (the handler sees its signal abort)', async () => {
    let aborted: () => void = () => undefined;
    const sawAbort = new Promise<void>((r) => (aborted = r));
    const handlers = {
      ...createService(project),
      'reference.preview': async (_args: unknown, ctx: { signal?: AbortSignal }) => {
        await new Promise((_, reject) => ctx.signal?.addEventListener('abort', () => (aborted(), reject(new Error('cancelled')))));
        throw new Error('not reached');
      },
    } as ReturnType<typeof createService>;
    const slow = await startHttpServer({ handlers, staticDir: dir });
    try {
      const controller = new AbortController();
      const call = fetch(new URL('/api/reference.preview', slow.url), {
        method: 'POST',
        headers: { 'x-task-atlas-token': slow.token, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'onet-tasks', path: '/x.csv' }),
        signal: controller.signal,
      }).catch((err: unknown) => err);
      await new Promise((r) => setTimeout(r, 50));
      controller.abort();
      expect(await call).toBeInstanceOf(Error); // the client's own abort
      // Resolves only when the handler's signal fired; the test times out otherwise.
      await expect(sawAbort).resolves.toBeUndefined();
    } finally {
      await slow.close();
    }
  });
});

describe('HTTP transport: token only in the launch URL, Origin, frames, limits (issue #13)', () => {
  it('serves index.html without the token; the launch URL carries it in the fragment', async () => {
    const page = await send('/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(server.token);
    expect(page.body).not.toContain('task-atlas-token');
    const launch = new URL(server.launchUrl);
    expect(`${launch.origin}/`).toBe(server.url);
    expect(takeLaunchToken(launch.hash)).toEqual({ token: server.token, rest: '' });
    expect(takeLaunchToken(new URL(server.pageUrl('/explore')).hash)).toEqual({ token: server.token, rest: '#/explore' });
    // The token taken from the fragment is what API calls need.
    const r = await send('/api/sources.list', { body: {}, token: takeLaunchToken(launch.hash)!.token });
    expect(r.status).toBe(200);
  });

  it("refuses API calls and the event stream from another origin, accepts the server's own", async () => {
    const { port } = new URL(server.url);
    for (const origin of ['http://evil.example', `http://127.0.0.1:${Number(port) + 1}`, 'null', `https://127.0.0.1:${port}`]) {
      const r = await send('/api/sources.list', { body: {}, token: server.token, origin });
      expect(r.status, origin).toBe(403);
      expect(JSON.parse(r.body).ok).toBe(false);
      const events = await send(EVENTS_PATH, { method: 'GET', token: server.token, origin });
      expect(events.status, origin).toBe(403);
    }
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      expect((await send('/api/sources.list', { body: {}, token: server.token, origin })).status, origin).toBe(200);
    }
    // A page (no token) still loads from anywhere: it holds nothing.
    expect((await send('/', { method: 'GET', origin: 'http://evil.example' })).status).toBe(200);
  });

  it('forbids framing on every response: the page, API answers, refusals', async () => {
    const responses = [
      await send('/', { method: 'GET' }),
      await send('/assets/missing.js', { method: 'GET' }),
      await send('/api/sources.list', { body: {}, token: server.token }),
      await send('/api/sources.list', { body: {} }),
      await rawGet('/%'),
    ];
    for (const r of responses) {
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
    // The page keeps its full policy, with frame-ancestors merged in.
    expect(responses[0]!.headers['content-security-policy']).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
  });

  it('answers 413 to a body over the limit, declared or streamed, and keeps serving', async () => {
    const small = await startHttpServer({ handlers: createService(project), staticDir: dir, maxBodyBytes: 1024 });
    try {
      const body = { sourceId: 'x'.repeat(4000) };
      const declared = await send('/api/analysis.reproduce', { body, token: small.token, base: small.url });
      expect(declared.status).toBe(413);
      expect(JSON.parse(declared.body).error.message).toMatch(/over 1 KB/);
      const streamed = await send('/api/analysis.reproduce', { body, token: small.token, base: small.url, chunked: true });
      expect(streamed.status).toBe(413);
      const fine = await send('/api/analysis.reproduce', { body: { sourceId: 'mini' }, token: small.token, base: small.url });
      expect(fine.status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('answers 400 to a URL that cannot be decoded', async () => {
    for (const [path, method] of [['/%', 'GET'], ['/api/%E0%A4%A', 'POST'], ['/x%ZZ/y', 'GET']] as const) {
      const r = await rawGet(path, method);
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.body).error.message).toBe('malformed URL');
    }
  });
});
