// npm run bench:reconstruct — figures for the Appendix G reconstruction (no pass/fail): N synthetic
// conversations (default 10,000) classified against the fake Claude server, then reconstructed at the
// default levels (clusters of ~10, ~100, ~1,000): Claude calls and tokens per step, time per phase,
// and our k-means on the summaries' embeddings beside scikit-learn's (when /usr/bin/python3 has it).
//   node --import tsx scripts/bench-reconstruct.ts [--n 10000] [--latency 20] [--concurrency 64]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { closeProject, openProject, type Project } from '../src-main/engine/project';
import { importRelease } from '../src-main/engine/ingest';
import { importConversations } from '../src-main/engine/ingest/conversations';
import { generateSynthetic } from '../src-main/engine/ingest/conversations/synthetic';
import { baseItems } from '../src-main/engine/hierarchy/build';
import { importHierarchy, type HierarchyNode } from '../src-main/engine/hierarchy/store';
import { openEmbedding, type EmbeddingHandle } from '../src-main/engine/hierarchy/embedding';
import { DEFAULT_LLM_OPTIONS, LlmClient } from '../src-main/engine/llm/client';
import { classifyRun } from '../src-main/engine/classify/run';
import { kmeans } from '../src-main/engine/cluster/kmeans';
import { finishedRun, resolveReconstructConfig } from '../src-main/engine/reconstruct/config';
import { classifiedConversations, requestSummaries } from '../src-main/engine/reconstruct/corpus';
import { reconstructRun } from '../src-main/engine/reconstruct/run';
import { startFakeAnthropic, type FakeAnthropic } from '../src-main/fake-anthropic/server';
import { ensureTinyModel, PYTHON, TINY_MODEL_ID } from '../test/embed/tiny-model';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { n: { type: 'string', default: '10000' }, latency: { type: 'string', default: '20' }, concurrency: { type: 'string', default: '64' } } });
const N = Number(values.n);
const CONCURRENCY = Number(values.concurrency);
const MODEL = 'claude-haiku-4-5';
const SEED = 1;

/** A 4 × 5 × 10 hierarchy over 200 task texts spread over the release (so over many SOC groups); parents named after their children. */
function hierarchy(project: Project): void {
  const all = baseItems(project.db, 'aei-2025-02-10');
  const step = Math.floor(all.length / 200);
  const tasks = all.filter((_, i) => i % step === 0).slice(0, 200);
  const nodes: HierarchyNode[] = [];
  for (let t = 0; t < 4; t++) {
    nodes.push({ id: `top-${t}`, level: 2, name: tasks.slice(t * 50, t * 50 + 50).map((x) => x.text).join(' ').slice(0, 600), description: '', parent: null });
    for (let m = 0; m < 5; m++) {
      const children = tasks.slice(t * 50 + m * 10, t * 50 + m * 10 + 10);
      nodes.push({ id: `mid-${t}-${m}`, level: 1, name: children.map((x) => x.text).join(' ').slice(0, 600), description: '', parent: `top-${t}` });
      for (const c of children) nodes.push({ id: c.id, level: 0, name: c.text, description: '', parent: `mid-${t}-${m}` });
    }
  }
  importHierarchy(project.db, 'bench.json', { format: 'task-atlas.hierarchy', version: 1, id: 'h', name: 'bench', config: { taskDataset: 'aei-2025-02-10' }, createdAt: '', nodes });
}

function client(project: Project, fake: FakeAnthropic): LlmClient {
  return new LlmClient(project.db, { ...DEFAULT_LLM_OPTIONS, model: MODEL, baseURL: fake.baseURL, authToken: 'bench', limits: { requestsPerMinute: 1e9, inputTokensPerMinute: 1e12 } });
}

async function prepare(dir: string): Promise<Project> {
  const project = openProject(join(dir, 'p.sqlite'), { resourcesDir: join(ROOT, 'resources') });
  importRelease(project.db, { dir: join(ROOT, 'resources/data/aei-release-2025-02-10'), id: 'aei-2025-02-10' });
  hierarchy(project);
  const file = join(dir, 'conv.jsonl');
  await generateSynthetic(file, N, 11);
  await importConversations(project.db, file, { dataset: 'bench' });
  const fake = await startFakeAnthropic({ seed: 1 });
  const start = performance.now();
  const models = { screening: MODEL, task: MODEL, pattern: MODEL, skills: MODEL, summary: MODEL };
  const thresholds = { minConversations: 15, minAccounts: 5 };
  await classifyRun({ db: project.db, llm: client(project, fake) }, { name: 'bench', datasets: ['bench'], hierarchyId: 'h', models, facets: ['screening', 'task'], concurrency: CONCURRENCY, thresholds });
  console.log(`set-up: ${N} conversations classified (screening + task) in ${((performance.now() - start) / 1000).toFixed(1)} s (fake, no latency)`);
  await fake.close();
  return project;
}

