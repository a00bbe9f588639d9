// npm run bench:classify — figures for classification (no pass/fail), on a fixed corpus (the
// synthetic work conversations, some with pasted material: test/classify/cost-corpus.ts) against
// the fake Claude server in its own process, at 200 ms latency, enforcing the same requests-per-
// minute limit the client is configured with. Prints the share of that limit a run achieves (and
// the 429s it met), and for each way to run — direct, direct + caching, Message Batches, mapping
// from the privacy summary — input tokens (uncached / cache write / cache read), output tokens and
// cost per 1,000 conversations, the estimate's figures beside the fake server's reported usage.
//   node --import tsx scripts/bench-classify.ts [--n 800] [--rpm 4000 (the app's default limit)]
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { closeProject, openProject, type Project } from '../src-main/engine/project';
import { importFile, importRelease } from '../src-main/engine/ingest';
import { importConversations } from '../src-main/engine/ingest/conversations';
import { DEFAULT_LLM_OPTIONS, LlmClient } from '../src-main/engine/llm/client';
import { openDatabase } from '../src-main/db/open';
import { RENAME } from '../src-shared/prompts/hierarchy';
import { buildHierarchy } from '../src-main/engine/hierarchy/build';
import { openEmbedding } from '../src-main/engine/hierarchy/embedding';
import { classifyRun, resolveConfig } from '../src-main/engine/classify/run';
import { classifyModels } from '../src-main/engine/classify/config';
import { estimateClassifyDetail, MODES, type Mode, type Tally } from '../src-main/engine/classify/estimate';
import { startFakeAnthropic } from '../src-main/fake-anthropic/server';
import { API_RATE_LIMITS, DEFAULT_MODELS } from '../src-shared/settings';
import { ensureTinyModel, TINY_MODEL_ID } from '../test/embed/tiny-model';
import { writeCostCorpus } from '../test/classify/cost-corpus';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { n: { type: 'string', default: '800' }, rpm: { type: 'string', default: String(API_RATE_LIMITS.requestsPerMinute) }, modes: { type: 'string', default: MODES.join(',') } },
});
const RUN_MODES = values.modes.split(',') as Mode[];
const N = Number(values.n);
const RPM = Number(values.rpm);
const LATENCY_MS = 200;
const MODELS = classifyModels(DEFAULT_MODELS);

async function prepare(dir: string): Promise<void> {
  const project = openProject(join(dir, 'p.sqlite'), { resourcesDir: join(ROOT, 'resources') });
  const releaseDir = join(ROOT, 'resources/data/aei-release-2025-02-10');
  importRelease(project.db, { dir: releaseDir, id: 'aei-2025-02-10' });
  const lines = readFileSync(join(releaseDir, 'onet_task_statements.csv'), 'utf8').split('\n');
  writeFileSync(join(dir, 'subset.csv'), lines.slice(0, 1001).join('\n') + '\n');
  importFile(project.db, { kind: 'onet-tasks', path: join(dir, 'subset.csv'), dataset: 'subset' });
  const fake = await startFakeAnthropic({ seed: 1 });
  const llm = new LlmClient(project.db, { ...DEFAULT_LLM_OPTIONS, model: DEFAULT_MODELS.hierarchy, baseURL: fake.baseURL, authToken: 'bench', limits: { requestsPerMinute: 1e6, inputTokensPerMinute: 1e10 } });
  const embedding = await openEmbedding(project.db, { model: TINY_MODEL_ID, cacheDir: join(dir, 'models'), localModelPath: ensureTinyModel() });
  await buildHierarchy({ db: project.db, llm, embed: embedding.embed }, { taskDataset: 'subset', model: DEFAULT_MODELS.hierarchy });
  await embedding.close();
  await fake.close();
  writeCostCorpus(join(dir, 'conv.jsonl'), N);
  await importConversations(project.db, join(dir, 'conv.jsonl'), { dataset: 'bench' });
  closeProject(project);
}

/**
 * A client configured at twice the server's limit: how many 429s before it adopts the limit the
 * server states, and the rate it then keeps (1,000 short requests).
 */
async function overshoot(dir: string): Promise<void> {
  const fake = await startFakeProcess();
  const db = openDatabase(join(dir, 'overshoot.sqlite'));
  try {
    const llm = new LlmClient(db, { ...DEFAULT_LLM_OPTIONS, model: DEFAULT_MODELS.screening, baseURL: fake.baseURL, authToken: 'bench', limits: { requestsPerMinute: 2 * RPM, inputTokensPerMinute: 1e10 } });
    const vars = (i: number) => ({ current: { name: `Parent ${i}`, description: '' }, children: ['Write reports.', 'Review budgets.'] });
    const start = performance.now();
    await Promise.all(Array.from({ length: 1000 }, (_, i) => llm.ask(RENAME, vars(i))));
    const rpm = (1000 / (performance.now() - start)) * 60_000;
    console.log(
      `client configured at ${2 * RPM} rpm against the server's ${RPM}: ${llm.stats.refused[429]} answered 429 (reactions ${JSON.stringify(llm.limiter.adaptive.log)}), then ${rpm.toFixed(0)} requests/min = ${(rpm / RPM).toFixed(3)} of the server's limit`,
    );
  } finally {
    fake.child.kill('SIGTERM');
    db.close();
  }
}

