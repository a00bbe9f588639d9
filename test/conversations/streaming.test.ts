// Streaming behaviour: batches survive a cancel and a re-run adds only the rest; a late
// file-level error rolls back committed batches; memory stays flat on a file larger than the bound.
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { statSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src-main/db/open';
import { importConversations } from '../../src-main/engine/ingest/conversations';
import { generateSynthetic, syntheticConversation } from '../../src-main/engine/ingest/conversations/synthetic';
import { importError, memoryDb, tableCounts, tempDir } from './helpers';

const tmp = tempDir();
const SMALL = path.join(tmp.dir, 'small.jsonl');
beforeAll(() => generateSynthetic(SMALL, 10_000, 3));
afterAll(() => tmp.cleanup());

describe('cancellation', () => {
  it('stops after the current batch, marks the import cancelled, and a re-run adds only the rest', async () => {
    const file = SMALL;
    const db = memoryDb();
    const ctl = new AbortController();
    const seen: number[] = [];
    const run = importConversations(db, file, {
      signal: ctl.signal,
      onProgress: (p) => {
        seen.push(p.rowsRead);
        if (p.added >= 2000) ctl.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const imp = db.prepare('SELECT status, added, duplicates FROM conversation_import').get();
    expect(imp).toEqual({ status: 'cancelled', added: 2000, duplicates: 0 });
    expect(tableCounts(db).conversations).toBe(2000);
    expect(seen[0]).toBe(1000); // progress at least every 1,000 rows

    const r = await importConversations(db, file);
    expect([r.added, r.duplicates, r.conversations]).toEqual([8000, 2000, 10_000]);
    expect(tableCounts(db).conversations).toBe(10_000);
  });

  it('an already-aborted signal writes nothing', async () => {
    const db = memoryDb();
    await expect(importConversations(db, SMALL, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(tableCounts(db)).toEqual({ imports: 0, conversations: 0, badRows: 0 });
  });
});

describe('rollback', () => {
  it('a structural error after several committed batches removes the whole import', async () => {
    const file = path.join(tmp.dir, 'late-error.json');
    const r = () => 0.5;
    const elements = Array.from({ length: 5000 }, (_, i) => JSON.stringify(syntheticConversation(r, i)));
    writeFileSync(file, '[\n' + elements.join(',\n') + '\n]\n');
    appendFileSync(file, 'trailing garbage\n');
    const db = memoryDb();
    const before = await importConversations(db, SMALL, { dataset: 'keep' });
    const e = await importError(importConversations(db, file));
    expect([e.file, e.line, e.reason]).toEqual([file, 5003, 'unexpected data after the closing "]"']);
    // Only the earlier, unrelated import is left.
    expect(tableCounts(db)).toEqual({ imports: 1, conversations: before.added, badRows: 0 });
  });
});

describe('memory', () => {
  it('imports a 200,000-line file (>130 MB) with heap growth under 100 MB', async () => {
    const file = path.join(tmp.dir, 'big.jsonl');
    const bytes = await generateSynthetic(file, 200_000, 11);
    expect(bytes).toBe(statSync(file).size);
    expect(bytes).toBeGreaterThan(130e6);
    const db = openDatabase(path.join(tmp.dir, 'big.sqlite'));
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    const r = await importConversations(db, file, {
      onProgress: () => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      },
    });
    db.close();
    expect([r.added, r.badRows]).toEqual([200_000, 0]);
    // Holding the file as one string alone would take ~130 MB of heap; streaming stays near batch size.
    expect((peak - base) / 2 ** 20).toBeLessThan(100);
  });
});
