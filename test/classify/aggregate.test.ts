// Aggregation of a run under the privacy thresholds, checked on hand-made outcomes: which tasks
// survive (>=15 conversations and >=5 distinct accounts), their shares by conversations and by
// accounts, patterns per task, skills, and usage by model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { importHierarchy } from '../../src-main/engine/hierarchy/store';
import { resolveConfig } from '../../src-main/engine/classify/run';
import { runReport } from '../../src-main/engine/classify/report';
import type { RunReport } from '../../src-shared/report';

let project: Project;
let report: RunReport;

// Three base tasks of the hand-made release (test/fixtures/mini-release) under one parent.
const TASKS = { code: 'Write code.', stories: 'Write stories.', budgets: 'Direct budgets.' };

function seed(db: Project['db']): void {
  importHierarchy(db, 'h.json', {
    format: 'task-atlas.hierarchy', version: 1, id: 'h', name: 'h', config: { taskDataset: 'mini' }, createdAt: '',
    nodes: [
      { id: 'top', level: 1, name: 'Everything', description: '', parent: null },
      { id: 'code', level: 0, name: TASKS.code, description: '', parent: 'top' },
      { id: 'stories', level: 0, name: TASKS.stories, description: '', parent: 'top' },
      { id: 'budgets', level: 0, name: TASKS.budgets, description: '', parent: 'top' },
    ],
  });
  const cfg = resolveConfig({ name: 'r', datasets: ['d'], hierarchyId: 'h' });
  db.prepare("INSERT INTO classify_run (id, config_json, status, created_at, updated_at) VALUES ('r', ?, 'complete', '', '')").run(JSON.stringify(cfg));
  db.prepare("INSERT INTO conversation_import (id, dataset, file, format, sha256, status, started_at) VALUES ('i', 'd', 'f', 'jsonl', '', 'complete', '')").run();
  const conv = db.prepare("INSERT INTO conversation (id, dataset, account_id, model, messages_json, turns, chars, import_id) VALUES (?, 'd', ?, ?, '[]', 1, 1, 'i')");
  const put = db.prepare("INSERT INTO classification (run_id, conversation_id, facet, status, value) VALUES ('r', ?, ?, 'ok', ?)");
  let n = 0;
  const add = (node: string, count: number, accounts: number, pattern: string, model: string) => {
    for (let i = 0; i < count; i++) {
      const id = `c${n++}`;
      conv.run(id, `${node}-acct-${i % accounts}`, model);
      put.run(id, 'task', node);
      put.run(id, 'pattern', pattern);
      put.run(id, 'skills', JSON.stringify(node === 'code' ? ['programming', 'critical thinking'] : ['writing']));
    }
  };
  add('code', 20, 10, 'directive', 'model-a'); // kept: 20 conversations, 10 accounts
  add('stories', 15, 5, 'learning', 'model-b'); // kept: exactly at both thresholds
  add('budgets', 30, 4, 'validation', 'model-a'); // dropped: 4 accounts < 5
  // One more, just under the conversation threshold on its own task text is not possible with three
  // tasks, so a screened-out conversation checks that it is not counted.
  conv.run('out', 'x', 'model-a');
  db.prepare("INSERT INTO classification (run_id, conversation_id, facet, status, value) VALUES ('r', 'out', 'screening', 'screened-out', 'no')").run();
}

beforeAll(() => {
  project = openProject(':memory:', { resourcesDir: resolve(__dirname, '../../resources') });
  importRelease(project.db, { dir: resolve(__dirname, '../fixtures/mini-release'), id: 'mini' });
  seed(project.db);
  report = runReport(project.db, 'r', 'mini');
});
afterAll(() => closeProject(project));

describe('run aggregation with privacy thresholds', () => {
  it('keeps tasks with >=15 conversations from >=5 accounts, and only those', () => {
    expect(report.tasks).toEqual({ total: 3, kept: 2, dropped: 1, conversationsKept: 35, conversationsDropped: 30 });
    const shares = project.db.prepare("SELECT task_name, pct FROM usage_task WHERE source_id = 'run:r' ORDER BY task_name").all();
    expect(shares).toEqual([
      { task_name: 'write code.', pct: (100 * 20) / 35 },
      { task_name: 'write stories.', pct: (100 * 15) / 35 },
    ]);
    const byAccounts = project.db.prepare("SELECT task_name, pct FROM usage_task WHERE source_id = 'run:r:accounts' ORDER BY task_name").all();
    expect(byAccounts).toEqual([
      { task_name: 'write code.', pct: (100 * 10) / 15 },
      { task_name: 'write stories.', pct: (100 * 5) / 15 },
    ]);
  });

  it('compares conversation- and account-level category shares (Figure 10)', () => {
    const cs = report.conversationVsAccount.categories.find((c) => c.title === 'Computer and Mathematical Occupations')!;
    expect(cs.byConversations).toBeCloseTo((100 * 20) / 35, 10);
    expect(cs.byAccounts).toBeCloseTo((100 * 10) / 15, 10);
  });

  it('gives automation vs augmentation per kept task, and the run-wide split', () => {
    // B.5's breakdown over the five patterns and none: each task here shows a single pattern.
    const only = (p: string) => ({ directive: 0, 'feedback loop': 0, 'task iteration': 0, learning: 0, validation: 0, none: 0, [p]: 100 });
    expect(report.patternsByTask).toEqual([
      { name: TASKS.code, conversations: 20, automationPct: 100, augmentationPct: 0, nonePct: 0, patternPct: only('directive') },
      { name: TASKS.stories, conversations: 15, automationPct: 0, augmentationPct: 100, nonePct: 0, patternPct: only('learning') },
    ]);
    const patterns = project.db.prepare("SELECT pattern, pct FROM usage_pattern WHERE source_id = 'run:r' ORDER BY pattern").all();
    expect(patterns).toEqual([
      { pattern: 'directive', pct: (100 * 20) / 35 },
      { pattern: 'learning', pct: (100 * 15) / 35 },
    ]);
  });

  it('reports skills over classified conversations (Figure 5) and usage by model (Figure 8)', () => {
    expect(report.skills).toEqual([
      { skill: 'writing', pct: (100 * 45) / 65 },
      { skill: 'critical thinking', pct: (100 * 20) / 65 },
      { skill: 'programming', pct: (100 * 20) / 65 },
    ]);
    expect(report.byModel.map((m) => [m.model, m.conversations])).toEqual([
      ['model-a', 20], // conversations of kept tasks only: "budgets" (30) is under the thresholds
      ['model-b', 15],
    ]);
    // model-a: "code" is kept (20 conv, 10 accounts), "budgets" is not, so all its usage is Computer.
    const a = report.byModel[0]!.categories.find((c) => c.title === 'Computer and Mathematical Occupations')!;
    expect(a.usagePct).toBeCloseTo(100, 10);
  });
});
