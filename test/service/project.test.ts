// Project, settings and app calls through dispatch(): creating and opening project files (with
// "~" and a default extension), the recent list, the wizard's step summary, and settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppHost } from '../../src-main/engine/host';
import { createAppService, createService, type ApiHandlers } from '../../src-main/engine/service';
import { openProject, closeProject } from '../../src-main/engine/project';
import { DEFAULT_MODELS } from '../../src-shared/settings';
import { ROOT } from '../jobs/support';
import { call, callError } from './helpers';

let dir: string;
let host: AppHost;
let api: ApiHandlers;
const home = process.env.HOME;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-project-'));
  process.env.HOME = join(dir, 'home'); // "~" expands here
  host = new AppHost({ configDir: join(dir, 'config'), resourcesDir: join(ROOT, 'resources'), env: {} });
  api = createAppService(host);
});
afterAll(async () => {
  process.env.HOME = home;
  await host.close();
});

describe('project calls', () => {
  it('reports that no project is open yet', async () => {
    expect(await callError(api, 'project.current', {})).toMatchObject({ kind: 'not-found' });
  });

  it('creates a project, adding .sqlite and expanding "~", and refuses to create it twice', async () => {
    const created = await call(api, 'project.create', { path: '~/studies/pilot' });
    expect(created).toMatchObject({ path: join(dir, 'home', 'studies', 'pilot.sqlite'), name: 'pilot' });
    expect(existsSync(created.path)).toBe(true);
    expect(await call(api, 'project.current', {})).toMatchObject({ path: created.path, name: 'pilot' });
    expect(await callError(api, 'project.create', { path: created.path })).toMatchObject({ kind: 'conflict' });
    expect(await callError(api, 'project.create', { path: '~/studies/pilot' })).toMatchObject({ kind: 'conflict' });
  });

  it('opens only existing files, switches projects and keeps the recent list newest first', async () => {
    expect(await callError(api, 'project.open', { path: join(dir, 'nope.sqlite') })).toMatchObject({ kind: 'not-found' });
    const second = await call(api, 'project.create', { path: join(dir, 'second.sqlite') });
    const first = await call(api, 'project.open', { path: join(dir, 'home', 'studies', 'pilot.sqlite') });
    expect((await call(api, 'project.current', {})).path).toBe(first.path);
    const recent = await call(api, 'project.recent', {});
    expect(recent.map((r) => r.path)).toEqual([first.path, second.path]);
    expect(recent.every((r) => r.exists)).toBe(true);
    // A second host over the same config folder (the next app start) sees the same list.
    const again = new AppHost({ configDir: join(dir, 'config'), resourcesDir: join(ROOT, 'resources'), env: {} });
    expect(again.recent.list().map((r) => r.path)).toEqual([first.path, second.path]);
  });

  it('summarises every wizard step of a new project as to-do', async () => {
    const steps = await call(api, 'project.steps', {});
    expect(Object.keys(steps)).toEqual(['reference', 'hierarchy', 'conversations', 'classify', 'validate', 'explore', 'export']);
    expect(Object.values(steps).every((s) => s.state === 'todo')).toBe(true);
    expect(steps.reference).toMatchObject({ datasets: 0, summary: 'no reference data yet' });
  });

  it('refuses to open a file that is not a project', async () => {
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database');
    const e = await callError(api, 'project.open', { path: junk });
    expect(e).toMatchObject({ kind: 'import', file: junk });
    expect(e.message).toContain('cannot open as a Task Atlas project');
    expect((await call(api, 'project.current', {})).name).toBe('pilot'); // still the previous project
  });
});

describe('settings calls', () => {
  it('returns the settings, where they live, and the key status', async () => {
    const view = await call(api, 'settings.get', {});
    expect(view.file).toBe(join(dir, 'config', 'settings.json'));
    expect(view.settings.modelCacheDir).toBe(join(dir, 'config', 'models'));
    expect(view.apiKey).toEqual({ present: false, source: null, keychainAvailable: false, hint: null });
  });

  it('merges models key by key and validates the result', async () => {
    const view = await call(api, 'settings.update', { models: { screening: 'claude-x' }, theme: 'dark' });
    expect(view.settings.models).toEqual({ ...DEFAULT_MODELS, screening: 'claude-x' });
    expect(view.settings.theme).toBe('dark');
    expect(await callError(api, 'settings.update', { baseURL: 'ftp//nope' })).toMatchObject({ kind: 'invalid-args' });
    expect((await call(api, 'settings.get', {})).settings.baseURL).toBe('');
  });

  it('stores the API key for the session and answers with its last four characters only', async () => {
    const status = await call(api, 'settings.setApiKey', { key: '  sk-ant-session-key-WXYZ ' });
    expect(status).toEqual({ present: true, source: 'session', keychainAvailable: false, hint: 'WXYZ' });
    expect(JSON.stringify(await call(api, 'settings.get', {}))).not.toContain('sk-ant-session');
    expect(await call(api, 'settings.setApiKey', { key: null })).toMatchObject({ present: false, hint: null });
  });
});

describe('createService(project)', () => {
  it('still serves one open project with in-memory settings, and leaves closing it to the caller', async () => {
    const project = openProject(':memory:', { resourcesDir: join(ROOT, 'resources') });
    const handlers = createService(project);
    expect(await call(handlers, 'project.current', {})).toEqual({ path: ':memory:', name: ':memory:', sizeBytes: 0 });
    expect((await call(handlers, 'settings.get', {})).file).toBe('(in memory)');
    expect(await call(handlers, 'project.recent', {})).toEqual([]);
    expect(await call(handlers, 'jobs.list', {})).toEqual([]);
    expect(project.db.open).toBe(true);
    closeProject(project);
  });
});
