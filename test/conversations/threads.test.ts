// Large imports run with worker threads: a reader thread parses the JSON rows into batches while
// the importing thread writes them, and a checkpointer thread keeps the write-ahead log short.
// Whichever way a file is imported, the stored rows (byte for byte), bad rows, counts, progress
// events, cancel, rollback and 'mostly bad rows' behaviour are the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../src-main/db/open';
import { importConversations, type ConversationImportOptions, type ImportProgressEvent } from '../../src-main/engine/ingest/conversations';
import { Checkpointer } from '../../src-main/engine/ingest/conversations/checkpointer';
import { importError, memoryDb, tableCounts, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const json = (o: unknown): string => JSON.stringify(o);
const row = (i: number): string => json({ id: `r${i}`, account_id: `u${i % 7}`, messages: [{ role: 'user', content: `question ${i}` }] });

/** Rows that exercise every stored column: escapes, non-ASCII, a lone surrogate, numbers, hashes, bad rows. */
const TRICKY = [
  json({ id: 'a1', account_id: 'acct 😀', model: 'gpt-é', timestamp: 1700000000, messages: [{ role: ' User ', content: 'l1\nl2\t"q" \\ \u2028 \u0000' }, { role: 'assistant', content: 'ok' }] }),
  '{"id":"lone\\ud800x","messages":[{"role":"user","content":"lone \\udc00 in content"}]}',
  json({ id: 42, user_id: 7, created_at: ' 2024-01-01T00:00:00Z ', messages: [{ role: 'user', content: [{ type: 'text', text: 'p1' }, 'p2'] }] }),
  json({ messages: [{ role: 'user', content: 'no id, so a content hash; long: ' + 'z'.repeat(70_000) }] }),
  '{not json',
  json({ id: 'nouser', messages: [{ role: 'assistant', content: 'only me' }] }),
  json({ id: 'a1', messages: [{ role: 'user', content: 'duplicate id' }] }),
];

/** Several batches, bad rows scattered through them, duplicate ids, a row split by CRLF. */
function manyRows(n: number): string {
  return Array.from({ length: n }, (_, i) => (i % 97 === 5 ? '{bad' : row(i % (n - 500)))).join('\r\n') + '\r\n';
}

function write(name: string, text: string): string {
  const file = path.join(tmp.dir, name);
  writeFileSync(file, text);
  return file;
}

let files: Record<string, string>;
beforeAll(() => {
  files = {
    tricky: write('tricky.jsonl', TRICKY.join('\n') + '\n'),
    trickyArray: write('tricky.json', '[\n' + TRICKY.filter((r) => r.startsWith('{"')).join(',\n') + '\n]'),
    many: write('many.jsonl', manyRows(7000)),
  };
});

/** Every stored byte of every conversation and bad row, the import's counts and its progress events. */
async function importDump(file: string, opts: ConversationImportOptions): Promise<unknown> {
  const db = memoryDb();
  const progress: ImportProgressEvent[] = [];
  const { importId, ...result } = await importConversations(db, file, { dataset: 'ds', ...opts, onProgress: (p) => progress.push(p) });
  const rows = db
    .prepare(
      `SELECT seq, hex(id), dataset, hex(account_id), typeof(account_id), hex(model), typeof(model), hex(created_at),
         typeof(created_at), hex(messages_json), typeof(messages_json), turns, typeof(turns), chars, typeof(chars), import_id = ? AS own
       FROM conversation ORDER BY seq`,
    )
    .raw()
    .all(importId);
  const bad = db.prepare('SELECT line, reason FROM conversation_bad_row ORDER BY line').all();
  const imp = db.prepare('SELECT format, sha256, rows_read, added, duplicates, bad_rows, status FROM conversation_import').all();
  db.close();
  return { result, rows, bad, imp, progress };
}

describe('with and without threads', () => {
  it.each(['tricky', 'trickyArray', 'many'])('%s: the same bytes stored, the same counts and progress events', async (name) => {
    const file = files[name] as string;
    const one = await importDump(file, { workerThreads: false });
    const two = await importDump(file, { workerThreads: true });
    expect(two).toEqual(one);
  });

  it('stores the strings the records give, a lone surrogate encoded as a bound string would be', async () => {
    const db = memoryDb();
    const r = await importConversations(db, files.tricky as string, { dataset: 'ds', workerThreads: true });
    expect([r.rowsRead, r.conversations, r.added, r.duplicates, r.badRows]).toEqual([7, 5, 4, 1, 2]);
    const hex = (s: string): string => (db.prepare('SELECT hex(?) AS h').get(s) as { h: string }).h;
    const stored = db.prepare('SELECT hex(id) AS id, messages_json FROM conversation ORDER BY seq').all() as { id: string; messages_json: string }[];
    expect(stored.map((s) => s.id).slice(0, 3)).toEqual([hex('ds:a1'), hex('ds:lone\ud800x'), hex('ds:42')]);
    expect(stored[1]?.messages_json).toBe(JSON.stringify([{ role: 'user', content: 'lone \udc00 in content' }]));
    const first = db.prepare("SELECT account_id, model, created_at, turns, chars FROM conversation WHERE id = 'ds:a1'").get();
    expect(first).toEqual({ account_id: 'acct 😀', model: 'gpt-é', created_at: '2023-11-14T22:13:20.000Z', turns: 1, chars: 17 });
  });
});

describe('behaviour with threads', () => {
  it('a cancel stops after a committed batch, and a re-run adds only the rest', async () => {
    const db = memoryDb();
    const stop = new AbortController();
    const run = importConversations(db, files.many as string, {
      workerThreads: true,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.added > 0) stop.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const imp = db.prepare('SELECT status, rows_read, added FROM conversation_import').get();
    expect(imp).toEqual({ status: 'cancelled', rows_read: 2000, added: 1979 });
    const again = await importConversations(db, files.many as string, { workerThreads: true });
    expect([again.added, again.duplicates, again.badRows]).toEqual([6439 - 1979, 1979 + 488, 73]);
  });

  it('a structural error late in the file removes the whole import', async () => {
    // 1.8 MB: the error is in the second 1 MiB chunk read, after the first chunk's batches were written.
    const rows = Array.from({ length: 12_000 }, (_, i) => json({ id: `r${i}`, messages: [{ role: 'user', content: `q${i} ${'x'.repeat(100)}` }] }));
    const file = write('late.json', '[\n' + rows.join(',\n') + '\n]\ntrailing garbage\n');
    const db = memoryDb();
    let committed = 0;
    const e = await importError(importConversations(db, file, { workerThreads: true, onProgress: (p) => (committed = p.added) }));
    expect([e.file, e.line, e.reason]).toEqual([file, 12_003, 'unexpected data after the closing "]"']);
    expect(committed).toBeGreaterThan(0);
    expect(tableCounts(db)).toEqual({ imports: 0, conversations: 0, badRows: 0 });
  });

  it('mostly bad early rows fail the import as on one thread', async () => {
    const file = write('mostly-bad.jsonl', Array.from({ length: 3000 }, (_, i) => (i % 5 < 3 && i > 10 ? '{x' : row(i))).join('\n'));
    const db = memoryDb();
    const e = await importError(importConversations(db, file, { workerThreads: true }));
    expect(e.message).toMatch(/mostly-bad\.jsonl:12: 593 of the first 1000 rows are bad \(first: line 12: malformed JSON/);
    expect(tableCounts(db)).toEqual({ imports: 0, conversations: 0, badRows: 0 });
  });

  it('imports into a project file with its write-ahead log checkpointed', async () => {
    const dbPath = path.join(tmp.dir, 'p.sqlite');
    const db = openDatabase(dbPath);
    const r = await importConversations(db, files.many as string, { workerThreads: true });
    expect([r.added, r.badRows]).toEqual([6439, 73]);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000); // restored
    db.close();
  });
});

describe('the checkpointer thread', () => {
  it('copies committed pages into the database file while the writer leaves them in the log', async () => {
    const dbPath = path.join(tmp.dir, 'ckpt.sqlite');
    const db: Db = openDatabase(dbPath);
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x TEXT)');
    const before = statSync(dbPath).size;
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run('x'.repeat(2000));
    })();
    const checkpointer = Checkpointer.start(db);
    expect(checkpointer).not.toBeNull();
    const grown = await waitFor(() => statSync(dbPath).size > before + 4e6, 10_000);
    checkpointer?.stop();
    checkpointer?.check();
    expect(grown).toBe(true);
    db.close();
  });

  it('is not started without a write-ahead log', () => {
    expect(Checkpointer.start(memoryDb())).toBeNull();
  });
});

async function waitFor(done: () => boolean, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) if (done()) return true;
  return done();
}
