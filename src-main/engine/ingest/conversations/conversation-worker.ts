// Entry of the reader thread of a large conversation import: reads one JSON conversation file
// (lines or one array), parses and normalises every row and posts the batches to the importing
// thread, which only writes them. At most QUEUED_BATCHES batches are posted and not yet written: the reader then waits for the
// importer to give one back, so memory stays at a few batches however far ahead reading could get.
// What comes back is the written batch's buffer, which the next batch is written into.
import { parentPort, workerData } from 'node:worker_threads';
import { toWireError } from '../../workers/wire';
import { BatchBuilder, frameBatches } from './batch';
import { RECORD_PARSERS } from './formats';
import { JsonArrayFramer, LineFramer } from './framing';
import { Frames, newContext, readFrames } from './reader';
import { QUEUED_BATCHES, type ReaderArgs, type ReaderMessage } from './reader-thread';

const port = parentPort;
if (!port) throw new Error('conversation-worker must run as a worker thread');

let credits = QUEUED_BATCHES;
let wake: (() => void) | null = null;
let builder: BatchBuilder | undefined;

/** The importer gives back each batch's buffer once it is written: room for one more. */
function onWritten(buffer: ArrayBuffer): void {
  builder?.recycle(buffer);
  credits++;
  wake?.();
  wake = null;
}

function post(msg: ReaderMessage, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(msg, transfer);
}

async function read(args: ReaderArgs): Promise<void> {
  const ctx = newContext(args.file, args.totalBytes);
  const framer = args.framer === 'array' ? new JsonArrayFramer() : new LineFramer();
  const frames = new Frames(readFrames(ctx, framer, args.hasBom));
  try {
    const parse = RECORD_PARSERS[args.format];
    if (parse === undefined) throw new Error(`format "${args.format}" has no record parser`);
    builder = new BatchBuilder(args.dataset, ctx);
    for await (const batch of frameBatches(frames, parse, builder)) {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      post({ type: 'batch', batch }, [batch.rows.buffer as ArrayBuffer]);
    }
    post({ type: 'end', rowsRead: ctx.rowsRead, bytesRead: ctx.bytesRead, sha256: ctx.sha256 });
  } catch (err) {
    post({ type: 'error', error: toWireError(err) });
  } finally {
    await frames.close();
    port!.close();
  }
}

port.on('message', onWritten);
void read(workerData as ReaderArgs);
