// Streaming import of human–AI conversation logs into the project database. The file is read in
// chunks and cut into rows on bytes (framing.ts), each row is parsed and normalised on its own
// (formats.ts, csv.ts; oasst.ts is the one format that groups rows), rows are gathered into batches
// (batch.ts) and each batch is written in one transaction (store.ts). A large JSON file is read and
// parsed in a worker thread (reader-thread.ts) while this thread writes. Row-level problems become
// recorded bad rows; file-level problems throw an ImportError and remove everything the import wrote.
import { basename, extname } from 'node:path';
import type { Db } from '../../../db/open';
import { ImportError } from '../formats/errors';
import { BatchBuilder, frameBatches, itemBatches, type Batch, type ProgressMark } from './batch';
import { detectFormat, frameObject, RECORD_PARSERS, type RecordParser } from './formats';
import { CsvFramer, JsonArrayFramer, LineFramer, type Frame, type Framer } from './framing';
import { oasstItems, type OasstStats } from './oasst';
import { Frames, newContext, readFrames, sniffFile, type ReadContext, type Sniff } from './reader';
import { readerThreadBatches } from './reader-thread';
import { csvItems } from './csv';
import { ImportWriter } from './store';
import {
  CONVERSATION_FORMATS,
  type ConversationFormat,
  type ConversationImportOptions,
  type ConversationImportResult,
  type Item,
} from './types';

export {
  CONVERSATION_FORMATS,
  type BadRowSample,
  type ColumnMapping,
  type ConversationFormat,
  type ConversationImportOptions,
  type ConversationImportResult,
  type ConversationRecord,
  type ImportProgressEvent,
  type Message,
  type OasstMode,
  type Role,
} from './types';
export { conversationId } from './normalize';
export { conversationDatasetNames, datasetCompleteness, requireCompleteDatasets, type DatasetCompleteness, type DatasetStatus } from './status';

/** Rows 'auto' may read to find one it recognises. */
const DETECT_ROWS = 20;
/**
 * Files from this size are imported with worker threads (a JSON file is read and parsed in one,
 * the write-ahead log checkpointed in another): starting one costs about 0.1 s (more from the
 * TypeScript sources), which a smaller file's whole import barely takes.
 */
const WORKER_THREADS_BYTES = 16 * 2 ** 20;

/**
 * Where the items come from: JSON rows are taken a read chunk at a time and parsed one by one into
 * the batch (one item per row), so a parsed record never outlives its row; CSV and OASST give items
 * and count their own rows (an OASST item is a thread of many rows).
 */
type Plan = { format: ConversationFormat; oasst?: OasstStats } & (
  | { frames: Frames; parse: RecordParser }
  | { items: AsyncIterable<Item> }
);

export async function importConversations(db: Db, file: string, opts: ConversationImportOptions = {}): Promise<ConversationImportResult> {
  const requested = opts.format ?? 'auto';
  if (!CONVERSATION_FORMATS.includes(requested)) {
    throw new ImportError(`unknown format "${String(requested)}" (expected one of ${CONVERSATION_FORMATS.join(', ')})`, { file });
  }
  if (opts.signal?.aborted) throw abortError();
  const sniff = sniffFile(file);
  const ctx = newContext(file, sniff.size);
  const frames = new Frames(readFrames(ctx, framerFor(requested, file, sniff), sniff.hasBom));
  try {
    const plan = await planImport(frames, ctx, requested, opts);
    const dataset = opts.dataset ?? basename(file, extname(file));
    const workers = opts.workerThreads ?? sniff.size >= WORKER_THREADS_BYTES;
    const batches = await batchSource(plan, ctx, dataset, sniff, workers);
    const writer = new ImportWriter(db, { dataset, file: basename(file), format: plan.format }, { checkpointer: workers });
    await run(writer, batches, ctx, opts);
    return {
      importId: writer.importId,
      dataset,
      format: plan.format,
      rowsRead: ctx.rowsRead,
      conversations: writer.conversations,
      added: writer.added,
      duplicates: writer.duplicates,
      badRows: writer.badRows,
      badRowSamples: writer.samples,
      ...(plan.oasst !== undefined ? { trees: plan.oasst.trees, threads: plan.oasst.threads } : {}),
    };
  } finally {
    await frames.close();
  }
}

/** CSV by request, or by extension under 'auto'. */
export function isCsv(format: ConversationFormat, file: string): boolean {
  return format === 'csv' || (format === 'auto' && extname(file).toLowerCase() === '.csv');
}

/** CSV records; otherwise one big JSON array (an export) or one JSON value per line. */
export function framerFor(format: ConversationFormat, file: string, sniff: Sniff): Framer {
  if (isCsv(format, file)) return new CsvFramer();
  return sniff.firstChar === '[' ? new JsonArrayFramer() : new LineFramer();
}

