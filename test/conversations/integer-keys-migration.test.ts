// Migration 0012_integer_keys on a project written with the schema before it: the conversation
// table is rebuilt with its rowids kept as keys, classification rows get their conversation's key,
// rows written afterwards get theirs from the trigger, and imports and reports work on the result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../src-main/db/migrate';
import { MIGRATIONS } from '../../src-main/db/migrations';
import type { Db } from '../../src-main/db/open';
import { countTasks } from '../../src-main/engine/classify/aggregate';
import { resolveConfig } from '../../src-main/engine/classify/run';
import { importHierarchy } from '../../src-main/engine/hierarchy/store';

let db: Db;
const before = MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name === '0011_reconstruction') + 1);

function seedOldSchema(): void {
  db.prepare("INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at) VALUES ('i', 'd', 'f', 'jsonl', '', 'complete', '')").run();
  const conv = db.prepare("INSERT INTO conversation (id, dataset, account_id, model, messages_json, turns, chars, import_id) VALUES (?, 'd', ?, 'm', '[]', 1, 1, 'i')");
  const put = db.prepare("INSERT INTO classification (run_id, conversation_id, facet, status, value) VALUES ('r', ?, 'task', 'ok', ?)");
  const cfg = resolveConfig({ name: 'r', datasets: ['d'], hierarchyId: 'h', thresholds: { minConversations: 2, minAccounts: 2 } });
  db.prepare("INSERT INTO classify_run (id, config_json, status, created_at, updated_at) VALUES ('r', ?, 'complete', '', '')").run(JSON.stringify(cfg));
  for (let i = 0; i < 10; i++) conv.run(`d:c${i}`, `a${i % 3}`);
  db.prepare("DELETE FROM conversation WHERE id = 'd:c4'").run(); // a gap in the rowids
  for (let i = 0; i < 10; i++) if (i !== 4) put.run(`d:c${i}`, i < 6 ? 'x' : 'y');
}

beforeAll(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, before);
  seedOldSchema();
  importHierarchy(db, 'h.json', {
    format: 'task-atlas.hierarchy', version: 1, id: 'h', name: 'h', config: { taskDataset: 'x' }, createdAt: '',
    nodes: [{ id: 'top', level: 1, name: 'Top', description: '', parent: null }, ...['x', 'y'].map((id) => ({ id, level: 0, name: id, description: '', parent: 'top' }))],
  });
  expect(migrate(db, MIGRATIONS)).toContain('0012_integer_keys');
});
afterAll(() => db.close());

describe('0012_integer_keys', () => {
  it('keeps every conversation with its rowid as its key', () => {
    const rows = db.prepare('SELECT seq, id, account_id FROM conversation ORDER BY seq').all() as { seq: number; id: string }[];
    expect(rows).toHaveLength(9);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10]);
    expect(rows.every((r) => r.id === `d:c${r.seq - 1}`)).toBe(true);
  });

  it("fills existing classification rows with their conversation's key, and new rows by trigger", () => {
    const mismatched = db.prepare('SELECT count(*) FROM classification c JOIN conversation v ON v.id = c.conversation_id WHERE c.conversation_seq IS NOT v.seq').pluck();
    expect(mismatched.get()).toBe(0);
    db.prepare("INSERT INTO conversation (id, dataset, account_id, model, messages_json, turns, chars, import_id) VALUES ('d:new', 'd', 'a9', 'm', '[]', 1, 1, 'i')").run();
    db.prepare("INSERT OR REPLACE INTO classification (run_id, conversation_id, facet, status, value) VALUES ('r', 'd:new', 'task', 'ok', 'y')").run();
    expect(db.prepare("SELECT conversation_seq FROM classification WHERE conversation_id = 'd:new'").pluck().get()).toBe(11);
    expect(mismatched.get()).toBe(0);
  });

  it('never reuses the key of a deleted conversation', () => {
    db.prepare("DELETE FROM classification WHERE conversation_id = 'd:new'").run();
    db.prepare("DELETE FROM conversation WHERE id = 'd:new'").run();
    db.prepare("INSERT INTO conversation (id, dataset, messages_json, turns, chars, import_id) VALUES ('d:newer', 'd', '[]', 1, 1, 'i')").run();
    expect(db.prepare("SELECT seq FROM conversation WHERE id = 'd:newer'").pluck().get()).toBe(12);
    db.prepare("DELETE FROM conversation WHERE id = 'd:newer'").run();
  });

  it('serves the aggregation from the new indexes with the same counts', () => {
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' AND tbl_name IN ('conversation', 'classification')").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['conversation_dataset_import', 'conversation_dataset_seq', 'classification_facet', 'classification_value']));
    expect(indexes).not.toContain('conversation_dataset');
    const cfg = resolveConfig({ name: 'r', datasets: ['d'], hierarchyId: 'h', thresholds: { minConversations: 2, minAccounts: 2 } });
    expect(countTasks(db, cfg)).toEqual({
      accountsKnown: true,
      tasks: [
        { nodeId: 'x', task: 'x', conversations: 5, accounts: 3, kept: true },
        { nodeId: 'y', task: 'y', conversations: 4, accounts: 3, kept: true },
      ],
    });
  });
});
