// A k = 3 run against the fake server (paper §3, B.1): the adapted F.2 prompt at every level, the
// traversal's round-robin over the chosen paths, the ordered choices stored as facet 'tasks' with
// the first choice as facet 'task', and the number of calls bounded by 1 + k·depth per conversation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { importConversations } from '../../src-main/engine/ingest/conversations';
import { importHierarchy } from '../../src-main/engine/hierarchy/store';
import { classifyRun, resolveConfig } from '../../src-main/engine/classify/run';
import { runReport } from '../../src-main/engine/classify/report';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { llmFor, TEST_MODEL } from '../hierarchy/support';
import { TINY_HIERARCHY } from '../fixtures/tiny-hierarchy';

let project: Project;
let fake: FakeAnthropic;
const models = { screening: TEST_MODEL, task: TEST_MODEL, pattern: TEST_MODEL, skills: TEST_MODEL, summary: TEST_MODEL };

// Each user turn is long enough to pass the fake's screening; the words decide the fake's options.
const CONVERSATIONS = [
  { id: 'one', text: 'Please write code and write stories for my software and writing work this week.' },
  { id: 'two', text: 'Direct budgets and approve hires for the office management work, and write code for the software work.' },
  { id: 'three', text: 'Please write stories about dragons for the software and writing project of a children book.' },
];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-multi-'));
  project = openProject(join(dir, 'p.sqlite'), { resourcesDir: resolve(__dirname, '../../resources') });
  importRelease(project.db, { dir: resolve(__dirname, '../fixtures/mini-release'), id: 'mini' });
  importHierarchy(project.db, 'h.json', TINY_HIERARCHY);
  const file = join(dir, 'c.jsonl');
  const lines = CONVERSATIONS.map((c, i) => JSON.stringify({ id: c.id, account_id: `acct-${i}`, messages: [{ role: 'user', content: c.text }, { role: 'assistant', content: 'Done.' }] }));
  writeFileSync(file, lines.join('\n') + '\n');
  await importConversations(project.db, file, { dataset: 'c' });
  fake = await startFakeAnthropic({ seed: 3 });
  const llm = llmFor(project, fake);
  await classifyRun({ db: project.db, llm }, { name: 'single', datasets: ['c'], hierarchyId: 'h', models, facets: ['screening', 'task'] });
  await classifyRun({ db: project.db, llm }, { name: 'multi', datasets: ['c'], hierarchyId: 'h', models, facets: ['screening', 'task'], tasksPerConversation: 3 });
}, 60_000);
afterAll(async () => {
  closeProject(project);
  await fake.close();
});

function facet(run: string, name: string): Record<string, string> {
  const rows = project.db
    .prepare("SELECT conversation_id AS id, value FROM classification WHERE run_id = ? AND facet = ? AND status = 'ok'")
    .all(run, name) as { id: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.id, r.value]));
}

describe('a multi-task run on the fake server', () => {
  it('stores the ordered choices, the first one as the task', () => {
    // one: only "Software and writing work" at the top, then both of its base tasks (ties by text).
    // two: both top nodes (office first), one middle node each, then round-robin by rank:
    //      office's first (Approve hires. before Direct budgets. by text), creative's first, office's second.
    // three: only the creative path; Write stories. shares two words, Write code. one (at least half).
    expect(facet('multi', 'tasks')).toEqual({
      'c:one': JSON.stringify(['b3', 'b4']),
      'c:two': JSON.stringify(['b2', 'b3', 'b1']),
      'c:three': JSON.stringify(['b4', 'b3']),
    });
    expect(facet('multi', 'task')).toEqual({ 'c:one': 'b3', 'c:two': 'b2', 'c:three': 'b4' });
  });

  it('keeps the single-task choice as the first choice and records the adapted prompt version', () => {
    expect(facet('multi', 'task')).toEqual(facet('single', 'task'));
    const cfg = JSON.parse(project.db.prepare("SELECT config_json FROM classify_run WHERE id = 'multi'").pluck().get() as string);
    expect(cfg.tasksPerConversation).toBe(3);
    expect(cfg.promptVersions.task).toBe('classify.task-multi@f2-multi-v1');
  });

  it('asks one call at the top and one per open path below: 3 + 5 + 3 task calls for the single run\'s 9', () => {
    const calls = (run: string) =>
      project.db.prepare("SELECT count(*) FROM step_checkpoint WHERE step LIKE 'classify.task.L%' AND prompt_version = ?").pluck().get(run) as number;
    expect(calls('classify.task@appendix-f')).toBe(9);
    expect(calls('classify.task-multi@f2-multi-v1')).toBe(11);
  });

  it('reports single vs multi, and a single-task run reports no multi-task section', () => {
    expect(runReport(project.db, 'single', 'mini').multiTask).toBeNull();
    const m = runReport(project.db, 'multi', 'mini').multiTask!;
    expect(m).toMatchObject({ k: 3, conversations: 3, tasksChosen: [{ tasks: 2, conversations: 2 }, { tasks: 3, conversations: 1 }] });
    expect(m.meanTasksPerConversation).toBeCloseTo(7 / 3, 12);
  });

  it('refuses several tasks per conversation with the offline method', () => {
    expect(() => resolveConfig({ name: 'x', datasets: ['c'], hierarchyId: 'h', method: 'offline-embedding', tasksPerConversation: 3 })).toThrow(
      /need the Claude method/,
    );
  });
});
