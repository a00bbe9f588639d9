// The importing side of the conversation reader thread (conversation-worker.ts): starts it on one
// file and yields its batches in order. A large JSON file is read, parsed and normalised there
// while this thread writes the previous batch to SQLite, so the two halves of an import run on two
// cores. Each batch's buffer goes back once the batch is written, which lets the reader post one
// more (QUEUED_BATCHES at most are out). Ending the iteration early (a cancel, a file-level error)
// stops the thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fromWireError, type WireError } from '../../workers/wire';
import type { Batch } from './batch';
import type { ReadContext } from './reader';
import type { ConversationFormat } from './types';

/** Batches the reader may have posted that the importer has not written yet. */
export const QUEUED_BATCHES = 3;

/**
 * The reader's old-generation limit. Without one V8 lets it grow lazily: JSON.parse puts the short
 * strings it meets (10 characters or fewer, e.g. ids like "syn-123456") straight into the old
 * generation, which added about 60 MB of resident memory over a million rows. With the limit V8
 * collects them sooner (resident memory stays flat). The largest record the framer lets through
 * (16 MB, one huge message or 400K tiny ones) parses within half of it.
 */
const READER_OLD_SPACE_MB = 256;

export interface ReaderArgs {
  file: string;
  totalBytes: number;
  format: ConversationFormat;
  dataset: string;
  framer: 'lines' | 'array';
  hasBom: boolean;
}

export type ReaderMessage =
  | { type: 'batch'; batch: Batch }
  | { type: 'end'; rowsRead: number; bytesRead: number; sha256: string | null }
  | { type: 'error'; error: WireError };

type Event = ReaderMessage | { type: 'crash'; error: Error } | { type: 'exit'; code: number };

/** The reader thread's batches; at the end, ctx holds its final counts and the file's hash. */
export async function* readerThreadBatches(args: ReaderArgs, ctx: ReadContext): AsyncGenerator<Batch> {
  const worker = new Worker(conversationWorkerUrl(), { workerData: args, resourceLimits: { maxOldGenerationSizeMb: READER_OLD_SPACE_MB } });
  const inbox: Event[] = [];
  let wake: (() => void) | null = null;
  const push = (e: Event): void => {
    inbox.push(e);
    wake?.();
    wake = null;
  };
  worker.on('message', push);
  worker.on('error', (error) => push({ type: 'crash', error }));
  worker.on('exit', (code) => push({ type: 'exit', code }));
  try {
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const e = inbox.shift() as Event;
      if (e.type === 'batch') {
        yield e.batch; // back here once the importer has written it
        const buffer = e.batch.rows.buffer as ArrayBuffer;
        worker.postMessage(buffer, [buffer]);
      } else if (e.type === 'end') {
        Object.assign(ctx, { rowsRead: e.rowsRead, bytesRead: e.bytesRead, sha256: e.sha256 });
        return;
      } else if (e.type === 'error') throw fromWireError(e.error);
      else if (e.type === 'crash') throw new Error(`the conversation reader thread failed on ${args.file}: ${e.error.message}`, { cause: e.error });
      else throw new Error(`the conversation reader thread stopped (exit code ${e.code}) before the end of ${args.file}`);
    }
  } finally {
    void worker.terminate();
  }
}

let cachedUrl: URL | undefined;

/**
 * From source the bootstrap .mjs registers tsx before loading the TypeScript entry; the CLI bundle
 * (out/cli) has its compiled conversation-worker.mjs beside this chunk; in the electron-vite bundle
 * the entry is compiled to conversation-worker.js next to the main bundle (or one folder up when
 * this module lands in a shared chunk). The same places as workers/pool.ts looks.
 */
function conversationWorkerUrl(): URL {
  if (cachedUrl) return cachedUrl;
  const names = ['./conversation-worker.mjs', './conversation-worker.js', '../conversation-worker.js'];
  cachedUrl = names.map((p) => new URL(p, import.meta.url)).find((u) => existsSync(fileURLToPath(u)));
  if (!cachedUrl) throw new Error(`conversation reader thread not found next to ${import.meta.url}`);
  return cachedUrl;
}
