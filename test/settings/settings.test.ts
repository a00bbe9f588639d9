// Settings, recent projects, the secret store and the log: files in the config folder written
// atomically and validated, the key only ever in the secret store, and redaction in the log.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSettings, DEFAULT_MODELS } from '../../src-shared/settings';
import { SettingsStore } from '../../src-main/engine/settings/store';
import { MAX_RECENT, RecentProjects } from '../../src-main/engine/settings/recent';
import { apiKeyStatus, MemorySecretStore, SecretsWithEnvFallback } from '../../src-main/engine/settings/secrets';
import { createLogger, logFile } from '../../src-main/engine/log';

const tmp = () => mkdtempSync(join(tmpdir(), 'atlas-settings-'));

describe('settings store', () => {
  it('starts from the defaults, with the model cache under the config folder', () => {
    const dir = tmp();
    const store = SettingsStore.forConfigDir(dir);
    expect(store.get()).toEqual(defaultSettings(join(dir, 'models')));
    expect(existsSync(join(dir, 'settings.json'))).toBe(false);
  });

  it('merges models key by key, saves atomically and reads the file back', () => {
    const dir = tmp();
    const store = SettingsStore.forConfigDir(dir);
    const next = store.update({ models: { task: 'claude-opus-4-1' }, concurrency: 3 });
    expect(next.models).toEqual({ ...DEFAULT_MODELS, task: 'claude-opus-4-1' });
    expect(readdirSync(dir)).toEqual(['settings.json']); // no temp file left behind
    expect(SettingsStore.forConfigDir(dir).get()).toEqual(next);
  });

  it('rejects an invalid update and keeps the previous settings', () => {
    const store = SettingsStore.forConfigDir(tmp());
    expect(() => store.update({ concurrency: 0 })).toThrow();
    expect(store.get().concurrency).toBe(16);
  });

  it('repairs a hand-edited file: keeps valid values, resets invalid ones, drops unknown keys, with warnings', () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ concurrency: 'many', theme: 'dark', colour: 'red', models: { task: 'claude-x', bogus: 1 }, baseURL: 'not a url' }),
    );
    const logger = createLogger(null);
    const s = SettingsStore.forConfigDir(dir, logger).get();
    expect(s).toMatchObject({ concurrency: 16, theme: 'dark', baseURL: '', models: { ...DEFAULT_MODELS, task: 'claude-x' } });
    expect(s).not.toHaveProperty('colour');
    const warned = logger.recent().map((l) => JSON.parse(l).key);
    expect(warned).toEqual(expect.arrayContaining(['concurrency', 'baseURL']));
  });

  it('falls back to the defaults when the file is not JSON', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'settings.json'), '{ not json');
    expect(SettingsStore.forConfigDir(dir).get()).toEqual(defaultSettings(join(dir, 'models')));
  });
});

describe('recent projects', () => {
  it('keeps the 10 most recent, newest first, without repeats, and says which still exist', () => {
    const dir = tmp();
    const recent = RecentProjects.forConfigDir(dir);
    const existing = join(dir, 'real.sqlite');
    writeFileSync(existing, '');
    for (let i = 0; i < 12; i++) recent.add(join(dir, `p${i}.sqlite`), new Date(Date.UTC(2025, 0, 1, 0, i)));
    recent.add(existing);
    recent.add(join(dir, 'p11.sqlite'));
    const list = RecentProjects.forConfigDir(dir).list();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list.slice(0, 3).map((r) => r.path)).toEqual([join(dir, 'p11.sqlite'), existing, join(dir, 'p10.sqlite')]);
    expect(list.map((r) => r.exists)).toEqual([false, true, ...Array(8).fill(false)]);
    recent.add(':memory:');
    expect(recent.list()[0]!.path).toBe(join(dir, 'p11.sqlite'));
  });

  it('ignores a corrupt recent.json', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'recent.json'), '[{"nope": 1}]');
    expect(RecentProjects.forConfigDir(dir).list()).toEqual([]);
  });
});

describe('secret store', () => {
  it('prefers the stored key to ANTHROPIC_API_KEY, which is read-only and used last', () => {
    const registered: string[] = [];
    const secrets = new SecretsWithEnvFallback(new MemorySecretStore(), (s) => registered.push(s), { ANTHROPIC_API_KEY: 'sk-env-key-1234' });
    expect(apiKeyStatus(secrets)).toEqual({ present: true, source: 'env', keychainAvailable: false, hint: '1234' });
    secrets.set('sk-session-key-abcd');
    expect(secrets.get()).toBe('sk-session-key-abcd');
    expect(apiKeyStatus(secrets)).toEqual({ present: true, source: 'session', keychainAvailable: false, hint: 'abcd' });
    secrets.set(null);
    expect(secrets.get()).toBe('sk-env-key-1234');
    expect(registered).toEqual(['sk-env-key-1234', 'sk-session-key-abcd']);
  });

  it('reports no key at all as absent, without a hint', () => {
    const secrets = new SecretsWithEnvFallback(new MemorySecretStore(), () => {}, {});
    expect(apiKeyStatus(secrets)).toEqual({ present: false, source: null, keychainAvailable: false, hint: null });
  });
});

describe('log', () => {
  it('writes JSON lines to <config>/logs/task-atlas.log and redacts registered secrets', () => {
    const dir = tmp();
    const logger = createLogger(logFile(dir));
    logger.registerSecret('sk-ant-very-secret-value');
    logger.info('job.started', { id: 'j1' });
    logger.error('api.error', { message: 'upstream said sk-ant-very-secret-value is wrong', err: new Error('boom') });
    const lines = readFileSync(join(dir, 'logs', 'task-atlas.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.level, l.event])).toEqual([
      ['info', 'job.started'],
      ['error', 'api.error'],
    ]);
    expect(lines[1].message).toBe('upstream said [redacted] is wrong');
    expect(lines[1].err).toEqual({ name: 'Error', message: 'boom' });
    expect(readFileSync(join(dir, 'logs', 'task-atlas.log'), 'utf8')).not.toContain('very-secret');
  });
});
