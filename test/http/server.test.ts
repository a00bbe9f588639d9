// The local HTTP transport: same contract as IPC, token required, loopback hosts only, and errors
// that carry file:line for bad imports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { createService } from '../../src-main/engine/service';
import { startHttpServer, type HttpServerHandle } from '../../src-main/http/server';
import { serveStatic } from '../../src-main/http/static';
import { EVENTS_PATH, type EngineEvent } from '../../src-shared/events';

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

function send(path: string, opts: { method?: string; body?: unknown; token?: string; host?: string } = {}) {
  const url = new URL(path, server.url);
  return new Promise<{ status: number; body: string }>((done, fail) => {
    const req = request(
      url,
      {
        method: opts.method ?? 'POST',
        headers: {
          'content-type': 'application/json',
          ...(opts.token === undefined ? {} : { 'x-task-atlas-token': opts.token }),
          ...(opts.host ? { host: opts.host } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', fail);
    if (opts.body !== undefined) req.write(JSON.stringify(opts.body));
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

  it('injects the per-launch token into index.html and refuses path traversal', async () => {
    const page = await send('/', { method: 'GET' });
    expect(page.body).toContain(`<meta name="task-atlas-token" content="${server.token}" />`);
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
    serveStatic(res.response, dir, `..%2f${up}`, server.token);
    expect(res.status()).toBe(403);
    expect(res.body()).toBe('');
  });
});

/** GET with the path sent exactly as given (no URL normalisation), as a hostile client would. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
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
