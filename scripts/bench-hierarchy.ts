// npm run bench:hierarchy — figures for the task-hierarchy build (no pass/fail):
//  1. embedding tasks/s and our k-means against scikit-learn on the same data and k
//     (scripts/bench-embed-cluster.ts; pass --model-dir DIR to time a real embedding model);
//  2. a full build over the bundled release's task statements against the fake Anthropic server:
//     wall time per level and the Claude calls and tokens each level used.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeProject, openProject } from '../src-main/engine/project';
import { importRelease } from '../src-main/engine/ingest';
import { DEFAULT_LLM_OPTIONS, LlmClient } from '../src-main/engine/llm/client';
import { buildHierarchy } from '../src-main/engine/hierarchy/build';
import { openEmbedding } from '../src-main/engine/hierarchy/embedding';
import { startFakeAnthropic } from '../src-main/fake-anthropic/server';
import { ensureTinyModel, TINY_MODEL_ID } from '../test/embed/tiny-model';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function embeddingAndClustering(): void {
  console.log('== embedding and k-means (vs scikit-learn) ==');
  const extra = process.argv.slice(2);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/bench-embed-cluster.ts'), '--skip-ml-kmeans', ...extra], {
    stdio: 'inherit',
    cwd: ROOT,
  });
  if (r.status !== 0) console.log(`(embedding/cluster benchmark exited with ${r.status})`);
}

async function fullBuild(): Promise<void> {
  console.log('\n== full hierarchy build against the fake Anthropic server ==');
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const fake = await startFakeAnthropic({ seed: 1 });
  const project = openProject(join(dir, 'bench.sqlite'), { resourcesDir: join(ROOT, 'resources') });
  try {
    importRelease(project.db, { dir: join(ROOT, 'resources/data/aei-release-2025-02-10'), id: 'aei-2025-02-10' });
    const llm = new LlmClient(project.db, { ...DEFAULT_LLM_OPTIONS, model: 'claude-sonnet-4-6', baseURL: fake.baseURL, authToken: 'bench' });
    const embedding = await openEmbedding(project.db, { model: TINY_MODEL_ID, cacheDir: join(dir, 'models'), localModelPath: ensureTinyModel() });
    let levelStart = performance.now();
    const start = levelStart;
    const result = await buildHierarchy({ db: project.db, llm, embed: embedding.embed }, { concurrency: 16 }, {
      onLevel: (r) => {
        const s = (performance.now() - levelStart) / 1000;
        levelStart = performance.now();
        const c = r.claude;
        console.log(
          `level ${r.level}: ${r.parents} parents (target ${r.target}) in ${s.toFixed(1)} s; Claude ${c.sent} calls, ` +
            `${c.inputTokens.toLocaleString('en')} input + ${c.outputTokens.toLocaleString('en')} output tokens, $${c.costUsd.toFixed(2)} at claude-sonnet-4-6 prices`,
        );
      },
    });
    await embedding.close();
    const total = (performance.now() - start) / 1000;
    console.log(`total: ${result.sizes.join(' / ')} nodes in ${total.toFixed(1)} s; ${llm.stats.sent} calls, $${llm.stats.costUsd.toFixed(2)}`);
    console.log(`fake server: ${fake.stats().completed} answers, ${(fake.stats().completed / total).toFixed(0)} calls/s overall`);
  } finally {
    closeProject(project);
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

embeddingAndClustering();
await fullBuild();
