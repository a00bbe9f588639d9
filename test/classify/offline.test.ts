// The offline classifier (embedding similarity down the hierarchy) beside the Claude path on the
// same conversations: both account for every conversation, the offline run is labelled as such,
// and their agreement is reported per level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { importConversations } from '../../src-main/engine/ingest/conversations';
import { generateSynthetic } from '../../src-main/engine/ingest/conversations/synthetic';
import { importHierarchy } from '../../src-main/engine/hierarchy/store';
import { classifyRun } from '../../src-main/engine/classify/run';
import { runAgreement } from '../../src-main/engine/classify/agreement';
import { runReport } from '../../src-main/engine/classify/report';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { llmFor, TEST_MODEL, tinyEmbedding } from '../hierarchy/support';
import { TINY_HIERARCHY } from '../fixtures/tiny-hierarchy';

let project: Project;
let fake: FakeAnthropic;
const models = { screening: TEST_MODEL, task: TEST_MODEL, pattern: TEST_MODEL, skills: TEST_MODEL, summary: TEST_MODEL };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-offline-'));
  project = openProject(join(dir, 'p.sqlite'), { resourcesDir: resolve(__dirname, '../../resources') });
  importRelease(project.db, { dir: resolve(__dirname, '../fixtures/mini-release'), id: 'mini' });
  importHierarchy(project.db, 'h.json', TINY_HIERARCHY);
  const file = join(dir, 'c.jsonl');
  await generateSynthetic(file, 60, 5);
  await importConversations(project.db, file, { dataset: 'c' });
  fake = await startFakeAnthropic({ seed: 4 });
  await classifyRun({ db: project.db, llm: llmFor(project, fake) }, { name: 'claude', datasets: ['c'], hierarchyId: 'h', models });
  const embedding = await tinyEmbedding(project);
  try {
    await classifyRun({ db: project.db, embed: embedding.embed }, { name: 'offline', datasets: ['c'], hierarchyId: 'h', method: 'offline-embedding' });
  } finally {
    await embedding.close();
  }
}, 120_000);
afterAll(async () => {
  closeProject(project);
  await fake.close();
});

describe('offline classifier', () => {
  it('maps every conversation to a base task, with no screening, labelled offline-embedding', () => {
    const rows = project.db.prepare("SELECT status, count(*) AS n FROM classification WHERE run_id = 'offline' AND facet = 'task' GROUP BY status").all();
    expect(rows).toEqual([{ status: 'ok', n: 60 }]);
    const cfg = JSON.parse(project.db.prepare("SELECT config_json FROM classify_run WHERE id = 'offline'").pluck().get() as string);
    expect(cfg.method).toBe('offline-embedding');
    expect(cfg.promptVersions).toEqual({ task: 'offline-embedding' });
    expect(runReport(project.db, 'offline', 'mini').method).toBe('offline-embedding');
  });

  it('reports its agreement with the Claude path, level by level, over the conversations both classified', () => {
    const claudeClassified = project.db
      .prepare("SELECT count(*) FROM classification WHERE run_id = 'claude' AND facet = 'task' AND status = 'ok'")
      .pluck()
      .get() as number;
    const a = runAgreement(project.db, 'offline', 'claude');
    expect(a.compared).toBe(claudeClassified);
    expect(a.byLevel.map((l) => l.level)).toEqual(['level 2', 'level 1', 'task']);
    // Agreement can only fall going down: a different top level means a different task.
    const [top, mid, task] = a.byLevel.map((l) => l.agree);
    expect(top!).toBeGreaterThanOrEqual(mid!);
    expect(mid!).toBeGreaterThanOrEqual(task!);
    // Recompute the task-level figure directly.
    const same = project.db
      .prepare(
        `SELECT count(*) FROM classification a JOIN classification b ON a.conversation_id = b.conversation_id
         WHERE a.run_id = 'offline' AND b.run_id = 'claude' AND a.facet = 'task' AND b.facet = 'task' AND b.status = 'ok' AND a.value = b.value`,
      )
      .pluck()
      .get() as number;
    expect(task).toBeCloseTo(same / claudeClassified, 12);
  });
});
