// The local HTTP transport: same contract as IPC, token required, loopback hosts only, and errors
// that carry file:line for bad imports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { createService } from '../../src-main/engine/service';
import { startHttpServer, type HttpServerHandle } from '../../src-main/http/server';

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
    const escape = await send('/..%2f..%2fetc%2fpasswd', { method: 'GET' });
    expect(escape.body).not.toContain('root:');
  });
});