async function reconstruct(project: Project, embedding: EmbeddingHandle): Promise<void> {
  const fake = await startFakeAnthropic({ seed: 2, latencyMs: Number(values.latency) });
  const llm = client(project, fake);
  const cfg = resolveReconstructConfig(finishedRun(project.db, 'bench'), { run: 'bench' }, {
    models: { summary: MODEL, task: MODEL }, concurrency: CONCURRENCY, embeddingModel: TINY_MODEL_ID, offline: false, demo: false,
  });
  const phases: { label: string; at: number }[] = [];
  const start = performance.now();
  const report = await reconstructRun({ db: project.db, llm, embed: embedding.embed, embeddingModel: embedding.modelId }, cfg, {
    onProgress: (p) => {
      const label = p.whole?.label.replace(/, level \d of \d$/, '');
      if (label && phases.at(-1)?.label !== label) phases.push({ label, at: performance.now() });
    },
  });
  const end = performance.now();
  const seconds = (end - start) / 1000;
  const s = fake.stats();
  console.log(`reconstruction: ${report.conversations} conversations in ${seconds.toFixed(1)} s (fake latency ${values.latency} ms, concurrency ${CONCURRENCY})`);
  phases.forEach((p, i) => console.log(`  ${(((phases[i + 1]?.at ?? end) - p.at) / 1000).toFixed(2).padStart(7)} s  ${p.label}`));
  console.log(`Claude: ${llm.stats.sent} calls sent (${JSON.stringify(s.byKind)}), ${llm.stats.cacheHits} answered from the project's call store (identical requests); ` +
    `${s.inputTokens} input + ${s.outputTokens} output tokens; $${llm.stats.costUsd.toFixed(2)} at ${MODEL} prices`);
  for (const l of report.levels) {
    const m = l.metrics;
    console.log(`  ~${l.meanClusterSize}: ${l.clusters} clusters, ${l.placed} placed; Pearson category ${m.category.pearson?.toFixed(3)}, occupation ${m.occupation.pearson?.toFixed(3)}, task ${m.task.pearson?.toFixed(3)}`);
  }
  for (const x of report.skipped ?? []) console.log(`  ~${x.meanClusterSize}: skipped (${x.reason})`);
  await fake.close();
}

/** Our k-means (in this thread) and scikit-learn's on the same summary embeddings, per level. */
async function compareKMeans(project: Project, embedding: EmbeddingHandle): Promise<void> {
  const fake = await startFakeAnthropic({ seed: 3 });
  const deps = { db: project.db, llm: client(project, fake), model: MODEL, concurrency: CONCURRENCY, batches: false };
  const corpus = await requestSummaries(project.db, deps, classifiedConversations(project.db, 'bench'), 60_000, {});
  await fake.close();
  const vectors = await embedding.embed(corpus.summaries, {});
  const d = vectors[0]!.length;
  const dir = mkdtempSync(join(tmpdir(), 'bench-reconstruct-km-'));
  const file = join(dir, 'm.f32');
  const flat = new Float32Array(vectors.length * d);
  vectors.forEach((v, i) => flat.set(v, i * d));
  writeFileSync(file, new Uint8Array(flat.buffer));
  try {
    for (const size of [10, 100, 1000]) {
      const k = Math.min(Math.round(vectors.length / size), new Set(corpus.summaries).size);
      if (k < 2) continue;
      const t = performance.now();
      const ours = kmeans(vectors, k, { seed: SEED });
      const oursS = (performance.now() - t) / 1000;
      const run = spawnSync(PYTHON, [join(ROOT, 'scripts/bench-cluster.py'), file, String(vectors.length), String(d), String(k), '300', String(SEED), '1'], { encoding: 'utf8' });
      const sk = run.status === 0 ? (JSON.parse(run.stdout) as { seconds: number; inertia: number; iterations: number }) : null;
      console.log(
        `k-means n=${vectors.length} d=${d} k=${k}: ours ${oursS.toFixed(2)} s (${ours.iterations} iterations, inertia ${ours.inertia.toFixed(2)})` +
          (sk ? `; sklearn ${sk.seconds.toFixed(2)} s (${sk.iterations} iterations, inertia ${sk.inertia.toFixed(2)})` : `; sklearn skipped (${run.stderr.trim().split('\n').pop() ?? run.error?.message})`),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-reconstruct-'));
try {
  const project = await prepare(dir);
  const embedding = await openEmbedding(project.db, { model: TINY_MODEL_ID, cacheDir: join(dir, 'models'), localModelPath: ensureTinyModel() });
  try {
    await reconstruct(project, embedding);
    await compareKMeans(project, embedding);
  } finally {
    await embedding.close();
    closeProject(project);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
