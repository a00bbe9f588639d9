// A hand-made run "r" over a three-level hierarchy (top > middle > base) on the mini release, with
// known counts per base task, model and collaboration pattern, so Figures 11 and 12, the task-level
// Figure 8 and the B.5 breakdowns can be checked against hand computations. Thresholds are the
// paper's (15 conversations from 5 accounts).
import { resolve } from 'node:path';
import { openProject, type Project } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { importHierarchy } from '../../src-main/engine/hierarchy/store';
import { resolveConfig } from '../../src-main/engine/classify/run';

const TOPS = [
  ['t-biz', 'Run a business'],
  ['t-make', 'Make things'],
] as const;

const MIDDLES = [
  ['m-manage', 'Manage people and money', 't-biz'],
  ['m-report', 'Report on the business', 't-biz'],
  ['m-soft', 'Build software', 't-make'],
  ['m-create', 'Create written works', 't-make'],
] as const;

interface BaseSpec {
  id: string;
  name: string;
  parent: string;
  accounts: number;
  /** [model, conversations]: the task's conversations are these, in order. */
  models: [string, number][];
  /** [pattern, conversations]: the rest of the task's conversations have no pattern answer. */
  patterns: [string, number][];
}

/**
 * Kept (>=15 conversations, >=5 accounts): budgets 21, hires 16, reports 30, code 15, drafts 18 = 100.
 * Dropped: stories (4 accounts), pitch (14 conversations). Model-c answered only dropped tasks.
 */
export const BASE: BaseSpec[] = [
  { id: 'b-budgets', name: 'Direct budgets.', parent: 'm-manage', accounts: 6, models: [['model-a', 21]], patterns: [['directive', 14], ['feedback loop', 7]] },
  { id: 'b-hires', name: 'Approve hires.', parent: 'm-manage', accounts: 5, models: [['model-a', 8], ['model-b', 8]], patterns: [['task iteration', 7], ['none', 7]] },
  { id: 'b-reports', name: 'Write reports.', parent: 'm-report', accounts: 10, models: [['model-a', 10], ['model-b', 20]], patterns: [['task iteration', 15], ['learning', 15]] },
  { id: 'b-code', name: 'Write code.', parent: 'm-soft', accounts: 5, models: [['model-a', 15]], patterns: [['feedback loop', 12], ['directive', 3]] },
  { id: 'b-drafts', name: 'Edit drafts.', parent: 'm-create', accounts: 6, models: [['model-a', 6], ['model-b', 12]], patterns: [['learning', 9], ['validation', 3], ['none', 5]] },
  { id: 'b-stories', name: 'Write stories.', parent: 'm-create', accounts: 4, models: [['model-c', 20]], patterns: [['validation', 20]] },
  { id: 'b-pitch', name: 'Pitch ideas.', parent: 'm-create', accounts: 5, models: [['model-a', 14]], patterns: [['learning', 14]] },
  { id: 'b-events', name: 'Attend events.', parent: 'm-create', accounts: 1, models: [], patterns: [] },
];

export function hierarchyProject(): Project {
  const project = openProject(':memory:', { resourcesDir: resolve(__dirname, '../../resources') });
  importRelease(project.db, { dir: resolve(__dirname, '../fixtures/mini-release'), id: 'mini' });
  seedHierarchyRun(project.db);
  return project;
}

function seedHierarchyRun(db: Project['db']): void {
  importHierarchy(db, 'h3.json', {
    format: 'task-atlas.hierarchy', version: 1, id: 'h3', name: 'h3', config: { taskDataset: 'mini' }, createdAt: '',
    nodes: [
      ...TOPS.map(([id, name]) => ({ id, level: 2, name, description: '', parent: null })),
      ...MIDDLES.map(([id, name, parent]) => ({ id, level: 1, name, description: '', parent })),
      ...BASE.map((b) => ({ id: b.id, level: 0, name: b.name, description: '', parent: b.parent })),
    ],
  });
  const cfg = resolveConfig({ name: 'r', datasets: ['d'], hierarchyId: 'h3' });
  db.prepare("INSERT INTO classify_run (id, config_json, status, created_at, updated_at) VALUES ('r', ?, 'complete', '', '')").run(JSON.stringify(cfg));
  db.prepare("INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at) VALUES ('i', 'd', 'f', 'jsonl', '', 'complete', '')").run();
  const conv = db.prepare("INSERT INTO conversation (id, dataset, account_id, model, messages_json, turns, chars, import_id) VALUES (?, 'd', ?, ?, '[]', 1, 1, 'i')");
  const put = db.prepare("INSERT INTO classification (run_id, conversation_id, facet, status, value, reason) VALUES ('r', ?, ?, 'ok', ?, ?)");
  let n = 0;
  for (const b of BASE) {
    const models = b.models.flatMap(([m, k]) => Array<string>(k).fill(m));
    const patterns = b.patterns.flatMap(([p, k]) => Array<string>(k).fill(p));
    const top = MIDDLES.find(([id]) => id === b.parent)![2];
    models.forEach((model, i) => {
      const id = `c${n++}`;
      conv.run(id, `${b.id}-acct-${i % b.accounts}`, model);
      put.run(id, 'task', b.id, `${top}>${b.parent}>${b.id}`);
      if (i < patterns.length) put.run(id, 'pattern', patterns[i], null);
    });
  }
}
