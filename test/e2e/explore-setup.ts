// Set-up for the Explore browser test: a project with the bundled release plus one own run,
// classified end to end by the engine against the fake Claude server (a small hand-made hierarchy
// over real O*NET task statements, synthetic conversations, thresholds of 1 so tasks survive), then
// reported so it has its usage source "run:<name>".
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Project } from '../../src-main/engine/project';
import { openBundledProject } from '../support/shared-projects';
import { importHierarchy } from '../../src-main/engine/hierarchy/store';
import { importConversations } from '../../src-main/engine/ingest/conversations';
import { generateSynthetic } from '../../src-main/engine/ingest/conversations/synthetic';
import { classifyRun } from '../../src-main/engine/classify/run';
import { runReport } from '../../src-main/engine/classify/report';
import { startFakeAnthropic } from '../../src-main/fake-anthropic/server';
import { llmFor, TEST_MODEL } from '../hierarchy/support';

export const RELEASE_ID = 'aei-2025-02-10';
export const RUN_NAME = 'e2e-run';
export const RUN_SOURCE = `run:${RUN_NAME}`;
const CONVERSATIONS = 60;

/** Real task statements of the bundled release (exact text, so they match O*NET occupations). */
const GROUPS: [string, string[]][] = [
  [
    'Research markets and customers',
    [
      'Seek and provide information to help companies determine their position in the marketplace.',
      'Monitor industry statistics and follow trends in trade literature.',
      'Measure and assess customer and employee satisfaction.',
    ],
  ],
  [
    'Support legal work',
    ['Prepare for trial by performing tasks such as organizing exhibits.', 'Meet with clients and other professionals to discuss details of case.'],
  ],
  [
    'Write and lay out documentation',
    ['Maintain records and files of work and revisions.', 'Develop or maintain online help documentation.', 'Assist in laying out material for publication.'],
  ],
];

function seedHierarchy(project: Project): void {
  const nodes = GROUPS.flatMap(([group, tasks], g) => [
    { id: `g${g}`, level: 1, name: group, description: '', parent: null },
    ...tasks.map((task, t) => ({ id: `g${g}-t${t}`, level: 0, name: task, description: '', parent: `g${g}` })),
  ]);
  importHierarchy(project.db, 'e2e-hierarchy.json', {
    format: 'task-atlas.hierarchy', version: 1, id: 'e2e-h', name: 'E2E hierarchy', config: { taskDataset: RELEASE_ID }, createdAt: '', nodes,
  });
}

/** Opens a project in `dir` with the bundled data and a reported own run. */
export async function exploreProject(): Promise<{ project: Project; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'task-atlas-e2e-'));
  const project = openBundledProject(path.join(dir, 'project.sqlite'));
  seedHierarchy(project);
  const file = path.join(dir, 'conversations.jsonl');
  await generateSynthetic(file, CONVERSATIONS, 7);
  await importConversations(project.db, file, { dataset: 'e2e' });
  const fake = await startFakeAnthropic({ seed: 7 });
  try {
    const models = { screening: TEST_MODEL, task: TEST_MODEL, pattern: TEST_MODEL, skills: TEST_MODEL, summary: TEST_MODEL };
    await classifyRun(
      { db: project.db, llm: llmFor(project, fake) },
      { name: RUN_NAME, datasets: ['e2e'], hierarchyId: 'e2e-h', models, thresholds: { minConversations: 1, minAccounts: 1 } },
    );
  } finally {
    await fake.close();
  }
  const report = runReport(project.db, RUN_NAME, RELEASE_ID);
  if (report.tasks.kept === 0) throw new Error(`explore-setup.ts: run ${RUN_NAME} kept no task; the run figures would be empty`);
  return { project, dir };
}
