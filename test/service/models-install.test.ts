// Offline embedding models from the app: Settings' "Install a model from a folder" checks the folder
// and names every missing file, installs it into the model cache and makes it the embedding model;
// the "local model folder" setting accepts the model folder itself; and a build or offline classify
// whose model cannot be loaded is refused before any job exists, naming the model and where it looked.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/engine/dispatch';
import { importConversations } from '../../src-main/engine/ingest/conversations';
import { createEmbedder } from '../../src-main/engine/embed/embedder';
import { findModelFolder, modelDir } from '../../src-main/engine/embed/models';
import { AppHost } from '../../src-main/engine/host';
import { requireEmbeddingModel } from '../../src-main/engine/jobs/models';
import { createAppService, type ApiHandlers } from '../../src-main/engine/service';
import { ensureTinyModel, TINY_MODEL_ID } from '../embed/tiny-model';

let dir: string;
let tiny: string;
let host: AppHost;
let handlers: ApiHandlers;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-models-'));
  tiny = join(ensureTinyModel(), TINY_MODEL_ID);
  host = new AppHost({ configDir: join(dir, 'config'), resourcesDir: join(process.cwd(), 'resources'), env: {} });
  host.createProject(join(dir, 'p'));
  // No downloads: only what is on disk counts. A custom endpoint stands in for a key.
  host.settings.update({ allowModelDownload: false, modelCacheDir: join(dir, 'cache'), baseURL: 'http://127.0.0.1:9' });
  handlers = createAppService(host);
}, 120_000);
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (name: string, args: unknown) => dispatch(handlers, name, args, { transport: 'http' });

describe('settings.installModel', () => {
  it('refuses an incomplete folder, naming each missing file, and installs nothing', async () => {
    const bad = join(dir, 'half-model');
    mkdirSync(join(bad, 'onnx'), { recursive: true });
    writeFileSync(join(bad, 'config.json'), '{}');
    const res = await call('settings.installModel', { path: bad, model: 'acme/half' });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.kind).toBe('invalid-input');
    expect(res.error.message).toContain('missing tokenizer.json; missing tokenizer_config.json; missing onnx/*.onnx');
    expect(res.error.message).not.toContain('missing config.json');
    expect(findModelFolder([join(dir, 'cache')], 'acme/half')).toBeUndefined();
  });

  it('installs a complete folder into the model cache and makes it the embedding model', async () => {
    const res = await call('settings.installModel', { path: tiny, model: 'acme/tiny' });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    const result = res.result as { model: string; folder: string; view: { settings: { embeddingModel: string } } };
    expect(result.model).toBe('acme/tiny');
    expect(result.folder).toBe(modelDir(join(dir, 'cache'), 'acme/tiny'));
    expect(result.view.settings.embeddingModel).toBe('acme/tiny');
    expect(host.settings.get().embeddingModel).toBe('acme/tiny');
    expect(findModelFolder([join(dir, 'cache')], 'acme/tiny')).toBe(result.folder);
  });
});

describe('the local model folder setting', () => {
  it('accepts the model folder itself as well as a folder holding <owner>/<name>', async () => {
    const itself = join(dir, 'my-model');
    cpSync(tiny, itself, { recursive: true });
    expect(findModelFolder([itself], 'sentence-transformers/whatever')).toBe(itself);
    expect(findModelFolder([ensureTinyModel()], TINY_MODEL_ID)).toBe(tiny);
    // And it really loads from there, keeping the configured id for the vectors.
    const embedder = await createEmbedder({ model: 'acme/mine', cacheDir: join(dir, 'empty-cache'), localModelPath: itself });
    try {
      expect(embedder.modelId).toBe('acme/mine');
      const [v] = await embedder.embed(['Prepare budgets for approval.']);
      expect(v).toHaveLength(32);
    } finally {
      await embedder.close();
    }
  }, 60_000);
});

describe('a job whose embedding model cannot be loaded', () => {
  it('is refused before it starts: which model, where it looked, and Settings', async () => {
    host.settings.update({ embeddingModel: 'all-MiniLM-L6-v2', embeddingModelDir: join(dir, 'nowhere') });
    const before = host.jobs.list().length;
    const res = await call('jobs.start', { kind: 'hierarchy.build', args: { sampleSize: 60 } });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.kind).toBe('unavailable');
    expect(res.error.message).toContain('Embedding model "all-MiniLM-L6-v2"');
    expect(res.error.message).toContain(join(dir, 'nowhere', 'Xenova', 'all-MiniLM-L6-v2'));
    expect(res.error.message).toContain(join(dir, 'cache', 'Xenova', 'all-MiniLM-L6-v2'));
    expect(res.error.message).toMatch(/Settings, "Install a model from a folder"/);
    expect(host.jobs.list()).toHaveLength(before);
  });

  it('passes the check once the setting points at the model folder itself', () => {
    host.settings.update({ embeddingModelDir: join(dir, 'nowhere') });
    expect(() => requireEmbeddingModel(host.settings.get())).toThrow(/not available offline/);
    host.settings.update({ embeddingModelDir: join(dir, 'my-model') });
    expect(() => requireEmbeddingModel(host.settings.get())).not.toThrow();
  });
});

describe('a classification of inputs the project does not have', () => {
  it('is refused before any job exists, naming the dataset or the hierarchy', async () => {
    host.settings.update({ embeddingModelDir: join(dir, 'my-model') });
    const before = host.jobs.list().length;
    const args = { name: 'r', datasets: ['nope'], hierarchyId: 'h', method: 'offline-embedding' };
    const noData = await call('jobs.start', { kind: 'classify.run', args });
    expect(noData).toMatchObject({ ok: false, error: { kind: 'not-found', message: expect.stringContaining('dataset "nope"') } });
    const file = join(dir, 'mine.jsonl');
    writeFileSync(file, `${JSON.stringify({ messages: [{ role: 'user', content: 'Draft a budget memo.' }, { role: 'assistant', content: 'Here it is.' }] })}\n`);
    await importConversations(host.project.db, file, { dataset: 'mine' });
    const noHierarchy = await call('jobs.start', { kind: 'classify.run', args: { ...args, datasets: ['mine'] } });
    expect(noHierarchy).toMatchObject({ ok: false, error: { kind: 'not-found', message: expect.stringContaining('no hierarchy "h"') } });
    expect(host.jobs.list()).toHaveLength(before);
  });
});
