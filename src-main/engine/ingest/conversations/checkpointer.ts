// WAL checkpoints of a large import, run from a thread of their own (checkpoint-worker.mjs). A
// checkpoint copies the pages committed to the write-ahead log into the database file and syncs
// both files; run by the writing connection (SQLite's automatic checkpoint), that copy (a fifth of
// the writing thread's CPU) and the two fsyncs (about 1 s per 300K conversations here) stop the
// writer. A second connection in another thread checkpoints PASSIVE (never waiting for, nor
// blocking, the writer) every CHECKPOINT_EVERY_MS, so the writer finds most pages already copied
// and synced when its own, now rarer, automatic checkpoint comes (store.ts raises the threshold),
// which is what lets the log start over instead of growing for the whole import. Durability is
// unchanged: each batch still commits in the WAL as before.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db } from '../../../db/open';

const CHECKPOINT_EVERY_MS = 400;

/** The importing side: started with the import, stopped when it ends. */
export class Checkpointer {
  private failure: Error | null = null;
  private readonly worker: Worker;

  /** Null when there is no write-ahead log to checkpoint (an in-memory database, another journal mode). */
  static start(db: Db): Checkpointer | null {
    if (db.memory || String(db.pragma('journal_mode', { simple: true })) !== 'wal') return null;
    return new Checkpointer(db.name);
  }

  private constructor(path: string) {
    // No loader options (tsx): the thread runs plain JavaScript and stays small.
    this.worker = new Worker(workerUrl(), { workerData: { path, everyMs: CHECKPOINT_EVERY_MS }, execArgv: [] });
    this.worker.on('message', (m: { name: string; message: string }) => (this.failure = checkpointError(path, m)));
    this.worker.on('error', (err) => (this.failure = err));
  }

  /** Rethrows a failed checkpoint (a disk error, say) on the importing thread. */
  check(): void {
    if (this.failure !== null) throw this.failure;
  }

  /** The thread closes its connection and exits after its current checkpoint, if any. */
  stop(): void {
    this.worker.postMessage('stop');
  }
}

function checkpointError(path: string, m: { name: string; message: string }): Error {
  const err = new Error(`checkpointing the write-ahead log of ${path} failed: ${m.message}`);
  err.name = m.name;
  return err;
}

let cachedUrl: URL | undefined;

/** Beside this module from source and in the CLI bundle; next to (or one folder up from) it in the desktop bundle. */
function workerUrl(): URL {
  if (cachedUrl) return cachedUrl;
  const names = ['./checkpoint-worker.mjs', './checkpoint-worker.js', '../checkpoint-worker.js'];
  cachedUrl = names.map((p) => new URL(p, import.meta.url)).find((u) => existsSync(fileURLToPath(u)));
  if (!cachedUrl) throw new Error(`checkpoint worker not found next to ${import.meta.url}`);
  return cachedUrl;
}
