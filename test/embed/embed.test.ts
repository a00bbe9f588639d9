// The embedder end to end on the generated tiny BERT (real tokenizer + ONNX encoder, random
// weights): vector shape and determinism, batching, progress, cancellation, the worker thread,
// offline model errors and model-folder import.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedCached } from '../../src-main/engine/embed/cache';
import { createEmbedder, type Embedder, type WorkerEmbedder } from '../../src-main/engine/embed/embedder';
import { importModelFolder, isModelAvailable, modelDir } from '../../src-main/engine/embed/models';
import { ensureTinyModel, TINY_MODEL_ID } from './tiny-model';

const TASKS = [
  'Direct or coordinate an organization’s financial or budget activities.',
  'Appoint department heads or managers and assign or delegate responsibilities to them.',
  'Analyze operations to evaluate performance of a company or its staff.',
  'Prepare budgets for approval, including those for funding or implementation of programs.',
  'Confer with board members, organization officials, or staff members to discuss issues.',
  'Repair and maintain hydraulic systems on heavy equipment.',
  'Teach students the fundamentals of algebra and geometry.',
  'Diagnose and treat diseases of the skin.',
  'Write computer programs to store, locate, and retrieve specific documents.',
  'Inspect aircraft engines for defects.',
];

let modelsRoot: string;
let cacheDir: string;
let embedder: WorkerEmbedder;

beforeAll(async () => {
  modelsRoot = ensureTinyModel();
  cacheDir = mkdtempSync(join(tmpdir(), 'embed-test-'));
  embedder = await createEmbedder({ model: TINY_MODEL_ID, cacheDir, localModelPath: modelsRoot, batchSize: 4 });
});

afterAll(async () => {
  await embedder?.close();
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
});

function norm(v: Float32Array): number {
  return Math.hypot(...v);
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  return Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));
}

describe('createEmbedder on the tiny model', () => {
  it('returns one 32-d unit vector per text', async () => {
    const vectors = await embedder.embed(TASKS);
    expect(embedder.dim).toBe(32);
    expect(embedder.modelId).toBe(TINY_MODEL_ID);
    expect(vectors).toHaveLength(TASKS.length);
    for (const v of vectors) {
      expect(v).toHaveLength(32);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
  });

  it('is deterministic per text and tells different texts apart', async () => {
    const [a, b, c] = await embedder.embed([TASKS[0]!, TASKS[0]!, TASKS[5]!]);
    expect(Array.from(a!)).toEqual(Array.from(b!));
    expect(maxAbsDiff(a!, c!)).toBeGreaterThan(1e-3);
    const distinct = new Set((await embedder.embed(TASKS)).map((v) => Array.from(v).join()));
    expect(distinct.size).toBe(TASKS.length);
  });

  it('gives the same vector in a padded batch as alone', async () => {
    const batch = await embedder.embed(TASKS);
    for (const [i, text] of TASKS.entries()) {
      const [single] = await embedder.embed([text]);
      expect(maxAbsDiff(single!, batch[i]!)).toBeLessThan(1e-5);
    }
  });

  it('reports progress once per batch', async () => {
    const seen: [number, number][] = [];
    await embedder.embed(TASKS, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([
      [4, 10],
      [8, 10],
      [10, 10],
    ]);
  });

  it('cancels between batches with an AbortError and stays usable', async () => {
    const controller = new AbortController();
    const run = embedder.embed(TASKS, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    await expect(embedder.embed(TASKS, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await embedder.embed([TASKS[1]!])).toHaveLength(1);
  });

  it('runs in a worker thread, leaving the main event loop free', async () => {
    expect(embedder.threadId).not.toBe(threadId);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const many = Array.from({ length: 400 }, (_, i) => `${TASKS[i % TASKS.length]} (variant ${i})`);
    await embedder.embed(many);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(5);
  });
});

describe('model availability', () => {
  it('fails clearly for a missing model when downloads are off', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'embed-empty-'));
    try {
      await expect(createEmbedder({ model: 'all-MiniLM-L6-v2', cacheDir: empty })).rejects.toThrow(
        /Xenova\/all-MiniLM-L6-v2" is not available offline.*import a model folder/s,
      );
      expect(isModelAvailable(empty, 'all-MiniLM-L6-v2')).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('rejects an incomplete model folder with what is missing', () => {
    const bad = mkdtempSync(join(tmpdir(), 'embed-bad-'));
    try {
      writeFileSync(join(bad, 'config.json'), '{}');
      mkdirSync(join(bad, 'onnx'));
      expect(() => importModelFolder(bad, cacheDir, 'acme/broken')).toThrow(
        /missing tokenizer\.json; missing tokenizer_config\.json; missing onnx\/\*\.onnx/,
      );
      expect(isModelAvailable(cacheDir, 'acme/broken')).toBe(false);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  it('imports a model folder into the cache and embeds from there', async () => {
    const dest = importModelFolder(join(modelsRoot, TINY_MODEL_ID), cacheDir, 'acme/tiny');
    expect(dest).toBe(modelDir(cacheDir, 'acme/tiny'));
    expect(isModelAvailable(cacheDir, 'acme/tiny')).toBe(true);
    const imported = await createEmbedder({ model: 'acme/tiny', cacheDir });
    try {
      const [fromImport] = await imported.embed([TASKS[2]!]);
      const [fromOriginal] = await embedder.embed([TASKS[2]!]);
      expect(imported.modelId).toBe('acme/tiny');
      expect(maxAbsDiff(fromImport!, fromOriginal!)).toBeLessThan(1e-6);
    } finally {
      await imported.close();
    }
  });
});

describe('embedCached with the worker embedder', () => {
  it('embeds nothing twice across runs', async () => {
    const db = new Database(':memory:');
    let sent = 0;
    const counting: Embedder = {
      modelId: embedder.modelId,
      dim: embedder.dim,
      embed: (texts) => ((sent += texts.length), embedder.embed(texts)),
      close: async () => {},
    };
    const first = await embedCached(db, counting, TASKS);
    const second = await embedCached(db, counting, [...TASKS].reverse());
    expect([first.embedded, second.embedded, second.cached, sent]).toEqual([10, 0, 10, 10]);
    expect(second.vectors[0]).toEqual(first.vectors[9]);
    db.close();
  });
});