/** The fake server in a child process, so its work does not share the client's event loop. */
async function startFakeProcess(): Promise<{ baseURL: string; child: ChildProcess }> {
  const args = ['--import', 'tsx', join(ROOT, 'src-main/fake-anthropic/cli.ts'), '--latency', String(LATENCY_MS), '--rpm', String(RPM), '--seed', '3', '--batch-delay', '100'];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((ok, fail) => {
    createInterface({ input: child.stdout! }).once('line', ok);
    child.once('exit', (code) => fail(new Error(`fake server exited (${code})`)));
  });
  return { baseURL: first.trim(), child };
}

interface Measured {
  actual: Tally;
  estimate: Tally;
  seconds: number;
  answered: number;
  refused429: number;
  peakInFlight: number;
  reactions: string;
}

async function measure(dir: string, mode: Mode): Promise<Measured> {
  const path = join(dir, `${mode}.sqlite`);
  // Each mode on its own copy: a shared project would answer the second run from its call store.
  copyFileSync(join(dir, 'p.sqlite'), path);
  const project: Project = openProject(path, { resourcesDir: join(ROOT, 'resources') });
  const fake = await startFakeProcess();
  try {
    const llm = new LlmClient(project.db, {
      ...DEFAULT_LLM_OPTIONS,
      model: DEFAULT_MODELS.task,
      baseURL: fake.baseURL,
      authToken: 'bench',
      promptCaching: mode !== 'direct',
      limits: { requestsPerMinute: RPM, inputTokensPerMinute: 1e10 },
    });
    const hierarchyId = project.db.prepare('SELECT id FROM hierarchy LIMIT 1').pluck().get() as string;
    const input = { name: `bench-${mode}`, datasets: ['bench'], hierarchyId, models: MODELS, batches: mode === 'batches', privacySummary: mode === 'summary' };
    const start = performance.now();
    const summary = await classifyRun({ db: project.db, llm }, input);
    const seconds = (performance.now() - start) / 1000;
    const s = llm.stats;
    const answered = Object.values(s.byPrompt).reduce((sum, p) => sum + p.sent, 0);
    const actual = { calls: answered, uncached: s.inputTokens, cacheWrite: s.cacheWriteTokens, cacheRead: s.cacheReadTokens, output: s.outputTokens, costUsd: s.costUsd };
    const passRate = 1 - summary.screenedOut / summary.conversations;
    const estimate = estimateClassifyDetail(project.db, resolveConfig(input), { passRate }).modes[mode];
    const reactions = JSON.stringify(llm.limiter.adaptive.log);
    return { actual, estimate, seconds, answered, refused429: s.refused[429], peakInFlight: llm.gate.peak, reactions };
  } finally {
    fake.child.kill('SIGTERM');
    closeProject(project);
  }
}

const per1000 = (x: number) => (x * 1000) / N;
const k = (x: number) => `${(per1000(x) / 1000).toFixed(0)}K`.padStart(7);
const usd = (x: number) => `$${per1000(x).toFixed(2)}`.padStart(8);
const row = (label: string, t: Tally) => `  ${label.padEnd(9)} ${k(t.uncached)} ${k(t.cacheWrite)} ${k(t.cacheRead)} ${k(t.output)} ${usd(t.costUsd)}`;
const LABELS: Record<Mode, string> = { direct: 'direct', caching: 'direct + caching', batches: 'Message Batches', summary: 'privacy summary (+ caching)' };

const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-classify-'));
try {
  process.env.TASK_ATLAS_BATCH_POLL_MS = '200';
  await prepare(dir);
  console.log(`${N} conversations (a quarter with ~1.5K tokens pasted, a sixth with ~5K), models ${JSON.stringify(MODELS)}`);
  console.log(`fake Claude in its own process: ${LATENCY_MS} ms latency, enforcing ${RPM} requests/min; client configured with the same limit`);
  const results: Partial<Record<Mode, Measured>> = {};
  for (const mode of RUN_MODES) {
    const m = (results[mode] = await measure(dir, mode));
    const rpm = (m.answered / m.seconds) * 60;
    const pace = mode === 'batches' ? '(batches: not paced by the request limit)' : `${rpm.toFixed(0)} requests/min = ${(rpm / RPM).toFixed(3)} of the configured ${RPM} (ratio); ${m.refused429} answered 429 (reactions ${m.reactions}); peak ${m.peakInFlight} in flight`;
    console.log(`${LABELS[mode]}: ${m.answered} calls in ${m.seconds.toFixed(1)} s, ${pace}`);
  }
  await overshoot(dir);
  console.log('\nper 1,000 conversations: input uncached / cache write / cache read, output tokens, cost (actual = fake server usage; estimate = preview)');
  for (const mode of RUN_MODES) {
    const m = results[mode]!;
    console.log(`${LABELS[mode]}\n${row('actual', m.actual)}\n${row('estimate', m.estimate)}`);
  }
  const direct = results.direct?.actual;
  const cached = results.caching?.actual;
  const billed = (t: Tally) => t.uncached + 1.25 * t.cacheWrite + 0.1 * t.cacheRead;
  if (direct && cached) {
    console.log(
      `\nprompt caching saves ${(100 * (1 - billed(cached) / billed(direct))).toFixed(1)}% of billed-equivalent input tokens and ${(100 * (1 - cached.costUsd / direct.costUsd)).toFixed(1)}% of the cost on this corpus`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
