// A hand-made classification run over the mini release (as in test/classify/aggregate.test.ts),
// with tasks just over and just under the privacy thresholds (15 conversations, 5 accounts), and
// marker strings in every conversation text and account id so a byte grep can find any leak.
import { resolve } from 'node:path';
import { openProject, type Project } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { importHierarchy } from '../../src-main/engine/hierarchy/store';
import { resolveConfig } from '../../src-main/engine/classify/run';

export const KEPT = ['Write code.', 'Write reports.'];
export const DROPPED = ['Direct budgets.', 'Write stories.'];
export const TEXT_MARKER = 'ZQXTEXTMARKER';
export const ACCOUNT_MARKER = 'ZQXACCOUNTMARKER';

const NODES = [
  // [node id, name, conversations, accounts]
  ['n-code', 'Write code.', 15, 5], // kept: exactly at both thresholds
  ['n-reports', 'Write reports.', 30, 10], // kept
  ['n-budgets', 'Direct budgets.', 14, 5], // dropped: one conversation short
  ['n-stories', 'Write stories.', 20, 4], // dropped: one account short
] as const;

export function runProject(): Project {
  const project = openProject(':memory:', { resourcesDir: resolve(__dirname, '../../resources') });
  importRelease(project.db, { dir: resolve(__dirname, '../fixtures/mini-release'), id: 'mini' });
  seedRun(project.db);
  return project;
}

/**
 * Hierarchy "h" over `taskDataset` (which must hold the mini release's task statements) and the
 * complete run "r" with the conversations and classifications above.
 */
export function seedRun(db: Project['db'], taskDataset = 'mini'): void {
  importHierarchy(db, 'h.json', {
    format: 'task-atlas.hierarchy', version: 1, id: 'h', name: 'h', config: { taskDataset }, createdAt: '',
    nodes: [
      { id: 'top', level: 1, name: 'Everything', description: '', parent: null },
      ...NODES.map(([id, name]) => ({ id, level: 0, name, description: '', parent: 'top' })),
    ],
  });
  const cfg = resolveConfig({ name: 'r', datasets: ['d'], hierarchyId: 'h' });
  db.prepare("INSERT INTO classify_run (id, config_json, status, created_at, updated_at) VALUES ('r', ?, 'complete', '', '')").run(JSON.stringify(cfg));
  db.prepare("INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at) VALUES ('i', 'd', 'f.jsonl', 'jsonl', 'abc', 'complete', '')").run();
  const conv = db.prepare("INSERT INTO conversation (id, dataset, account_id, model, messages_json, turns, chars, import_id) VALUES (?, 'd', ?, ?, ?, 1, 1, 'i')");
  const put = db.prepare("INSERT INTO classification (run_id, conversation_id, facet, status, value) VALUES ('r', ?, ?, 'ok', ?)");
  let n = 0;
  for (const [node, , count, accounts] of NODES) {
    for (let i = 0; i < count; i++) {
      const id = `c${n++}`;
      const messages = [{ role: 'user', content: `${TEXT_MARKER}-${node}-${i} please help, "quoted", with commas` }, { role: 'assistant', content: 'Sure.' }];
      conv.run(id, `${ACCOUNT_MARKER}-${node}-${i % accounts}`, i % 2 ? 'model-a' : 'model-b', JSON.stringify(messages));
      put.run(id, 'task', node);
      put.run(id, 'pattern', i % 3 ? 'directive' : 'learning');
      put.run(id, 'skills', JSON.stringify(['writing']));
    }
  }
}
