// Shared set-up for job, service and security tests: an AppHost with its config folder in a temp
// dir, settings pointing Claude at the fake server and embeddings at the tiny test model, and a
// small classification fixture (the bundled release, a hand-made 3-level hierarchy over its first
// tasks, and WildChat prompt/response pairs).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppHost } from '../../src-main/engine/host';
import { importRelease } from '../../src-main/engine/ingest';
import { importHierarchy, type HierarchyNode } from '../../src-main/engine/hierarchy/store';
import { baseItems } from '../../src-main/engine/hierarchy/build';
import { importConversations } from '../../src-main/engine/ingest/conversations';
import type { JobInfo, JobStatus } from '../../src-shared/jobs';
import type { FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { ensureTinyModel, TINY_MODEL_ID } from '../embed/tiny-model';

// import.meta.url rather than __dirname: crash-child.ts runs this file as ESM outside vitest.
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const RELEASE_DIR = join(ROOT, 'resources/data/aei-release-2025-02-10');
export const TEST_MODEL = 'claude-haiku-4-5';
export const WILDCHAT = join(ROOT, '../shared/data/conversations/wildchat-pairs-en/wildchat_clean.part1.jsonl');
export const HIERARCHY_ID = 'h-test';

/** A host whose settings, recent list and log live in `configDir`; no ANTHROPIC_API_KEY from the environment. */
export function testHost(configDir: string, fake?: Pick<FakeAnthropic, 'baseURL'>): AppHost {
  const host = new AppHost({ configDir, resourcesDir: join(ROOT, 'resources'), env: {} });
  host.settings.update({
    ...(fake ? { baseURL: fake.baseURL } : {}),
    models: { hierarchy: TEST_MODEL, screening: TEST_MODEL, task: TEST_MODEL, pattern: TEST_MODEL, skills: TEST_MODEL, summary: TEST_MODEL },
    concurrency: 4,
    requestsPerMinute: 600_000,
    inputTokensPerMinute: 10_000_000_000,
    embeddingModel: TINY_MODEL_ID,
    embeddingModelDir: ensureTinyModel(),
  });
  return host;
}

/** The release, a 3 × 2 × 5 hierarchy over its first 30 tasks, and the WildChat pairs as "wildchat". */
export async function seedClassifyFixture(host: AppHost): Promise<void> {
  const { db } = host.project;
  importRelease(db, { dir: RELEASE_DIR, id: 'aei-2025-02-10' });
  const tasks = baseItems(db, 'aei-2025-02-10').slice(0, 30);
  const nodes: HierarchyNode[] = [];
  for (let t = 0; t < 3; t++) {
    nodes.push({ id: `top-${t}`, level: 2, name: `Area ${t}`, description: `Tasks of area ${t}`, parent: null });
    for (let m = 0; m < 2; m++) {
      const mid = `mid-${t}-${m}`;
      nodes.push({ id: mid, level: 1, name: `Group ${t}.${m}`, description: `Tasks of group ${t}.${m}`, parent: `top-${t}` });
      for (const task of tasks.slice(t * 10 + m * 5, t * 10 + m * 5 + 5)) nodes.push({ id: task.id, level: 0, name: task.text, description: '', parent: mid });
    }
  }
  importHierarchy(db, 'test-hierarchy.json', {
    format: 'task-atlas.hierarchy', version: 1, id: HIERARCHY_ID, name: 'Test hierarchy', config: { taskDataset: 'aei-2025-02-10' }, createdAt: new Date().toISOString(), nodes,
  });
  await importConversations(db, WILDCHAT, { dataset: 'wildchat' });
}

/** Resolves with the first update of job `id` that satisfies `test`. */
export function whenJob(host: AppHost, id: string, test: (job: JobInfo) => boolean, timeoutMs = 60_000): Promise<JobInfo> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      host.jobs.off('update', listener);
      reject(new Error(`job ${id}: condition not met in ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (job: JobInfo) => {
      if (job.id !== id || !test(job)) return;
      clearTimeout(timer);
      host.jobs.off('update', listener);
      resolve(job);
    };
    host.jobs.on('update', listener);
  });
}

/** Every update of every job, for assertions on the sequence of statuses and progress. */
export function recordUpdates(host: AppHost): JobInfo[] {
  const seen: JobInfo[] = [];
  host.jobs.on('update', (job) => seen.push(job));
  return seen;
}

export function statuses(updates: JobInfo[], id: string): JobStatus[] {
  return updates.filter((u) => u.id === id).map((u) => u.status).filter((s, i, all) => i === 0 || all[i - 1] !== s);
}
