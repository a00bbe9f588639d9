// Whether a dataset is whole, in process: importing while its import runs, interrupted once it is
// paused (or left 'running' by a dead process), complete again after the same import is rerun; and
// the words the Conversations page and the classify picker show for each.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src-main/db/open';
import { InvalidInputError } from '../../src-main/engine/errors';
import { datasetCompleteness, importConversations, requireCompleteDatasets, type DatasetCompleteness } from '../../src-main/engine/ingest/conversations';
import { conversationDatasets } from '../../src-main/engine/service/conversations';
import { datasetStatusText, isUsable } from '../../src-renderer/features/conversations/dataset-status';
import { memoryDb, tempDir } from './helpers';

const ROWS = 6000;
let tmp: ReturnType<typeof tempDir>;
let db: Db;
let file: string;

beforeEach(() => {
  tmp = tempDir();
  db = memoryDb();
  file = join(tmp.dir, 'chats.jsonl');
  const lines = Array.from({ length: ROWS }, (_, i) => JSON.stringify({ messages: [{ role: 'user', content: `q${i}` }] }));
  writeFileSync(file, lines.join('\n') + '\n');
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

/** Imports until the first batch is committed, then pauses (aborts) it; returns what it saw meanwhile. */
async function pausedImport(): Promise<DatasetCompleteness | undefined> {
  const stop = new AbortController();
  let during: DatasetCompleteness | undefined;
  const run = importConversations(db, file, {
    signal: stop.signal,
    onProgress: (p) => {
      if (p.added === 0) return;
      during ??= datasetCompleteness(db).get('chats');
      stop.abort();
    },
  });
  await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  return during;
}

describe('dataset completeness', () => {
  it('is importing while the import runs, interrupted once paused, complete after a rerun', async () => {
    expect(await pausedImport()).toEqual({ status: 'importing', incompleteFiles: ['chats.jsonl'] });
    const [paused] = conversationDatasets(db);
    expect(paused).toMatchObject({ dataset: 'chats', status: 'interrupted', incompleteFiles: ['chats.jsonl'] });
    expect(paused!.conversations).toBeGreaterThan(0);
    expect(paused!.conversations).toBeLessThan(ROWS);
    expect(() => requireCompleteDatasets(db, ['chats'])).toThrow(InvalidInputError);
    expect(() => requireCompleteDatasets(db, ['chats'])).toThrow(/"chats" is incomplete: the import of chats\.jsonl was interrupted after \d+ conversations; rerun/);

    const rerun = await importConversations(db, file);
    expect(rerun.added).toBe(ROWS - paused!.conversations);
    expect(rerun.duplicates).toBe(paused!.conversations);
    expect(conversationDatasets(db)).toEqual([expect.objectContaining({ conversations: ROWS, status: 'complete', incompleteFiles: [] })]);
    expect(() => requireCompleteDatasets(db, ['chats'])).not.toThrow();
  });

  it("treats a 'running' row no live import writes (a crashed process) as interrupted, and closes it on rerun", async () => {
    await importConversations(db, file);
    db.prepare("INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at) VALUES ('dead', 'chats', 'chats.jsonl', 'jsonl', '', 'running', ?)").run(
      new Date().toISOString(),
    );
    expect(datasetCompleteness(db).get('chats')).toEqual({ status: 'interrupted', incompleteFiles: ['chats.jsonl'] });
    await importConversations(db, file);
    expect(db.prepare("SELECT status FROM conversation_import WHERE id = 'dead'").pluck().get()).toBe('interrupted');
    expect(datasetCompleteness(db).get('chats')?.status).toBe('complete');
  });
});

describe('dataset status text', () => {
  it('says what is wrong and what to do, and nothing for a complete dataset', () => {
    expect(datasetStatusText({ status: 'complete', conversations: 5, incompleteFiles: [] })).toBeNull();
    expect(datasetStatusText({ status: 'interrupted', conversations: 260_000, incompleteFiles: ['big.jsonl'] })).toBe(
      'interrupted — 260,000 of ? rows (the import of big.jsonl did not finish); rerun the import to complete it',
    );
    expect(datasetStatusText({ status: 'importing', conversations: 10, incompleteFiles: ['a.jsonl'] })).toMatch(/^importing a\.jsonl now/);
    expect([isUsable({ status: 'complete' }), isUsable({ status: 'interrupted' }), isUsable({ status: 'importing' })]).toEqual([true, false, false]);
  });
});