async function planImport(frames: Frames, ctx: ReadContext, requested: ConversationFormat, opts: ConversationImportOptions): Promise<Plan> {
  if (isCsv(requested, ctx.file)) {
    return { format: 'csv', items: await csvItems(frames, ctx, opts.mapping) };
  }
  const format = requested === 'auto' ? await detect(frames, ctx.file) : requested;
  if (format === 'oasst') {
    const stats: OasstStats = { trees: 0, threads: 0 };
    return { format, items: oasstItems(frames, ctx, stats, opts.oasstMode ?? 'branches'), oasst: stats };
  }
  const parse = RECORD_PARSERS[format];
  if (parse === undefined) throw new ImportError(`format "${format}" has no reader`, { file: ctx.file });
  return { format, frames, parse };
}

/**
 * The plan's batches. With worker threads, a JSON file is handed to the reader thread, which reads
 * it again from its first byte: detection only looked at the first rows.
 */
async function batchSource(plan: Plan, ctx: ReadContext, dataset: string, sniff: Sniff, workers: boolean): Promise<AsyncIterable<Batch>> {
  const builder = new BatchBuilder(dataset, ctx);
  if ('items' in plan) {
    ctx.onRow = () => builder.onRow();
    return itemBatches(plan.items, builder);
  }
  if (!workers) return frameBatches(plan.frames, plan.parse, builder);
  await plan.frames.close();
  const framer = sniff.firstChar === '[' ? 'array' : 'lines';
  return readerThreadBatches({ file: ctx.file, totalBytes: sniff.size, format: plan.format, dataset, framer, hasBom: sniff.hasBom }, ctx);
}

/** Peeks at the first rows until one is an object whose keys name a known format. */
export async function detect(frames: Frames, file: string): Promise<ConversationFormat> {
  const seen: Frame[] = [];
  let found: ConversationFormat | null = null;
  while (found === null && seen.length < DETECT_ROWS) {
    const f = await frames.next();
    if (f === null) break;
    seen.push(f);
    const r = frameObject(f);
    if ('obj' in r) found = detectFormat(r.obj);
  }
  frames.unread(seen);
  if (found !== null) return found;
  if (seen.length === 0) throw new ImportError('no rows (an empty array?), so the format cannot be detected; pass it explicitly', { file, line: 1 });
  throw new ImportError(
    `cannot tell the conversation format from the first ${seen.length} rows (no JSON object with messages, ` +
      'conversations, chat_messages, mapping, prompt or message_id); pass the format explicitly',
    { file, line: seen[0]?.line ?? 1 },
  );
}

async function run(writer: ImportWriter, batches: AsyncIterable<Batch>, ctx: ReadContext, opts: ConversationImportOptions): Promise<void> {
  const now = (): ProgressMark => ({ rowsRead: ctx.rowsRead, badRows: writer.badRows, bytesRead: ctx.bytesRead });
  const report = ({ rowsRead, badRows, bytesRead }: ProgressMark = now()): void =>
    opts.onProgress?.({ rowsRead, added: writer.added, duplicates: writer.duplicates, badRows, bytesRead, totalBytes: ctx.totalBytes });
  let sampled = false;
  try {
    for await (const batch of batches) {
      ctx.rowsRead = batch.rowsRead;
      ctx.bytesRead = batch.bytesRead;
      for (const m of batch.marks) report(m);
      writer.count(batch);
      if (batch.sample !== null) sampled = checkBadShare(batch.sample.badRows, batch.sample.rowsRead, writer, ctx.file);
      writer.write(batch);
      if (!batch.full) continue; // the last batch: reported once the import is finished
      report();
      // Checked only between batches, so a cancel always leaves whole batches committed.
      if (opts.signal?.aborted) {
        writer.finish('cancelled', ctx.rowsRead, null);
        throw abortError();
      }
    }
    if (!sampled) checkBadShare(writer.badRows, ctx.rowsRead, writer, ctx.file);
    writer.finish('complete', ctx.rowsRead, ctx.sha256);
    report();
  } catch (e) {
    try {
      if (e instanceof ImportError) writer.discard();
      else if (!isAbort(e)) writer.finish('failed', ctx.rowsRead, null);
    } catch {
      // The bookkeeping failed too (e.g. the disk is full): the original error is the useful one.
    }
    throw e;
  } finally {
    writer.end();
  }
}

/** Mostly-bad early rows almost always mean the wrong format (or encoding), not a dirty file. */
function checkBadShare(badRows: number, rowsRead: number, writer: ImportWriter, file: string): true {
  if (badRows * 2 > rowsRead) {
    const first = writer.samples[0];
    throw new ImportError(
      `${badRows} of the first ${rowsRead} rows are bad (first: line ${first?.line}: ${first?.reason}); ` +
        'is this the right format and a UTF-8 file?',
      { file, ...(first !== undefined ? { line: first.line } : {}) },
    );
  }
  return true;
}

function abortError(): Error {
  const e = new Error('conversation import cancelled');
  e.name = 'AbortError';
  return e;
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}
