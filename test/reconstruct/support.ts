// Set-up of the reconstruction tests: the bundled project, a hand-made three-level hierarchy over
// sixteen O*NET statements from sixteen SOC major groups, and a corpus whose true tasks are known:
// every conversation of a group asks, in the same words, for its group's statement (one user turn,
// a contentless reply), so the fake server summarises a group identically and its clusters are pure.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '../../src-main/engine/project';
import { importHierarchy, type HierarchyFile } from '../../src-main/engine/hierarchy/store';
import { importConversations } from '../../src-main/engine/ingest/conversations';
import { classifyRun } from '../../src-main/engine/classify/run';
import type { FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { resolveReconstructConfig, finishedRun, type ReconstructInput } from '../../src-main/engine/reconstruct/config';
import type { ReconstructConfig } from '../../src-main/engine/reconstruct/config';
import { llmFor, TEST_MODEL } from '../hierarchy/support';
import { TINY_MODEL_ID } from '../embed/tiny-model';

export const GROUPS = 16;
export const THRESHOLDS = { minConversations: 5, minAccounts: 2 };

/** One statement per SOC major group (the first by code), distinct texts. */
export function pickTasks(project: Project): { code: string; task: string }[] {
  return project.db
    .prepare(
      `SELECT code, task FROM task_statement WHERE dataset = 'aei-2025-02-10' AND task_id IN (
         SELECT min(task_id) FROM task_statement WHERE dataset = 'aei-2025-02-10' GROUP BY substr(code, 1, 2))
       ORDER BY code LIMIT ?`,
    )
    .all(GROUPS) as { code: string; task: string }[];
}

/** Base nodes are the statements; parents are named after their children so the traversal can follow words. */
export function hierarchyOver(tasks: readonly { task: string }[]): HierarchyFile {
  const nodes: HierarchyFile['nodes'] = [];
  const mids = Math.ceil(tasks.length / 4);
  for (let t = 0; t < 2; t++) {
    const midIds = Array.from({ length: mids / 2 }, (_, m) => t * (mids / 2) + m);
    const midNames = midIds.map((m) => tasks.slice(m * 4, m * 4 + 4).map((x) => x.task).join(' '));
    nodes.push({ id: `top${t}`, level: 2, name: `Top ${t}: ${midNames.join(' ')}`.slice(0, 2000), description: '', parent: null });
    midIds.forEach((m, j) => nodes.push({ id: `mid${m}`, level: 1, name: `Group ${m}: ${midNames[j]}`, description: '', parent: `top${t}` }));
  }
  tasks.forEach((x, i) => nodes.push({ id: `b${i}`, level: 0, name: x.task, description: '', parent: `mid${Math.floor(i / 4)}` }));
  return { format: 'task-atlas.hierarchy', version: 1, id: 'h', name: 'h', config: { taskDataset: 'aei-2025-02-10' }, createdAt: '', nodes };
}

/** Group g has 6 + g conversations, each from its own account. */
export async function importPureCorpus(project: Project, dir: string, tasks: readonly { task: string }[]): Promise<number> {
  const lines: string[] = [];
  tasks.forEach((x, g) => {
    for (let i = 0; i < 6 + g; i++) {
      const messages = [
        { role: 'user', content: `At work I have to do this, please help me with it: ${x.task}` },
        { role: 'assistant', content: 'OK.' },
      ];
      lines.push(JSON.stringify({ id: `g${g}-${i}`, account_id: `acct-${g}-${i}`, model: 'claude-3-5-sonnet', timestamp: '2025-01-01T00:00:00Z', messages }));
    }
  });
  const file = join(dir, 'pure.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  await importConversations(project.db, file, { dataset: 'pure' });
  return lines.length;
}

export async function classify(project: Project, fake: FakeAnthropic, run: string, dataset: string): Promise<void> {
  const models = { screening: TEST_MODEL, task: TEST_MODEL, pattern: TEST_MODEL, skills: TEST_MODEL, summary: TEST_MODEL };
  await classifyRun(
    { db: project.db, llm: llmFor(project, fake) },
    { name: run, datasets: [dataset], hierarchyId: 'h', models, facets: ['screening', 'task'], thresholds: THRESHOLDS },
  );
}

export function configFor(project: Project, input: ReconstructInput): ReconstructConfig {
  return resolveReconstructConfig(finishedRun(project.db, input.run), input, {
    models: { summary: TEST_MODEL, task: TEST_MODEL },
    concurrency: 4,
    embeddingModel: TINY_MODEL_ID,
    offline: false,
    demo: false,
  });
}

export function setUpHierarchy(project: Project): { code: string; task: string }[] {
  const tasks = pickTasks(project);
  importHierarchy(project.db, 'h.json', hierarchyOver(tasks));
  return tasks;
}
