// The cost estimate against what the fake server reports as usage for the same run, on a fixed
// corpus of short and long conversations, in each of the four ways to run it. The fake bills
// prompt caching like the API (minimum cacheable lengths, writes and reads, caches per model), so
// agreement here means the preview a user sees is what the run costs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openProject, closeProject, type Project } from '../../src-main/engine/project';
import { importRelease } from '../../src-main/engine/ingest';
import { importConversations } from '../../src-main/engine/ingest/conversations';
import { importHierarchy } from '../../src-main/engine/hierarchy/store';
import { classifyRun, resolveConfig } from '../../src-main/engine/classify/run';
import { classifyModels } from '../../src-main/engine/classify/config';
import { estimateClassifyDetail, MODES, type Mode, type Tally } from '../../src-main/engine/classify/estimate';
import { DEFAULT_LLM_OPTIONS, LlmClient } from '../../src-main/engine/llm/client';
import { startFakeAnthropic } from '../../src-main/fake-anthropic/server';
import { DEFAULT_MODELS } from '../../src-shared/settings';
import { TINY_HIERARCHY } from '../fixtures/tiny-hierarchy';
import { writeCostCorpus } from './cost-corpus';

const N = 48;
/** Input token categories must agree within 2%, output tokens and cost within 10%. */
const INPUT_TOLERANCE = 0.02;
const OUTPUT_TOLERANCE = 0.1;

let dir: string;
const results = {} as Record<Mode, { actual: Tally; estimate: Tally }>;

async function runMode(mode: Mode): Promise<void> {
  const project: Project = openProject(join(dir, `${mode}.sqlite`), { resourcesDir: resolve(__dirname, '../../resources') });
  importRelease(project.db, { dir: resolve(__dirname, '../fixtures/mini-release'), id: 'mini' });
  importHierarchy(project.db, 'h.json', TINY_HIERARCHY);
  await importConversations(project.db, join(dir, 'corpus.jsonl'), { dataset: 'c' });
  const fake = await startFakeAnthropic({ seed: 5, batchDelayMs: 10 });
  try {
    const llm = new LlmClient(project.db, {
      ...DEFAULT_LLM_OPTIONS,
      model: DEFAULT_MODELS.task,
      baseURL: fake.baseURL,
      authToken: 'test',
      promptCaching: mode !== 'direct',
      limits: { requestsPerMinute: 600_000, inputTokensPerMinute: 1e10 },
    });
    const input = {
      name: mode,
      datasets: ['c'],
      hierarchyId: 'h',
      models: classifyModels(DEFAULT_MODELS),
      batches: mode === 'batches',
      privacySummary: mode === 'summary',
    };
    const summary = await classifyRun({ db: project.db, llm }, input);
    expect(summary).toMatchObject({ conversations: N, missing: 0, unclassified: 0 });
    const s = llm.stats;
    // Batch answers are accounted per prompt, not counted as sent requests.
    const calls = Object.values(s.byPrompt).reduce((sum, p) => sum + p.sent, 0);
    const actual = { calls, uncached: s.inputTokens, cacheWrite: s.cacheWriteTokens, cacheRead: s.cacheReadTokens, output: s.outputTokens, costUsd: s.costUsd };
    const passRate = 1 - summary.screenedOut / N;
    const estimate = estimateClassifyDetail(project.db, resolveConfig(input), { passRate }).modes[mode];
    results[mode] = { actual, estimate };
  } finally {
    await fake.close();
    closeProject(project);
  }
}

beforeAll(async () => {
  process.env.TASK_ATLAS_BATCH_POLL_MS = '20';
  dir = mkdtempSync(join(tmpdir(), 'atlas-estimate-'));
  writeCostCorpus(join(dir, 'corpus.jsonl'), N);
  for (const mode of MODES) await runMode(mode);
}, 120_000);

afterAll(() => {
  delete process.env.TASK_ATLAS_BATCH_POLL_MS;
  rmSync(dir, { recursive: true, force: true });
});

const near = (actual: number, estimate: number, tolerance: number) => Math.abs(estimate - actual) <= tolerance * Math.max(actual, 1) + 5;

describe('estimate vs the fake server’s usage for the same run', () => {
  it.each(MODES)('%s: every input token category within 2%, output and cost within 10%', (mode) => {
    const { actual, estimate } = results[mode];
    for (const key of ['uncached', 'cacheWrite', 'cacheRead'] as const) {
      expect(near(actual[key], estimate[key], INPUT_TOLERANCE), `${key}: actual ${actual[key]}, estimate ${estimate[key]}`).toBe(true);
    }
    expect(near(actual.output, estimate.output, OUTPUT_TOLERANCE), `output: actual ${actual.output}, estimate ${estimate.output}`).toBe(true);
    expect(near(actual.costUsd * 1e6, estimate.costUsd * 1e6, OUTPUT_TOLERANCE), `cost: actual ${actual.costUsd}, estimate ${estimate.costUsd}`).toBe(true);
    expect(Math.abs(estimate.calls - actual.calls)).toBeLessThanOrEqual(0.02 * actual.calls);
  });

  it('caching reads the conversation prefix and is cheaper; batches and the direct run cache nothing', () => {
    expect(results.caching.actual.cacheRead).toBeGreaterThan(0);
    expect(results.caching.actual.costUsd).toBeLessThan(results.direct.actual.costUsd);
    for (const mode of ['direct', 'batches'] as const) {
      expect(results[mode].actual.cacheWrite + results[mode].actual.cacheRead).toBe(0);
    }
    expect(results.batches.actual.costUsd).toBeCloseTo(results.direct.actual.costUsd / 2, 9);
  });
});
