// Set-up for the hierarchy browser test: the bundled release plus an own run over a three-level
// hierarchy (top > middle > real O*NET task statements), classified end to end against the fake
// Claude server with thresholds of 1, so Figures 11 and 12, Figure 8 by task and B.5 have data.
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
import type { RunReport } from '../../src-shared/report';
import { startFakeAnthropic } from '../../src-main/fake-anthropic/server';
import { llmFor, TEST_MODEL } from '../hierarchy/support';

export const RELEASE_ID = 'aei-2025-02-10';
export const RUN_NAME = 'levels-run';
export const RUN_SOURCE = `run:${RUN_NAME}`;

/** top -> middle -> real task statements of the bundled release. */
const TREE: [string, [string, string[]][]][] = [
  ['Business and law', [
    ['Research markets and customers', [
      'Seek and provide information to help companies determine their position in the marketplace.',
      'Monitor industry statistics and follow trends in trade literature.',
    ]],
    ['Support legal work', ['Prepare for trial by performing tasks such as organizing exhibits.', 'Meet with clients and other professionals to discuss details of case.']],
  ]],
  ['Documents and software', [
    ['Write and lay out documentation', ['Maintain records and files of work and revisions.', 'Assist in laying out material for publication.']],
    ['Build and document software', ['Develop or maintain online help documentation.', 'Measure and assess customer and employee satisfaction.']],
  ]],
];

function seedHierarchy(project: Project): void {
  const nodes = TREE.flatMap(([top, middles], t) => [
    { id: `t${t}`, level: 2, name: top, description: '', parent: null },
    ...middles.flatMap(([middle, tasks], m) => [
      { id: `t${t}m${m}`, level: 1, name: middle, description: '', parent: `t${t}` },
      ...tasks.map((task, k) => ({ id: `t${t}m${m}k${k}`, level: 0, name: task, description: '', parent: `t${t}m${m}` })),
    ]),
  ]);
  importHierarchy(project.db, 'levels.json', {
    format: 'task-atlas.hierarchy', version: 1, id: 'levels-h', name: 'Three levels', config: { taskDataset: RELEASE_ID }, createdAt: '', nodes,
  });
}

/** A project in a new temp dir with the bundled data and a reported three-level run. */
export async function levelsProject(): Promise<{ project: Project; dir: string; report: RunReport }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'task-atlas-levels-'));
  const project = openBundledProject(path.join(dir, 'project.sqlite'));
  seedHierarchy(project);
  const file = path.join(dir, 'conversations.jsonl');
  await generateSynthetic(file, 80, 11);
  await importConversations(project.db, file, { dataset: 'levels' });
  const fake = await startFakeAnthropic({ seed: 11 });
  try {
    const models = { screening: TEST_MODEL, task: TEST_MODEL, pattern: TEST_MODEL, skills: TEST_MODEL, summary: TEST_MODEL };
    await classifyRun(
      { db: project.db, llm: llmFor(project, fake) },
      { name: RUN_NAME, datasets: ['levels'], hierarchyId: 'levels-h', models, thresholds: { minConversations: 1, minAccounts: 1 } },
    );
  } finally {
    await fake.close();
  }
  const report = runReport(project.db, RUN_NAME, RELEASE_ID);
  if ((report.middleLevelTasks ?? []).length === 0) throw new Error('hierarchy-setup.ts: the run has no middle-level usage');
  return { project, dir, report };
}
