// Sentence embeddings of task statements (paper, Appendix B.1: all-mpnet-base-v2 over task names),
// computed by transformers.js in a worker thread. The main thread only slices batches, so it can
// report progress and honour cancellation between them while the worker is busy.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { findModelFolder, missingModelError, pickDtype, resolveModelId } from './models';

export interface EmbedOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface Embedder {
  /** Cache key for vectors: the hub id, plus ":<dtype>" when the weights are not fp32. */
  modelId: string;
  dim: number;
  /** One L2-normalised, mean-pooled vector per text, in input order. */
  embed(texts: string[], opts?: EmbedOptions): Promise<Float32Array[]>;
  close(): Promise<void>;
}

/** What createEmbedder returns: an Embedder that also names the thread doing the work. */
export interface WorkerEmbedder extends Embedder {
  threadId: number;
}

export interface EmbedderOptions {
  model: 'all-mpnet-base-v2' | 'all-MiniLM-L6-v2' | (string & {});
  /** Where downloads go and imported models live (see models.ts). */
  cacheDir: string;
  /** Another folder holding <modelId>/ model folders, searched before cacheDir. */
  localModelPath?: string;
  /** Download a missing model from the hub (needs internet). Default false. */
  allowRemote?: boolean;
  batchSize?: number;
}

type WorkerReply =
  | { type: 'ready'; dim: number; threadId: number }
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; data: Float32Array }
  | { type: 'error'; id: number; message: string };

interface Pending {
  resolve: (data: Float32Array) => void;
  reject: (err: Error) => void;
}

const DEFAULT_BATCH = 64;
const CLOSE_TIMEOUT_MS = 5000;

export function abortError(): Error {
  const err = new Error('embedding was cancelled');
  err.name = 'AbortError';
  return err;
}

export async function createEmbedder(opts: EmbedderOptions): Promise<WorkerEmbedder> {
  const modelId = resolveModelId(opts.model);
  const allowRemote = opts.allowRemote ?? false;
  const dirs = opts.localModelPath ? [opts.localModelPath, opts.cacheDir] : [opts.cacheDir];
  const folder = findModelFolder(dirs, modelId);
  if (!folder && !allowRemote) throw missingModelError(dirs, modelId);
  // A download fetches fp32 weights; a local folder is opened with whatever weights it has.
  const dtype = folder ? (pickDtype(folder) ?? 'fp32') : 'fp32';
  // A found folder is loaded by its absolute path (transformers.js reads a non-hub id as a path), so
  // a folder that is the model itself loads as well as <dir>/<owner>/<name>; vectors keep the id.
  const worker = new Worker(workerUrl(), {
    workerData: { modelId, modelPath: folder ? resolve(folder) : undefined, localModelPath: opts.cacheDir, cacheDir: opts.cacheDir, allowRemote, dtype },
  });
  const ready = await waitReady(worker, modelId, folder);
  const cacheKey = dtype === 'fp32' ? modelId : `${modelId}:${dtype}`;
  return new ThreadEmbedder(worker, cacheKey, ready.dim, ready.threadId, opts.batchSize ?? DEFAULT_BATCH);
}

/** The worker sits next to this file in the source tree, and next to the bundle after a build. */
function workerUrl(): URL {
  const candidates = ['./embed-worker.mjs', './embed-worker.js'].map((p) => new URL(p, import.meta.url));
  const found = candidates.find((u) => existsSync(fileURLToPath(u)));
  if (!found) throw new Error(`embedding worker not found next to ${import.meta.url}`);
  return found;
}

/** `folder`: the local model folder being loaded; undefined for a download from the hub. */
function waitReady(worker: Worker, modelId: string, folder: string | undefined): Promise<{ dim: number; threadId: number }> {
  return new Promise((resolve, reject) => {
    const fail = (err: Error) => {
      void worker.terminate();
      // Which model, from where, and what to do: a folder that is there but does not load is a broken copy.
      const where = folder ? `from ${folder}` : 'from the Hugging Face hub';
      const hint = folder ? ' Install a working copy in Settings ("Install a model from a folder").' : '';
      reject(new Error(`could not load embedding model "${modelId}" ${where}: ${err.message}${hint}`, { cause: err }));
    };
    worker.once('error', fail);
    worker.once('message', (msg: WorkerReply) => {
      worker.off('error', fail);
      if (msg.type === 'ready') resolve(msg);
      else fail(new Error(msg.type === 'fatal' ? msg.message : `unexpected ${msg.type} message`));
    });
  });
}

class ThreadEmbedder implements WorkerEmbedder {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(
    private readonly worker: Worker,
    readonly modelId: string,
    readonly dim: number,
    readonly threadId: number,
    private readonly batchSize: number,
  ) {
    worker.on('message', (msg: WorkerReply) => this.onReply(msg));
    worker.on('error', (err) => this.failAll(err));
    worker.on('exit', () => this.failAll(new Error('embedding worker exited')));
  }

  async embed(texts: string[], opts: EmbedOptions = {}): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      if (opts.signal?.aborted) throw abortError();
      const data = await this.request(texts.slice(start, start + this.batchSize));
      for (let off = 0; off < data.length; off += this.dim) out.push(data.slice(off, off + this.dim));
      opts.onProgress?.(out.length, texts.length);
    }
    if (opts.signal?.aborted && out.length < texts.length) throw abortError();
    return out;
  }

  async close(): Promise<void> {
    if (this.failure) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ type: 'close' });
    const timer = setTimeout(() => void this.worker.terminate(), CLOSE_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  private request(texts: string[]): Promise<Float32Array> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'embed', id, texts });
    });
  }

  private onReply(msg: WorkerReply): void {
    if (msg.type !== 'result' && msg.type !== 'error') return;
    const waiter = this.pending.get(msg.id);
    this.pending.delete(msg.id);
    if (msg.type === 'result') waiter?.resolve(msg.data);
    else waiter?.reject(new Error(`embedding failed: ${msg.message}`));
  }

  private failAll(err: Error): void {
    this.failure ??= err;
    for (const waiter of this.pending.values()) waiter.reject(err);
    this.pending.clear();
  }
}
