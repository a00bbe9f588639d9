// A tiny project for the validation tests: a three-level hierarchy, one classification run, 40
// conversations, and classification rows written by hand so every expected figure can be worked out.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src-main/db/open';
import { importHierarchy } from '../../src-main/engine/hierarchy/store';
import { LABELS_FORMAT, type Label, type LabelFile, type ValidationPacket } from '../../src-shared/validation';

export const RUN = 'run-v';
export const cid = (i: number) => `t:c${String(i).padStart(2, '0')}`;

// T1 Software { M1 Web dev { B1 Fix CSS, B2 Build API }, M2 Data { B3 SQL queries } }
// T2 Writing  { M3 Editing { B4 Proofread, B5 Translate } }
const NODES: [string, number, string, string | null][] = [
  ['T1', 2, 'Software', null],
  ['T2', 2, 'Writing', null],
  ['M1', 1, 'Web dev', 'T1'],
  ['M2', 1, 'Data', 'T1'],
  ['M3', 1, 'Editing', 'T2'],
  ['B1', 0, 'Fix CSS', 'M1'],
  ['B2', 0, 'Build API', 'M1'],
  ['B3', 0, 'SQL queries', 'M2'],
  ['B4', 0, 'Proofread', 'M3'],
  ['B5', 0, 'Translate', 'M3'],
];

/** Task: c01–c10 T1>M1>B1, c11–c18 T1>M2>B3, c19–c30 T2>M3>B4, c31–c35 unclassified, c36–c40 screened out. */
export function taskPath(i: number): string | null {
  if (i <= 10) return 'T1>M1>B1';
  if (i <= 18) return 'T1>M2>B3';
  if (i <= 30) return 'T2>M3>B4';
  return null;
}

/** Pattern: c01–c08 directive, c09–c14 feedback loop, c15–c18 task iteration, c19–c20 learning; rest unclassified. */
export function patternOf(i: number): string | null {
  if (i <= 8) return 'directive';
  if (i <= 14) return 'feedback loop';
  if (i <= 18) return 'task iteration';
  if (i <= 20) return 'learning';
  return null;
}

export function makeProject(): { db: Db; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'validate-'));
  const db = openDatabase(join(dir, 'project.sqlite'));
  importHierarchy(db, 'h.json', {
    format: 'task-atlas.hierarchy',
    version: 1,
    id: 'h1',
    name: 'tiny',
    config: {},
    createdAt: '2025-01-01T00:00:00Z',
    nodes: NODES.map(([id, level, name, parent]) => ({ id, level, name, description: '', parent })),
  });
  const now = '2025-01-01T00:00:00Z';
  db.prepare("INSERT INTO classify_run (id, config_json, status, created_at, updated_at) VALUES (?, ?, 'complete', ?, ?)").run(
    RUN,
    // Thresholds of 1: every task is kept, so the corrected pattern shares count every conversation.
    JSON.stringify({ name: RUN, datasets: ['t'], hierarchyId: 'h1', thresholds: { minConversations: 1, minAccounts: 1 } }),
    now,
    now,
  );
  db.prepare("INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at) VALUES ('imp', 't', 'f', 'jsonl', 'x', 'done', ?)").run(now);
  const conv = db.prepare('INSERT INTO conversation (id, dataset, messages_json, turns, chars, import_id) VALUES (?, ?, ?, 2, 10, ?)');
  const cls = db.prepare('INSERT INTO classification (run_id, conversation_id, facet, status, value, reason) VALUES (?, ?, ?, ?, ?, ?)');
  for (let i = 1; i <= 40; i++) {
    const user = i === 1 ? 'Mail jo@example.com or +1 415-555-0132 about https://x.org/a, ref 12345678' : `question ${i}`;
    const messages = [{ role: 'system', content: 'hidden' }, { role: 'user', content: user }, { role: 'assistant', content: `answer ${i}` }];
    conv.run(cid(i), 't', JSON.stringify(messages), 'imp');
    const path = taskPath(i);
    if (path) cls.run(RUN, cid(i), 'task', 'ok', path.split('>')[2], path);
    else cls.run(RUN, cid(i), 'task', i <= 35 ? 'unclassified' : 'screened-out', null, 'level 1: no answer');
    const p = patternOf(i);
    cls.run(RUN, cid(i), 'pattern', p ? 'ok' : 'unclassified', p, p ? null : 'failed');
  }
  return { db, dir };
}

export function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A label file as a validator's tool would write it, checksum included. */
export function labelFile(packet: ValidationPacket, validator: string, labels: Label[]): LabelFile {
  return {
    format: LABELS_FORMAT,
    version: 1,
    packetId: packet.packetId,
    runId: packet.runId,
    validator,
    exportedAt: '2025-02-01T00:00:00Z',
    labels,
    checksum: sha(JSON.stringify(labels)),
  };
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

export function labelTable(db: Db): unknown[] {
  return db.prepare('SELECT * FROM validation_label ORDER BY packet_id, validator, item_id').all();
}
