// The Claude API key goes to Claude and nowhere else. It is set through the contract (over HTTP, as
// the browser build does), used by a classification job against the fake server (which records the
// credential it received), then every file the app wrote is searched byte by byte: the project
// file and its WAL, settings.json, recent.json, the logs and every exported file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import type { AppHost } from '../../src-main/engine/host';
import { createAppService, type ApiHandlers } from '../../src-main/engine/service';
import { startHttpServer, type HttpServerHandle } from '../../src-main/http/server';
import { HIERARCHY_ID, seedClassifyFixture, testHost } from '../jobs/support';
import { call, callError } from '../service/helpers';

const KEY = `sk-ant-api03-ZQXKEY${randomBytes(12).toString('hex')}ENDKEY`;

let dir: string;
let fake: FakeAnthropic;
let host: AppHost;
let api: ApiHandlers;
let server: HttpServerHandle;
let projectPath: string;
const outDir = () => join(dir, 'export');

function post(path: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, server.url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-task-atlas-token': server.token } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((f) => join(root, f))
    .filter((f) => statSync(f).isFile());
}

/** Files among `files` whose bytes contain the key. */
function leaks(files: string[]): string[] {
  const needle = Buffer.from(KEY, 'utf8');
  return files.filter((f) => readFileSync(f).includes(needle));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-key-'));
  fake = await startFakeAnthropic({ latencyMs: 2 });
  host = testHost(join(dir, 'config'), fake);
  api = createAppService(host);
  projectPath = (await call(api, 'project.create', { path: join(dir, 'secret-study') })).path;
  await seedClassifyFixture(host);
  server = await startHttpServer({ handlers: api, staticDir: dir, logger: host.logger });
}, 120_000);
afterAll(async () => {
  await server.close();
  await fake.close();
});

describe('the API key', () => {
  it('is set over HTTP and answered with its last four characters only', async () => {
    const r = await post('/api/settings.setApiKey', JSON.stringify({ key: KEY }));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, result: { present: true, source: 'session', keychainAvailable: false, hint: 'DKEY' } });
    expect(r.body).not.toContain(KEY);
    // Malformed and invalid requests carrying the key are refused without echoing it.
    const broken = await post('/api/settings.setApiKey', `{"key": "${KEY}"`);
    expect(broken.status).toBe(400);
    expect(broken.body).not.toContain(KEY);
    const invalid = await post('/api/settings.setApiKey', JSON.stringify({ key: KEY, keep: KEY }));
    expect(invalid.status).toBe(400);
    expect(invalid.body).not.toContain(KEY);
  });

  // @anthropic-ai/sdk 1.14 sends an apiKey as "Authorization: Bearer <key>" (client.js apiKeyAuth), not x-api-key.
  it('is sent to Claude in the Authorization header by a classification job', async () => {
    const job = await call(api, 'jobs.start', { kind: 'classify.run', args: { name: 'sec', datasets: ['wildchat'], hierarchyId: HIERARCHY_ID, limit: 20, minConversations: 1, minAccounts: 1 } });
    const done = await host.jobs.wait(job.id);
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    expect(fake.credentials()).toEqual({ apiKeys: [], bearerTokens: [KEY] });
  });

  it('appears in no result: settings, key status, jobs', async () => {
    const exported = await call(api, 'jobs.start', { kind: 'export.run', args: { run: 'sec', outDir: outDir(), html: true, review: true } });
    const done = await host.jobs.wait(exported.id);
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    expect((done.result as { files: string[] }).files).toEqual(expect.arrayContaining([join(outDir(), 'report.html'), join(outDir(), 'run_sec.taskatlas-review.json')]));
    for (const name of ['settings.get', 'jobs.list', 'project.steps', 'classify.runs', 'project.recent'] as const) {
      expect(JSON.stringify(await call(api, name, {}))).not.toContain(KEY);
    }
    // A failing call is logged (message only); the log must still not see the key.
    expect(await callError(api, 'hierarchy.import', { path: join(dir, 'absent.json') })).toMatchObject({
      kind: 'import',
      file: join(dir, 'absent.json'),
      message: expect.stringContaining('file does not exist'),
    });
    writeFileSync(join(dir, 'bad.json'), `{"key": "${KEY}"`);
    const e = await callError(api, 'hierarchy.import', { path: join(dir, 'bad.json') });
    expect(e.message).not.toContain(KEY);
  });

  it('is in no file the app wrote: project (+WAL), settings, recent list, logs, exports', async () => {
    const configFiles = filesUnder(join(dir, 'config'));
    const logs = filesUnder(join(dir, 'config', 'logs'));
    const exports = filesUnder(outDir());
    expect(configFiles).toEqual(expect.arrayContaining([join(dir, 'config', 'settings.json'), join(dir, 'config', 'recent.json')]));
    expect(logs.length).toBeGreaterThan(0);
    expect(readFileSync(logs[0]!, 'utf8')).toContain('job.finished');
    expect(exports.length).toBeGreaterThan(5);
    const project = [projectPath, `${projectPath}-wal`, `${projectPath}-shm`].filter(existsSync);
    expect(project.length).toBeGreaterThanOrEqual(2); // the WAL is live while the project is open
    expect(leaks([...project, ...configFiles, ...exports])).toEqual([]);
    await host.close();
    expect(leaks([projectPath, ...filesUnder(join(dir, 'config'))].filter(existsSync))).toEqual([]);
    // The search itself works: the key is findable where it is deliberately put.
    writeFileSync(join(dir, 'control.txt'), `x${KEY}x`);
    expect(leaks([join(dir, 'control.txt')])).toHaveLength(1);
  });
});
