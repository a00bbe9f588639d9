// Shared set-up for hierarchy tests: a project with the bundled release, the tiny embedding model,
// and an LlmClient pointed at a fake Anthropic server.
import { join } from 'node:path';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { DEFAULT_LLM_OPTIONS, LlmClient } from '../../src-main/engine/llm/client';
import { openEmbedding, type EmbeddingHandle } from '../../src-main/engine/hierarchy/embedding';
import type { FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { loadNodes } from '../../src-main/engine/hierarchy/store';
import type { Db } from '../../src-main/db/open';
import { ensureTinyModel, TINY_MODEL_ID } from '../embed/tiny-model';

export const ROOT = join(__dirname, '../..');
export const RELEASE_DIR = join(ROOT, 'resources/data/aei-release-2025-02-10');
export const TEST_MODEL = 'claude-haiku-4-5';

export function projectWithRelease(path: string): Project {
  const project = openProject(path, { resourcesDir: join(ROOT, 'resources') });
  importRelease(project.db, { dir: RELEASE_DIR, id: 'aei-2025-02-10' });
  return project;
}

export function llmFor(project: Project, fake: FakeAnthropic, over: Partial<typeof DEFAULT_LLM_OPTIONS> = {}): LlmClient {
  return new LlmClient(project.db, {
    ...DEFAULT_LLM_OPTIONS,
    model: TEST_MODEL,
    baseURL: fake.baseURL,
    authToken: 'test',
    retryBaseMs: 20,
    ...over,
  });
}

export function tinyEmbedding(project: Project): Promise<EmbeddingHandle> {
  return openEmbedding(project.db, { model: TINY_MODEL_ID, cacheDir: join(ROOT, 'node_modules/.cache/task-atlas/models'), localModelPath: ensureTinyModel() });
}

export function close(project: Project): void {
  closeProject(project);
}

/** The tree as comparable data: (level, name, description, parent name) sorted. */
export function treeSignature(db: Db, id: string): string[] {
  const nodes = loadNodes(db, id);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return nodes
    .map((n) => `${n.level}|${n.id}|${n.name}|${n.description}|${n.parent ? byId.get(n.parent)!.name : ''}`)
    .sort();
}
