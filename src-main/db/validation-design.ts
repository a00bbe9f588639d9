// Migration 0015_validation_design: the sampling design of each validation packet, one row per item.
// The design-weighted correction of pattern shares (engine/validate/weighted.ts) needs to know which
// conversation an item is (to keep only conversations whose task passed the privacy thresholds) and
// what chance it had to be drawn. Packets sent to validators carry neither: item ids are hashes, so
// finding a conversation from an item would mean hashing every conversation of the run per report.
//
// Packets stored before this migration get their conversations found once, here, by that hashing;
// the chance they were drawn with was not recorded then, so their population and sampled are NULL.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

const table = `
CREATE TABLE validation_design (
  packet_id TEXT NOT NULL REFERENCES validation_packet(id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  -- N: the items the draw chose from (the item's stratum, or the whole run for a simple sample)
  population INTEGER,
  -- n: how many it drew; the inclusion probability is n / N
  sampled INTEGER,
  PRIMARY KEY (packet_id, item_id)
);
CREATE INDEX validation_design_conversation ON validation_design (conversation_id);
`;

interface StoredPacket {
  id: string;
  run_id: string;
  packet_json: string;
}

export function validationDesignMigration(db: Database.Database): void {
  db.exec(table);
  const packets = db.prepare('SELECT id, run_id, packet_json FROM validation_packet ORDER BY id').all() as StoredPacket[];
  const insert = db.prepare('INSERT INTO validation_design (packet_id, item_id, conversation_id) VALUES (?, ?, ?)');
  const byRunFacet = new Map<string, Map<string, string>>();
  for (const p of packets) {
    const items = (JSON.parse(p.packet_json) as { items: { itemId: string; facet: string }[] }).items;
    for (const it of items) {
      const conversation = conversationsOf(db, byRunFacet, p.run_id, it.facet).get(it.itemId);
      // An item whose classification row is gone stays without a row; the correction counts it out.
      if (conversation !== undefined) insert.run(p.id, it.itemId, conversation);
    }
  }
}

/** item id → conversation id for a run's facet, by the item id formula of packet.ts as it stands (frozen here). */
function conversationsOf(db: Database.Database, cache: Map<string, Map<string, string>>, runId: string, facet: string): Map<string, string> {
  const key = `${runId}\u0000${facet}`;
  const known = cache.get(key);
  if (known) return known;
  const ids = db.prepare('SELECT conversation_id FROM classification WHERE run_id = ? AND facet = ?').pluck().all(runId, facet) as string[];
  const map = new Map(ids.map((c) => [createHash('sha256').update(runId + c + facet).digest('hex').slice(0, 24), c]));
  cache.set(key, map);
  return map;
}
