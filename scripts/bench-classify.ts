// npm run bench:classify — figures for the classification pipeline (no pass/fail), against the fake
// Claude server with 200 ms latency: conversations/s, the share of the configured rate limit the run
// achieved, and input tokens per conversation with and without prompt caching of the conversation.
//   node --import tsx scripts/bench-classify.ts [--n 2000] [--rpm 20000] [--concurrency 64]
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { closeProject, openProject, type Project } from '../src-main/engine/project';
import { importFile, importRelease } from '../src-main/engine/ingest';
import { importConversations } from '../src-main/engine/ingest/conversations';
import { generateSynthetic } from '../src-main/engine/ingest/conversations/synthetic';
import { DEFAULT_LLM_OPTIONS, LlmClient } from '../src-main/engine/llm/client';
import { buildHierarchy } from '../src-main/engine/hierarchy/build';
import { openEmbedding } from '../src-main/engine/hierarchy/embedding';
import { classifyRun } from '../src-main/engine/classify/run';
import { startFakeAnthropic } from '../src-main/fake-anthropic/server';
import { ensureTinyModel, TINY_MODEL_ID } from '../test/embed/tiny-model';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { n: { type: 'string', default: '2000' }, rpm: { type: 'string', default: '20000' }, concurrency: { type: 'string', default: '64' } } });
const N = Number(values.n);
const RPM = Number(values.rpm);
const MODEL = 'claude-haiku-4-5';

async function prepare(dir: string): Promise<Project> {
  const project = openProject(join(dir, 'p.sqlite'), { resourcesDir: join(ROOT, 'resources') });
  const releaseDir = join(ROOT, 'resources/data/aei-release-2025-02-10');
  importRelease(project.db, { dir: releaseDir, id: 'aei-2025-02-10' });
  const lines = readFileSync(join(releaseDir, 'onet_task_statements.csv'), 'utf8').split('\n');
  writeFileSync(join(dir, 'subset.csv'), lines.slice(0, 1001).join('\n') + '\n');
  importFile(project.db, { kind: 'onet-tasks', path: join(dir, 'subset.csv'), dataset: 'subset' });
  const fake = await startFakeAnthropic({ seed: 1 });
  const llm = new LlmClient(project.db, { ...DEFAULT_LLM_OPTIONS, model: MODEL, baseURL: fake.baseURL, authToken: 'bench' });
  const embedding = await openEmbedding(project.db, { model: TINY_MODEL_ID, cacheDir: join(dir, 'models'), localModelPath: ensureTinyModel() });
  await buildHierarchy({ db: project.db, llm, embed: embedding.embed }, { taskDataset: 'subset', model: MODEL });
  await embedding.close();
  await fake.close();
  const file = join(dir, 'conv.jsonl');
  await generateSynthetic(file, N, 7);
  await importConversations(project.db, file, { dataset: 'bench' });
  return project;
}

async function measure(project: Project, caching: boolean): Promise<void> {
  const fake = await startFakeAnthropic({ seed: 3, latencyMs: 200 });
  const llm = new LlmClient(project.db, {
    ...DEFAULT_LLM_OPTIONS,
    model: MODEL,
    baseURL: fake.baseURL,
    authToken: 'bench',
    promptCaching: caching,
    limits: { requestsPerMinute: RPM, inputTokensPerMinute: 1e10 },
  });
  const hierarchyId = project.db.prepare('SELECT id FROM hierarchy LIMIT 1').pluck().get() as string;
  const start = performance.now();
  await classifyRun({ db: project.db, llm }, {
    name: `bench-${caching ? 'cached' : 'plain'}`,
    datasets: ['bench'],
    hierarchyId,
    concurrency: Number(values.concurrency),
    models: { screening: MODEL, task: MODEL, pattern: MODEL, skills: MODEL, summary: MODEL },
  });
  const seconds = (performance.now() - start) / 1000;
  const s = fake.stats();
  const achievedRpm = (llm.stats.sent / seconds) * 60;
  const raw = (s.inputTokens + s.cacheReadTokens + s.cacheWriteTokens) / N;
  const billed = (s.inputTokens + 1.25 * s.cacheWriteTokens + 0.1 * s.cacheReadTokens) / N;
  console.log(
    `${caching ? 'with' : 'without'} prompt caching: ${N} conversations in ${seconds.toFixed(1)} s = ${(N / seconds).toFixed(1)} conversations/s; ` +
      `${llm.stats.sent} calls = ${achievedRpm.toFixed(0)} requests/min, ${((100 * achievedRpm) / RPM).toFixed(0)}% of the ${RPM} rpm limit ` +
      `(the token bucket starts full, so a run under a minute can exceed 100%); ` +
      `input tokens per conversation ${raw.toFixed(0)} sent, ${billed.toFixed(0)} billed-equivalent (cache reads ${s.cacheReadTokens}, writes ${s.cacheWriteTokens}); ` +
      `$${llm.stats.costUsd.toFixed(2)} at ${MODEL} prices`,
  );
  await fake.close();
}

const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-classify-'));
try {
  closeProject(await prepare(dir));
  console.log(`fake Claude latency 200 ms, concurrency ${values.concurrency}, rate limit ${RPM} requests/min`);
  // Each measurement on its own copy: a shared project would answer the second run from its cache.
  for (const caching of [true, false]) {
    const copy = join(dir, `${caching}.sqlite`);
    copyFileSync(join(dir, 'p.sqlite'), copy);
    const project = openProject(copy, { resourcesDir: join(ROOT, 'resources') });
    await measure(project, caching);
    closeProject(project);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
