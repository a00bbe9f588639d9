// Conversation import on the real samples (oasst1 English validation, WildChat pairs), bad-row
// bookkeeping, and file-level failures that must leave no trace in the project DB.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { importConversations } from '../../src-main/engine/ingest/conversations';
import { OASST, WILDCHAT, fixture, importError, memoryDb, messagesOf, tableCounts } from './helpers';

interface RawOasst {
  message_id: string;
  parent_id: string | null;
  user_id: string;
  role: string;
  message_tree_id: string;
}

/** Independent leaf-to-root walk over the raw file, to check the importer against. */
function oasstExpectations() {
  const lines = readFileSync(OASST, 'utf8').split('\n');
  const byId = new Map<string, RawOasst & { line: number }>();
  lines.forEach((l, i) => {
    if (l.trim() !== '') {
      const m = JSON.parse(l) as RawOasst;
      byId.set(m.message_id, { ...m, line: i + 1 });
    }
  });
  const parents = new Set([...byId.values()].map((m) => m.parent_id));
  const leaves = [...byId.values()].filter((m) => !parents.has(m.message_id));
  const openers = new Set<string>();
  const noPrompterLines: number[] = [];
  for (const leaf of leaves) {
    const chain = [];
    for (let m: typeof leaf | undefined = leaf; m; m = m.parent_id === null ? undefined : byId.get(m.parent_id)) chain.unshift(m);
    const opener = chain.find((m) => m.role === 'prompter');
    if (opener) openers.add(opener.user_id);
    else noPrompterLines.push(leaf.line);
  }
  const trees = new Set([...byId.values()].map((m) => m.message_tree_id)).size;
  return { threads: leaves.length, trees, accounts: openers.size, noPrompterLines };
}

