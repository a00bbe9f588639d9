// oasst files with "one conversation per tree (longest branch)": the importer keeps, for each message
// tree of the shared oasst1 sample, only its longest root-to-leaf branch, checked against an
// independent walk over the raw file; the default still imports every branch.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importConversations } from '../../src-main/engine/ingest/conversations';
import { JOB_ARGS } from '../../src-shared/jobs';
import { OASST, memoryDb, messagesOf } from './helpers';

interface Raw {
  message_id: string;
  parent_id: string | null;
  message_tree_id: string;
  role: string;
}

/** Per tree: the id of the first leaf (in file order) of its longest branch, and that branch's length. */
function longestBranches(): Map<string, { leaf: string; length: number }> {
  const rows = readFileSync(OASST, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Raw);
  const byId = new Map(rows.map((r) => [r.message_id, r]));
  const parents = new Set(rows.map((r) => r.parent_id));
  const best = new Map<string, { leaf: string; length: number }>();
  for (const leaf of rows.filter((r) => !parents.has(r.message_id))) {
    let length = 0;
    for (let m: Raw | undefined = leaf; m; m = m.parent_id === null ? undefined : byId.get(m.parent_id)) length++;
    const current = best.get(leaf.message_tree_id);
    if (!current || length > current.length) best.set(leaf.message_tree_id, { leaf: leaf.message_id, length });
  }
  return best;
}

describe('oasst import, one conversation per tree', () => {
  it('keeps each tree\'s longest branch only, root to leaf', async () => {
    const want = longestBranches();
    expect(want.size).toBe(191);
    const db = memoryDb();
    const r = await importConversations(db, OASST, { oasstMode: 'longest', dataset: 'trees' });
    expect(r).toMatchObject({ format: 'oasst', rowsRead: 2022, trees: 191, threads: 191 });
    // The two lone assistant replies whose tree root is not in the file are still bad rows.
    expect([r.added, r.badRows]).toEqual([189, 2]);
    const ids = db.prepare("SELECT id FROM conversation WHERE dataset = 'trees' ORDER BY id").pluck().all() as string[];
    const expected = [...want.values()].map((b) => `trees:${b.leaf}`);
    expect(ids).toHaveLength(189);
    expect(ids.every((id) => expected.includes(id))).toBe(true);
    const lengths = [...want.values()].filter((b) => ids.includes(`trees:${b.leaf}`)).map((b) => [b.length, messagesOf(db, `trees:${b.leaf}`).length]);
    expect(lengths.every(([raw, kept]) => kept === raw)).toBe(true);
    // The sample's first tree: of its branches, the deepest (5 messages) is the one kept.
    const first = ids.map((id) => messagesOf(db, id)).find((m) => m[0]?.content === 'What do you think about ChatGPT?')!;
    expect(first.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
  });

  it('still imports every branch by default, and the job accepts the option', async () => {
    const db = memoryDb();
    const r = await importConversations(db, OASST, { dataset: 'branches' });
    expect([r.threads, r.added]).toEqual([1005, 1003]);
    expect(JOB_ARGS['conversations.import'].parse({ path: 'a.jsonl', oasstMode: 'longest' }).oasstMode).toBe('longest');
    expect(JOB_ARGS['conversations.import'].safeParse({ path: 'a.jsonl', oasstMode: 'one' }).success).toBe(false);
  });
});
