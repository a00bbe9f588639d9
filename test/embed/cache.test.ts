// The SQLite embedding cache with a stand-in embedder, so cache logic is tested without a model:
// exact DDL, hits across calls and models, duplicate texts, BLOB encoding, progress and partial
// progress surviving a cancelled run.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decodeVector,
  EMBEDDING_CACHE_DDL,
  embedCached,
  encodeVector,
  textHash,
} from '../../src-main/engine/embed/cache';
import type { Embedder, EmbedOptions } from '../../src-main/engine/embed/embedder';

/** Deterministic 4-d vectors derived from the text; counts what it was asked to embed. */
function fakeEmbedder(modelId = 'fake/model'): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    modelId,
    dim: 4,
    calls,
    async embed(texts: string[], opts: EmbedOptions = {}) {
      calls.push(texts);
      if (opts.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
      opts.onProgress?.(texts.length, texts.length);
      return texts.map((t) => Float32Array.from([t.length, t.charCodeAt(0) || 0, 0.5, -1.25]));
    },
    async close() {},
  };
}

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
});
afterEach(() => db.close());

describe('embedCached', () => {
  it('creates the table with the exact DDL the migrations will adopt', async () => {
    await embedCached(db, fakeEmbedder(), []);
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'embedding_cache'").pluck().get() as string;
    // SQLite records the statement without IF NOT EXISTS.
    expect(sql).toBe(EMBEDDING_CACHE_DDL.replace('IF NOT EXISTS ', ''));
    expect(EMBEDDING_CACHE_DDL).toBe(
      'CREATE TABLE IF NOT EXISTS embedding_cache (model TEXT, text_hash TEXT, dim INTEGER, vector BLOB, PRIMARY KEY (model, text_hash))',
    );
  });

  it('embeds each distinct text once, then serves reruns from the cache', async () => {
    const embedder = fakeEmbedder();
    const first = await embedCached(db, embedder, ['alpha', 'beta', 'alpha']);
    expect(first).toMatchObject({ embedded: 2, cached: 0 });
    expect(embedder.calls).toEqual([['alpha', 'beta']]);
    expect(first.vectors[2]).toEqual(first.vectors[0]);

    const second = await embedCached(db, embedder, ['beta', 'gamma', 'alpha']);
    expect(second).toMatchObject({ embedded: 1, cached: 2 });
    expect(embedder.calls[1]).toEqual(['gamma']);
    expect(second.vectors[0]).toEqual(first.vectors[1]);

    const third = await embedCached(db, embedder, ['alpha', 'beta', 'gamma']);
    expect(third).toMatchObject({ embedded: 0, cached: 3 });
    expect(embedder.calls).toHaveLength(2);
  });

  it('keys by model, so another model embeds again', async () => {
    await embedCached(db, fakeEmbedder('a/one'), ['alpha']);
    const other = fakeEmbedder('a/two');
    expect(await embedCached(db, other, ['alpha'])).toMatchObject({ embedded: 1, cached: 0 });
    const rows = db.prepare('SELECT model, text_hash, dim FROM embedding_cache ORDER BY model').all();
    expect(rows).toEqual([
      { model: 'a/one', text_hash: textHash('alpha'), dim: 4 },
      { model: 'a/two', text_hash: textHash('alpha'), dim: 4 },
    ]);
  });

  it('stores vectors as little-endian float32 BLOBs', async () => {
    await embedCached(db, fakeEmbedder(), ['hello']);
    const blob = db.prepare('SELECT vector FROM embedding_cache').pluck().get() as Buffer;
    expect(blob).toHaveLength(16);
    expect(blob.readFloatLE(12)).toBe(-1.25);
    const v = Float32Array.from([1.5, -2, 3.25e-8]);
    expect(decodeVector(encodeVector(v), 3)).toEqual(v);
    expect(() => decodeVector(encodeVector(v), 4)).toThrow(/expected 16/);
  });

  it('reports progress over all texts, counting cache hits as done', async () => {
    const embedder = fakeEmbedder();
    await embedCached(db, embedder, ['a1', 'b1']);
    const seen: [number, number][] = [];
    await embedCached(db, embedder, ['a1', 'b1', 'c1'], { onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([
      [2, 3],
      [3, 3],
    ]);
  });

  it('passes cancellation through and keeps nothing half-written', async () => {
    const embedder = fakeEmbedder();
    await expect(embedCached(db, embedder, ['x1'], { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(db.prepare('SELECT count(*) FROM embedding_cache').pluck().get()).toBe(0);
  });

  it('handles thousands of texts (chunked lookups and inserts)', async () => {
    const texts = Array.from({ length: 2500 }, (_, i) => `task ${i}`);
    expect(await embedCached(db, fakeEmbedder(), texts)).toMatchObject({ embedded: 2500 });
    const again = await embedCached(db, fakeEmbedder(), texts);
    expect(again).toMatchObject({ embedded: 0, cached: 2500 });
    expect(again.vectors[1234]![0]).toBe('task 1234'.length);
  });
});
