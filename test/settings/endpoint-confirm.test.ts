// Issue #13: the API key goes to the Claude endpoint with every request, so settings.update refuses
// an endpoint that is neither https nor loopback unless the user confirmed it, and leaves the
// settings file as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppHost } from '../../src-main/engine/host';
import { createAppService, type ApiHandlers } from '../../src-main/engine/service';
import { insecureEndpointReason } from '../../src-shared/endpoint';
import { ROOT } from '../jobs/support';
import { call, callError } from '../service/helpers';

let dir: string;
let host: AppHost;
let api: ApiHandlers;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-endpoint-'));
  host = new AppHost({ configDir: join(dir, 'config'), resourcesDir: join(ROOT, 'resources'), env: {} });
  api = createAppService(host);
});
afterAll(async () => {
  await host.close();
});

describe('which endpoints need a confirmation', () => {
  it('https and loopback do not; plain http elsewhere and other schemes do', () => {
    for (const ok of ['', 'https://gateway.example.com/v1', 'http://127.0.0.1:8080', 'http://127.3.2.1', 'http://localhost:9', 'http://[::1]:5000']) {
      expect(insecureEndpointReason(ok), ok).toBeNull();
    }
    for (const risky of ['http://gateway.example.com', 'http://10.0.0.5:8080', 'http://127.0.0.1.evil.example', 'ftp://files.example']) {
      expect(insecureEndpointReason(risky), risky).toMatch(/API key/);
    }
  });
});

describe('settings.update and the Claude endpoint', () => {
  it('refuses a plain-http remote endpoint without confirmation, and changes nothing', async () => {
    await call(api, 'settings.update', { theme: 'dark' }); // the settings file exists from here on
    const before = readFileSync(host.settings.file!, 'utf8');
    const error = await callError(api, 'settings.update', { baseURL: 'http://gateway.example.com', concurrency: 3 });
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toMatch(/gateway\.example\.com.*not https.*API key/);
    expect((await call(api, 'settings.get', {})).settings).toMatchObject({ baseURL: '', concurrency: 16 });
    expect(readFileSync(host.settings.file!, 'utf8')).toBe(before);
  });

  it('accepts https and loopback endpoints without asking', async () => {
    expect((await call(api, 'settings.update', { baseURL: 'https://gateway.example.com' })).settings.baseURL).toBe('https://gateway.example.com');
    expect((await call(api, 'settings.update', { baseURL: 'http://127.0.0.1:4000' })).settings.baseURL).toBe('http://127.0.0.1:4000');
  });

  it('accepts the endpoint once confirmed, and does not ask again when other settings are saved', async () => {
    const view = await call(api, 'settings.update', { baseURL: 'http://gateway.example.com', confirmInsecureEndpoint: true });
    expect(view.settings.baseURL).toBe('http://gateway.example.com');
    expect(readFileSync(host.settings.file!, 'utf8')).not.toContain('confirmInsecureEndpoint');
    // The form saves the whole draft: the unchanged endpoint goes along without a new confirmation.
    const again = await call(api, 'settings.update', { baseURL: 'http://gateway.example.com', concurrency: 4 });
    expect(again.settings).toMatchObject({ baseURL: 'http://gateway.example.com', concurrency: 4 });
    // Another risky endpoint is a new change: asked again.
    expect((await callError(api, 'settings.update', { baseURL: 'http://other.example.com' })).kind).toBe('invalid-input');
  });

  it('refuses a confirmation flag that is not true', async () => {
    const error = await callError(api, 'settings.update', { baseURL: 'http://x.example', confirmInsecureEndpoint: 'yes' });
    expect(error.kind).toBe('invalid-args');
  });
});
