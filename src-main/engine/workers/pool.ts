// Runs one named CPU-heavy task (k-means, a run's aggregation, an .xlsx parse) in its own worker
// thread, so the thread that serves HTTP or IPC keeps answering while it computes. One worker per
// task: the heavy tasks take seconds, so a ~0.1-0.3 s start is cheap, and cancelling can simply
// terminate the thread without leaving a shared worker in an unknown state.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CancelledError } from '../errors';
import { fromWireError, type TaskReply, type TaskRequest } from './wire';

export interface TaskOptions<P = unknown> {
  /** Aborting terminates the worker; the promise rejects with CancelledError. */
  signal?: AbortSignal;
  onProgress?: (value: P) => void;
  /** Buffers inside `args` to move to the worker instead of copying (they become unusable here). */
  transfer?: ArrayBuffer[];
}

/**
 * Runs `task` (a name in registry.ts) in a new worker thread with structured-cloned `args`.
 * Errors thrown by the task are rethrown here with their class (ImportError, NotFoundError…).
 */
export function runTask<R, P = unknown>(task: string, args: unknown, opts: TaskOptions<P> = {}): Promise<R> {
  if (opts.signal?.aborted) return Promise.reject(new CancelledError());
  const request: TaskRequest = { task, args };
  const worker = new Worker(workerUrl(), { workerData: request, transferList: opts.transfer ?? [] });
  live.add(worker);
  worker.once('exit', () => live.delete(worker));
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      fn();
      // The task is over either way; a thread left running would only hold memory.
      void worker.terminate();
    };
    const onAbort = () => finish(() => reject(new CancelledError()));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (msg: TaskReply) => {
      if (msg.type === 'progress') {
        if (!settled) opts.onProgress?.(msg.value as P);
      } else if (msg.type === 'result') finish(() => resolve(msg.value as R));
      else finish(() => reject(fromWireError(msg.error)));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`task worker for "${task}" exited (code ${code}) without an answer`))));
  });
}

const live = new Set<Worker>();

/** Task worker threads currently alive (started and not yet exited): tests check nothing leaks. */
export function liveWorkers(): number {
  return live.size;
}

let cachedUrl: URL | undefined;

/**
 * From source the bootstrap .mjs registers tsx before loading the TypeScript entry; the CLI bundle
 * (out/cli) has its compiled task-worker.mjs beside this chunk; in the electron-vite bundle the
 * entry is compiled to task-worker.js next to the main bundle (or one folder up when this module
 * lands in a shared chunk).
 */
function workerUrl(): URL {
  if (cachedUrl) return cachedUrl;
  const candidates = ['./task-worker.mjs', './task-worker.js', '../task-worker.js'].map((p) => new URL(p, import.meta.url));
  cachedUrl = candidates.find((u) => existsSync(fileURLToPath(u)));
  if (!cachedUrl) throw new Error(`task worker not found next to ${import.meta.url}`);
  return cachedUrl;
}
