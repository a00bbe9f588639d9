// Batched writes for one conversation import. Each batch is one transaction, so a crash or a
// cancel loses at most the batch in flight, and the INSERT OR IGNORE on the stored id makes a
// re-run add only what is missing. A file-level failure calls discard(), which removes every row
// this import added, so the failed import leaves no trace. While it writes, the import is marked
// live in this process (status.ts), which is how a 'running' row is told from a crashed one.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/open';
import { conversationId } from './normalize';
import { closeDeadImports, markImportEnded, markImportLive } from './status';
import type { BadRowSample, ConversationRecord, Item } from './types';

export const BATCH_ROWS = 2000;
const MAX_SAMPLES = 20;

/**
 * Connection settings for the length of one import, restored by end(). A larger page cache keeps
 * the id index's pages in memory between batches; fewer, larger WAL checkpoints write (and sync)
 * the main file less often. Durability is unchanged: every batch still commits in the WAL.
 */
const BULK_PRAGMAS = { cache_size: -16384, wal_autocheckpoint: 16384 } as const;

function bulkPragmas(db: Db): () => void {
  const before = Object.keys(BULK_PRAGMAS).map((name) => [name, db.pragma(name, { simple: true })] as const);
  for (const [name, value] of Object.entries(BULK_PRAGMAS)) db.pragma(`${name} = ${value}`);
  return () => {
    for (const [name, value] of before) db.pragma(`${name} = ${Number(value)}`);
  };
}

/** 'interrupted' is set later, on a row a crashed process left 'running' (status.ts). */
export type ImportStatus = 'running' | 'complete' | 'failed' | 'cancelled' | 'interrupted';

export interface ImportRowInfo {
  dataset: string;
  file: string;
  format: string;
}

/** A conversation's columns before import_id, or a bad row's line and reason. */
type ConversationRow = [id: string, dataset: string, account: string | null, model: string | null, createdAt: string | null, messages: string, turns: number, chars: number];
type Pending = ConversationRow | [line: number, reason: string];

function conversationRow(dataset: string, rec: ConversationRecord): ConversationRow {
  let turns = 0;
  let chars = 0;
  for (const m of rec.messages) {
    if (m.role === 'user') turns++;
    chars += m.content.length;
  }
  return [conversationId(dataset, rec), dataset, rec.accountId, rec.model, rec.createdAt, JSON.stringify(rec.messages), turns, chars];
}

export class ImportWriter {
  readonly importId = randomUUID();
  conversations = 0;
  added = 0;
  duplicates = 0;
  badRows = 0;
  readonly samples: BadRowSample[] = [];
  /** The batch being gathered, as rows ready to insert: a parsed record is not kept past add(). */
  private pending: Pending[] = [];
  private readonly insertConversation;
  private readonly insertBad;
  private readonly writeBatch: (rows: Pending[]) => void;
  private readonly restorePragmas: () => void;

  constructor(
    private readonly db: Db,
    private readonly info: ImportRowInfo,
  ) {
    this.insertConversation = db.prepare(
      `INSERT OR IGNORE INTO conversation (id, dataset, account_id, model, created_at, messages_json, turns, chars, import_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertBad = db.prepare('INSERT OR IGNORE INTO conversation_bad_row (import_id, line, reason) VALUES (?, ?, ?)');
    this.writeBatch = db.transaction((rows: Pending[]) => {
      for (const row of rows) {
        if (row.length === 2) this.insertBad.run(this.importId, ...row);
        else if (this.insertConversation.run(...row, this.importId).changes > 0) this.added++;
        else this.duplicates++;
      }
    });
    closeDeadImports(db, info.dataset, info.file);
    db.prepare(
      `INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at)
       VALUES (?, ?, ?, ?, '', 'running', ?)`,
    ).run(this.importId, info.dataset, info.file, info.format, new Date().toISOString());
    markImportLive(this.importId);
    this.restorePragmas = bulkPragmas(db);
  }

  /** Called whatever the outcome: the row is no longer being written by this process. */
  end(): void {
    markImportEnded(this.importId);
    this.restorePragmas();
  }

  /** Queues one item; returns true when a batch is full and should be flushed. */
  add(item: Item): boolean {
    if ('record' in item) {
      this.conversations++;
      this.pending.push(conversationRow(this.info.dataset, item.record));
    } else {
      this.badRows++;
      if (this.samples.length < MAX_SAMPLES) this.samples.push({ line: item.line, reason: item.bad });
      this.pending.push([item.line, item.bad]);
    }
    return this.pending.length >= BATCH_ROWS;
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const items = this.pending;
    this.pending = [];
    this.writeBatch(items);
  }

  /** Final counts and status; sha256 is '' when the file was not read to the end. */
  finish(status: ImportStatus, rowsRead: number, sha256: string | null): void {
    this.db
      .prepare(
        `UPDATE conversation_import SET status = ?, rows_read = ?, added = ?, duplicates = ?, bad_rows = ?,
           sha256 = ?, finished_at = ? WHERE id = ?`,
      )
      .run(status, rowsRead, this.added, this.duplicates, this.badRows, sha256 ?? '', new Date().toISOString(), this.importId);
  }

  /** Removes everything this import wrote (conversations first: they reference the import row). */
  discard(): void {
    this.pending = [];
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM conversation WHERE import_id = ?').run(this.importId);
      this.db.prepare('DELETE FROM conversation_bad_row WHERE import_id = ?').run(this.importId);
      this.db.prepare('DELETE FROM conversation_import WHERE id = ?').run(this.importId);
    })();
  }
}
