// Migration 0015_validation_design on a project with a packet stored before it: each item finds its
// conversation (by the item id's hash), the chance it was drawn stays unknown (NULL), and an item
// whose classification row is gone gets no row.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/db/migrate';
import { MIGRATIONS } from '../../src-main/db/migrations';
import type { Db } from '../../src-main/db/open';
import { itemIdFor } from '../../src-main/engine/validate/packet';

let db: Db;
const before = MIGRATIONS.filter((m) => m.name !== '0015_validation_design');
const item = (conversation: string, facet: 'task' | 'pattern') => ({ itemId: itemIdFor('r', conversation, facet), facet });

beforeAll(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, before);
  db.prepare("INSERT INTO classify_run (id, config_json, status, created_at, updated_at) VALUES ('r', '{}', 'complete', '', '')").run();
  const put = db.prepare("INSERT INTO classification (run_id, conversation_id, facet, status, value) VALUES ('r', ?, ?, 'ok', 'x')");
  for (const c of ['d:a', 'd:b', 'd:c']) for (const f of ['task', 'pattern']) put.run(c, f);
  // d:gone's classification was deleted after the packet was drawn.
  const items = [item('d:a', 'pattern'), item('d:c', 'pattern'), item('d:gone', 'pattern')];
  const packets = [
    ['vp-1', { items }],
    ['vp-2', { items: [item('d:b', 'task')] }],
  ] as const;
  for (const [id, packet] of packets) {
    db.prepare("INSERT INTO validation_packet (id, run_id, created_at, packet_json) VALUES (?, 'r', '', ?)").run(id, JSON.stringify(packet));
  }
  expect(migrate(db, MIGRATIONS)).toEqual(['0015_validation_design']);
});
afterAll(() => db.close());

describe('0015_validation_design', () => {
  it("finds each stored item's conversation, with the draw's chances unknown", () => {
    const rows = db.prepare('SELECT packet_id, item_id, conversation_id, population, sampled FROM validation_design ORDER BY packet_id, conversation_id').all();
    expect(rows).toEqual([
      { packet_id: 'vp-1', item_id: itemIdFor('r', 'd:a', 'pattern'), conversation_id: 'd:a', population: null, sampled: null },
      { packet_id: 'vp-1', item_id: itemIdFor('r', 'd:c', 'pattern'), conversation_id: 'd:c', population: null, sampled: null },
      { packet_id: 'vp-2', item_id: itemIdFor('r', 'd:b', 'task'), conversation_id: 'd:b', population: null, sampled: null },
    ]);
  });

  it('drops the design rows with their packet', () => {
    db.prepare("DELETE FROM validation_packet WHERE id = 'vp-2'").run();
    expect(db.prepare('SELECT COUNT(*) FROM validation_design').pluck().get()).toBe(2);
  });
});