describe('real samples', () => {
  it('oasst1: one conversation per leaf-to-root thread, account = first prompter', async () => {
    const db = memoryDb();
    const want = oasstExpectations();
    expect([want.threads, want.trees]).toEqual([1005, 191]);
    const r = await importConversations(db, OASST);
    expect(r).toMatchObject({ format: 'oasst', rowsRead: 2022, trees: 191, threads: 1005, dataset: 'en-validation' });
    // Two threads are a lone assistant reply whose tree root is not in this English file: no user
    // message, so they are recorded as bad rows instead of conversations.
    expect(want.noPrompterLines).toHaveLength(2);
    expect(r.badRowSamples.map((s) => s.line)).toEqual(want.noPrompterLines);
    expect(r.conversations).toBe(1005 - 2);
    expect([r.added, r.duplicates, r.badRows]).toEqual([1003, 0, 2]);
    const accounts = db.prepare('SELECT count(DISTINCT account_id) AS n FROM conversation').get() as { n: number };
    expect(accounts.n).toBe(want.accounts);
    expect(db.prepare('SELECT count(*) AS n FROM conversation WHERE model IS NOT NULL').get()).toEqual({ n: 0 });

    const again = await importConversations(db, OASST);
    expect([again.added, again.duplicates]).toEqual([0, 1003]);
    expect(tableCounts(db).conversations).toBe(1003);
  });

  it('oasst1: a thread keeps the path from root to leaf, in order', async () => {
    const db = memoryDb();
    await importConversations(db, OASST);
    const msgs = messagesOf(db, 'en-validation:c8dc7c16-e493-4078-bdc7-368b24476ca9');
    expect(msgs.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(msgs[0]?.content).toBe('What do you think about ChatGPT?');
  });

  it('WildChat pairs: both parts into one dataset, hash ids, models, no accounts', async () => {
    const db = memoryDb();
    const [a, b] = [await importConversations(db, WILDCHAT[0] as string, { dataset: 'wildchat' }), await importConversations(db, WILDCHAT[1] as string, { dataset: 'wildchat' })];
    expect([a.format, a.added, b.added, a.badRows + b.badRows]).toEqual(['wildchat', 723, 722, 0]);
    const models = db.prepare('SELECT model, count(*) AS n FROM conversation WHERE dataset = ? GROUP BY model ORDER BY model').all('wildchat');
    expect(models).toEqual([
      { model: 'gpt-3.5-turbo-0301', n: 603 },
      { model: 'gpt-4-0314', n: 842 },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM conversation WHERE account_id IS NOT NULL').get()).toEqual({ n: 0 });
    const ids = db.prepare('SELECT id FROM conversation LIMIT 3').all() as { id: string }[];
    for (const { id } of ids) expect(id).toMatch(/^wildchat:h-[0-9a-f]{24}$/);
    const turns = db.prepare('SELECT min(turns) AS lo, max(turns) AS hi FROM conversation').get();
    expect(turns).toEqual({ lo: 1, hi: 1 });
    const again = await importConversations(db, WILDCHAT[1] as string, { dataset: 'wildchat' });
    expect([again.added, again.duplicates]).toEqual([0, 722]);
  });

  it('the import row records the file hash and final counts', async () => {
    const db = memoryDb();
    const r = await importConversations(db, WILDCHAT[0] as string, { dataset: 'wildchat' });
    const row = db.prepare('SELECT * FROM conversation_import WHERE id = ?').get(r.importId);
    expect(row).toMatchObject({
      dataset: 'wildchat',
      file: 'wildchat_clean.part1.jsonl',
      format: 'wildchat',
      sha256: 'f517e2a203dda9ec217bf00bd7b10bfe6a56de8270ea942c7403a33918a5f53b',
      rows_read: 723,
      added: 723,
      status: 'complete',
    });
  });
});

describe('bad rows', () => {
  it('are counted and recorded with their line; the good rows are imported', async () => {
    const db = memoryDb();
    const r = await importConversations(db, fixture('bad-rows.jsonl'));
    expect([r.format, r.rowsRead, r.conversations, r.added, r.badRows]).toEqual(['jsonl', 10, 6, 6, 4]);
    const bad = db.prepare('SELECT line, reason FROM conversation_bad_row WHERE import_id = ? ORDER BY line').all(r.importId) as { line: number; reason: string }[];
    expect(bad.map((b) => b.line)).toEqual([2, 5, 7, 9]);
    expect(bad[0]?.reason).toMatch(/^malformed JSON/);
    expect(bad[1]?.reason).toBe('missing "messages" array');
    expect(bad[2]?.reason).toBe('invalid UTF-8 byte 0xE9 at column 65');
    expect(bad[3]?.reason).toMatch(/no user message/);
    expect(r.badRowSamples).toEqual(bad);
    expect(messagesOf(db, 'bad-rows:b-6')).toEqual([
      { role: 'user', content: 'Task 6' },
      { role: 'assistant', content: 'ok' },
    ]);
  });
});

describe('bad rows spanning several lines', () => {
  it('JSON array element: reported at the line it starts, the bad byte at its own line', async () => {
    const db = memoryDb();
    const r = await importConversations(db, fixture('bad-utf8-claude.json'));
    expect([r.format, r.conversations, r.badRows]).toEqual(['claude-export', 3, 1]);
    expect(r.badRowSamples).toEqual([{ line: 11, reason: 'invalid UTF-8 byte 0xE9 at line 16, column 16' }]);
  });

  it('CSV record: invalid UTF-8 in a quoted multi-line field, and a malformed quote', async () => {
    const db = memoryDb();
    const r = await importConversations(db, fixture('bad-utf8.csv'));
    expect([r.conversations, r.badRows]).toEqual([3, 2]);
    expect(r.badRowSamples).toEqual([
      { line: 3, reason: 'invalid UTF-8 byte 0xE9 at line 4, column 10' },
      { line: 6, reason: 'unexpected "y" after a closing quote (unescaped quote inside a quoted field?)' },
    ]);
  });
});

describe('file-level errors leave nothing behind', () => {
  const cases: [string, string, object, RegExp, number | undefined][] = [
    ['missing file', fixture('nope.jsonl'), {}, /^file does not exist$/, undefined],
    ['UTF-16 file', fixture('utf16.jsonl'), {}, /UTF-16/, 1],
    ['CSV without the mapped column', fixture('missing-column.csv'), { mapping: { text: 'question' } }, /no column "question"/, 1],
    ['90% garbage', fixture('mostly-garbage.jsonl'), { format: 'jsonl' }, /36 of the first 40 rows are bad/, 2],
    ['90% garbage, auto', fixture('mostly-garbage.jsonl'), {}, /36 of the first 40 rows are bad/, 2],
    ['unknown format', fixture('bad-rows.jsonl'), { format: 'xml' }, /unknown format "xml"/, undefined],
    ['no known keys, auto', fixture('unrecognised.jsonl'), {}, /cannot tell the conversation format/, 1],
  ];
  it.each(cases)('%s', async (_name, file, opts, message, line) => {
    const db = memoryDb();
    const e = await importError(importConversations(db, file, opts));
    expect(e.file).toBe(file);
    expect(e.reason).toMatch(message);
    expect(e.line).toBe(line);
    expect(tableCounts(db)).toEqual({ imports: 0, conversations: 0, badRows: 0 });
  });
});
