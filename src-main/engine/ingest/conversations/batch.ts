// Batches of an import, as they travel from the side that reads the file to the store. JSON rows
// are read, parsed and turned into batches in a worker thread when the file is large (a plain
// object crossing the thread boundary, its rows one transferred buffer), else on the importing
// thread; CSV and OASST items always are. Either way the same builder decides what a batch holds,
// where progress events fall and where the 'mostly bad early rows' check is taken, so the importer
// behaves the same whichever thread parsed the rows.
import { jsonItem, type RecordParser } from './formats';
import { JsonbArrayWriter } from './jsonb';
import { conversationId } from './normalize';
import type { Frames, ReadContext } from './reader';
import type { BadRowSample, ConversationRecord, Item, Message } from './types';

/** Items per batch: one transaction each, so a crash or a cancel loses at most one batch. */
export const BATCH_ROWS = 2000;
/** A batch of very long conversations is cut short at this size, so a batch's memory stays bounded. */
const BATCH_BYTES = 32 * 2 ** 20;
/** Rows between two progress events (besides the one after each committed batch). */
export const PROGRESS_EVERY = 1000;
/** Rows looked at to decide that a file is probably in the wrong format. */
export const SAMPLE_ROWS = 1000;

/** The counters a progress event reports, as they were when the reader passed a row. */
export interface ProgressMark {
  rowsRead: number;
  badRows: number;
  bytesRead: number;
}

export interface Batch {
  /** JSONB array of [id, account, model, created_at, messages_json, turns, chars], in file order. */
  rows: Uint8Array;
  conversations: number;
  bad: BadRowSample[];
  /** The reader's counters when the batch was taken. */
  rowsRead: number;
  bytesRead: number;
  /** Progress events to report before the batch is written. */
  marks: ProgressMark[];
  /** Taken because it was full (the last batch of a file usually is not). */
  full: boolean;
  /** Set on the batch in which the reader reached SAMPLE_ROWS rows: the bad rows among them. */
  sample: { rowsRead: number; badRows: number } | null;
}

export class BatchBuilder {
  private readonly rows = new JsonbArrayWriter();
  private bad: BadRowSample[] = [];
  private marks: ProgressMark[] = [];
  private items = 0;
  private badTotal = 0;
  private sample: Batch['sample'] = null;
  private sampled = false;

  constructor(
    private readonly dataset: string,
    private readonly ctx: ReadContext,
  ) {}

  /** Counts one row read (an OASST item is a thread of several rows, so rows are counted apart). */
  onRow(): void {
    if (++this.ctx.rowsRead % PROGRESS_EVERY === 0) {
      this.marks.push({ rowsRead: this.ctx.rowsRead, badRows: this.badTotal, bytesRead: this.ctx.bytesRead });
    }
  }

  /** Adds one item; true when the batch is full and should be taken. */
  add(item: Item): boolean {
    if ('record' in item) this.addRecord(item.record);
    else {
      this.bad.push({ line: item.line, reason: item.bad });
      this.badTotal++;
    }
    this.items++;
    if (!this.sampled && this.ctx.rowsRead >= SAMPLE_ROWS) {
      this.sampled = true;
      this.sample = { rowsRead: this.ctx.rowsRead, badRows: this.badTotal };
    }
    return this.full;
  }

  private get full(): boolean {
    return this.items >= BATCH_ROWS || this.rows.bytes >= BATCH_BYTES;
  }

  /** Whether anything (an item or a progress event) is waiting to be taken. */
  get pending(): boolean {
    return this.items > 0 || this.marks.length > 0;
  }

  take(): Batch {
    const batch: Batch = {
      full: this.full,
      conversations: this.rows.length,
      rows: this.rows.take(),
      bad: this.bad,
      rowsRead: this.ctx.rowsRead,
      bytesRead: this.ctx.bytesRead,
      marks: this.marks,
      sample: this.sample,
    };
    this.bad = [];
    this.marks = [];
    this.items = 0;
    this.sample = null;
    return batch;
  }

  /** A written batch's rows buffer, back from the store to be filled again (see JsonbArrayWriter). */
  recycle(buffer: ArrayBuffer): void {
    this.rows.recycle(buffer);
  }

  /** The stored columns of one conversation (dataset and import id are the same for every row). */
  private addRecord(rec: ConversationRecord): void {
    let turns = 0;
    let chars = 0;
    for (const m of rec.messages) {
      if (m.role === 'user') turns++;
      chars += m.content.length;
    }
    const w = this.rows;
    w.beginRow();
    w.text(conversationId(this.dataset, rec));
    w.text(rec.accountId);
    w.text(rec.model);
    w.text(rec.createdAt);
    writeMessagesJson(w, rec.messages);
    w.int(turns);
    w.int(chars);
    w.endRow();
  }
}

const MESSAGE_START: Record<Message['role'], Buffer> = {
  user: Buffer.from('{"role":"user","content":'),
  assistant: Buffer.from('{"role":"assistant","content":'),
};

/**
 * Writes JSON.stringify(messages), byte for byte, straight into the batch: every message is {role,
 * content} with a role that needs no escaping, and a content with nothing to escape (most are) is
 * copied as it is between quotes, so no JSON string is built and copied again.
 */
export function writeMessagesJson(w: JsonbArrayWriter, messages: readonly Message[]): void {
  w.openText();
  w.appendByte(0x5b); // [
  for (let i = 0; i < messages.length; i++) {
    const { role, content } = messages[i] as Message;
    if (i > 0) w.appendByte(0x2c); // ,
    w.appendBytes(MESSAGE_START[role]);
    if (isPlainJsonString(content)) {
      w.appendByte(0x22); // "
      w.append(content);
      w.appendByte(0x22);
    } else w.append(JSON.stringify(content));
    w.appendByte(0x7d); // }
  }
  w.appendByte(0x5d); // ]
  w.closeText();
}

/**
 * True when JSON.stringify(s) is s between quotes: no quote, backslash or control character to
 * escape, and no surrogate (a lone one would be escaped; pairs are simply left to JSON.stringify).
 */
function isPlainJsonString(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/** JSON rows (one item per row) in batches; a parsed record never outlives its row. */
export async function* frameBatches(frames: Frames, parse: RecordParser, builder: BatchBuilder): AsyncGenerator<Batch> {
  for (let chunk = await frames.nextBatch(); chunk !== null; chunk = await frames.nextBatch()) {
    for (const f of chunk) {
      builder.onRow();
      if (builder.add(jsonItem(f, parse))) yield builder.take();
    }
  }
  if (builder.pending) yield builder.take();
}

/** Items of the formats that count their own rows (CSV, OASST: they call ctx.onRow) in batches. */
export async function* itemBatches(items: AsyncIterable<Item>, builder: BatchBuilder): AsyncGenerator<Batch> {
  for await (const item of items) if (builder.add(item)) yield builder.take();
  if (builder.pending) yield builder.take();
}
