// Persistent embedding cache: embedding ~20K statements with all-mpnet-base-v2 takes many minutes
// on a laptop CPU, so a rerun (new seed, new k, a few edited tasks) must only embed what is new.
// Keyed by (model id, sha256 of the exact text); vectors stored as little-endian float32 BLOBs.
import { sha256 } from '../base/hash';
import type BetterSqlite3 from 'better-sqlite3';
import type { EmbedOptions, Embedder } from './embedder';

// The project's migrations adopt this exact DDL later: keep it byte-for-byte.
export const EMBEDDING_CACHE_DDL =
  'CREATE TABLE IF NOT EXISTS embedding_cache (model TEXT, text_hash TEXT, dim INTEGER, vector BLOB, PRIMARY KEY (model, text_hash))';

type Database = BetterSqlite3.Database;

// Texts handed to the embedder per call: each chunk is committed as soon as it is done, so a
// cancelled or crashed run keeps what it already paid for.
const CHUNK = 512;
// Well under SQLite's bound-parameter limit for the IN (...) lookups.
const LOOKUP_CHUNK = 500;

export interface CachedEmbedResult {
  /** One vector per input text, in input order (duplicates share a vector). */
  vectors: Float32Array[];
  /** Distinct texts found in the cache. */
  cached: number;
  /** Distinct texts that had to be embedded now. */
  embedded: number;
}

export function textHash(text: string): string {
  return sha256(text);
}

export function encodeVector(v: Float32Array): Buffer {
  const out = Buffer.alloc(v.length * 4);
  for (let i = 0; i < v.length; i++) out.writeFloatLE(v[i]!, i * 4);
  return out;
}

export function decodeVector(blob: Buffer, dim: number): Float32Array {
  if (blob.length !== dim * 4) throw new Error(`embedding_cache vector has ${blob.length} bytes, expected ${dim * 4}`);
  const out = new Float32Array(dim);
  for (let i = 0; i < dim; i++) out[i] = blob.readFloatLE(i * 4);
  return out;
}

export function ensureEmbeddingCache(db: Database): void {
  db.exec(EMBEDDING_CACHE_DDL);
}

/**
 * Vectors for `texts`, embedding only texts this model has not embedded before and storing them.
 * Progress counts distinct texts, cache hits first; cancellation keeps the chunks already stored.
 */
export async function embedCached(
  db: Database,
  embedder: Embedder,
  texts: string[],
  opts: EmbedOptions = {},
): Promise<CachedEmbedResult> {
  ensureEmbeddingCache(db);
  const hashes = texts.map(textHash);
  const found = lookup(db, embedder.modelId, [...new Set(hashes)]);
  const missing = distinctMissing(texts, hashes, found);
  const total = found.size + missing.length;
  const alreadyCached = found.size;
  opts.onProgress?.(alreadyCached, total);
  for (let start = 0; start < missing.length; start += CHUNK) {
    const chunk = missing.slice(start, start + CHUNK);
    const vectors = await embedder.embed(
      chunk.map((m) => m.text),
      {
        signal: opts.signal,
        onProgress: (done) => opts.onProgress?.(alreadyCached + start + done, total),
      },
    );
    store(db, embedder, chunk, vectors);
    chunk.forEach((m, i) => found.set(m.hash, vectors[i]!));
  }
  return { vectors: hashes.map((h) => found.get(h)!), cached: total - missing.length, embedded: missing.length };
}

function lookup(db: Database, model: string, hashes: string[]): Map<string, Float32Array> {
  const found = new Map<string, Float32Array>();
  for (let start = 0; start < hashes.length; start += LOOKUP_CHUNK) {
    const chunk = hashes.slice(start, start + LOOKUP_CHUNK);
    const rows = db
      .prepare(
        `SELECT text_hash, dim, vector FROM embedding_cache WHERE model = ? AND text_hash IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(model, ...chunk) as { text_hash: string; dim: number; vector: Buffer }[];
    for (const row of rows) found.set(row.text_hash, decodeVector(row.vector, row.dim));
  }
  return found;
}

function distinctMissing(texts: string[], hashes: string[], found: Map<string, Float32Array>) {
  const seen = new Set<string>();
  const missing: { text: string; hash: string }[] = [];
  texts.forEach((text, i) => {
    const hash = hashes[i]!;
    if (found.has(hash) || seen.has(hash)) return;
    seen.add(hash);
    missing.push({ text, hash });
  });
  return missing;
}

function store(db: Database, embedder: Embedder, items: { hash: string }[], vectors: Float32Array[]): void {
  const insert = db.prepare(
    'INSERT OR REPLACE INTO embedding_cache (model, text_hash, dim, vector) VALUES (?, ?, ?, ?)',
  );
  db.transaction(() => {
    items.forEach((item, i) => insert.run(embedder.modelId, item.hash, embedder.dim, encodeVector(vectors[i]!)));
  })();
}
