// Batched writes for one conversation import. Each batch is one transaction, so a crash or a
// cancel loses at most the batch in flight, and the INSERT OR IGNORE on the stored id makes a
// re-run add only what is missing. A file-level failure calls discard(), which removes every row
// this import added, so the failed import leaves no trace. While it writes, the import is marked
// live in this process (status.ts), which is how a 'running' row is told from a crashed one.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/open';
import type { Batch } from './batch';
import { Checkpointer } from './checkpointer';
import { closeDeadImports, markImportEnded, markImportLive } from './status';
import type { BadRowSample } from './types';

const MAX_SAMPLES = 20;

/**
 * Connection settings for the length of one import, restored by end(). A larger page cache keeps
 * the id index's pages in memory between batches; fewer, larger WAL checkpoints write (and sync)
 * the main file less often. With a checkpointer thread (checkpointer.ts) this connection's own
 * checkpoint is only the backstop that lets the log start over (64K pages: 256 MB). Durability is
 * unchanged: every batch still commits in the WAL.
 */
function bulkPragmas(db: Db, checkpointer: boolean): () => void {
  const settings = { cache_size: -16384, wal_autocheckpoint: checkpointer ? 65536 : 16384 };
  const before = Object.keys(settings).map((name) => [name, db.pragma(name, { simple: true })] as const);
  for (const [name, value] of Object.entries(settings)) db.pragma(`${name} = ${value}`);
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

export interface ImportWriterOptions {
  /** Checkpoint the write-ahead log from a thread of its own (for large imports). */
  checkpointer?: boolean;
}

export class ImportWriter {
  readonly importId = randomUUID();
  conversations = 0;
  added = 0;
  duplicates = 0;
  badRows = 0;
  readonly samples: BadRowSample[] = [];
  private readonly writeBatch: (batch: Batch) => void;
  private readonly restorePragmas: () => void;
  private readonly checkpointer: Checkpointer | null;

  constructor(
    private readonly db: Db,
    private readonly info: ImportRowInfo,
    opts: ImportWriterOptions = {},
  ) {
    // One statement per batch: SQLite walks the batch's JSONB array itself, in file order.
    const insertConversations = db.prepare(
      `INSERT OR IGNORE INTO conversation (id, dataset, account_id, model, created_at, messages_json, turns, chars, import_id)
       SELECT value ->> 0, @dataset, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, @importId
       FROM jsonb_each(@rows)`,
    );
    const insertBad = db.prepare('INSERT OR IGNORE INTO conversation_bad_row (import_id, line, reason) VALUES (?, ?, ?)');
    this.writeBatch = db.transaction((batch: Batch) => {
      for (const b of batch.bad) insertBad.run(this.importId, b.line, b.reason);
      if (batch.conversations === 0) return;
      const { changes } = insertConversations.run({ rows: batch.rows, dataset: info.dataset, importId: this.importId });
      this.added += changes;
      this.duplicates += batch.conversations - changes;
    });
    closeDeadImports(db, info.dataset, info.file);
    db.prepare(
      `INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at)
       VALUES (?, ?, ?, ?, '', 'running', ?)`,
    ).run(this.importId, info.dataset, info.file, info.format, new Date().toISOString());
    markImportLive(this.importId);
    this.checkpointer = opts.checkpointer === true ? Checkpointer.start(db) : null;
    this.restorePragmas = bulkPragmas(db, this.checkpointer !== null);
  }

  /** Called whatever the outcome: the row is no longer being written by this process. */
  end(): void {
    markImportEnded(this.importId);
    this.checkpointer?.stop();
    this.restorePragmas();
  }

  /** Counts a batch's conversations and bad rows (before it is written, so checks can see them). */
  count(batch: Batch): void {
    this.conversations += batch.conversations;
    this.badRows += batch.bad.length;
    for (const b of batch.bad) if (this.samples.length < MAX_SAMPLES) this.samples.push(b);
  }

  /** Writes a counted batch in one transaction. */
  write(batch: Batch): void {
    this.checkpointer?.check();
    this.writeBatch(batch);
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
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM conversation WHERE import_id = ?').run(this.importId);
      this.db.prepare('DELETE FROM conversation_bad_row WHERE import_id = ?').run(this.importId);
      this.db.prepare('DELETE FROM conversation_import WHERE id = ?').run(this.importId);
    })();
  }
}
