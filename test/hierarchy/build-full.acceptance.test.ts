// The acceptance build: every distinct task statement of the bundled release (~18.4K texts of the
// 19,530 rows) through the whole pipeline, against a fake server that fails 20% of requests
// (429/529/500) and garbles 5% of answers. It must still finish with a valid tree.
// Acceptance tier (`npm run test:acceptance`): the only full-size build of a test run; every other
// hierarchy test works on a subset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { buildHierarchy, baseItems, type BuildResult } from '../../src-main/engine/hierarchy/build';
import { withinTolerance } from '../../src-main/engine/hierarchy/config';
import { loadNodes, validateTree } from '../../src-main/engine/hierarchy/store';
import type { LlmClient } from '../../src-main/engine/llm/client';
import type { Project } from '../../src-main/engine/project';
import { close, llmFor, projectWithRelease, TEST_MODEL, tinyEmbedding } from './support';

let fake: FakeAnthropic;
let project: Project;
let result: BuildResult;
let llm: LlmClient;

beforeAll(async () => {
  fake = await startFakeAnthropic({
    seed: 21,
    rate429: 0.1,
    rate529: 0.05,
    rate500: 0.05,
    retryAfterSeconds: 0.05,
    malformedRate: 0.05,
  });
  project = projectWithRelease(join(mkdtempSync(join(tmpdir(), 'atlas-full-')), 'p.sqlite'));
  llm = llmFor(project, fake, { maxAttempts: 12 });
  const embedding = await tinyEmbedding(project);
  try {
    result = await buildHierarchy({ db: project.db, llm, embed: embedding.embed }, { model: TEST_MODEL, concurrency: 16 });
  } finally {
    await embedding.close();
  }
}, 900_000);
afterAll(async () => {
  close(project);
  await fake.close();
});

describe('full hierarchy build with injected faults', () => {
  it('builds three levels within the paper’s tolerance of n_top=12 and n_l', () => {
    expect(result.sizes[0]).toBe(baseItems(project.db, 'aei-2025-02-10').length);
    expect(result.sizes[0]).toBeGreaterThan(18_000);
    expect(result.targets[2]).toBe(12);
    result.sizes.forEach((size, l) => expect(withinTolerance(size, result.targets[l]!)).toBe(true));
  });

  it('puts every base task under exactly one parent and leaves no parent empty', () => {
    const nodes = loadNodes(project.db, result.id);
    expect(validateTree(nodes)).toBeNull();
    const base = nodes.filter((n) => n.level === 0);
    expect(base.every((n) => n.parent !== null)).toBe(true);
    expect(new Set(base.map((n) => n.id)).size).toBe(base.length);
  });

  it('retried every kind of injected error and corrected garbled answers, and says so', () => {
    const retries = Object.keys(llm.stats.retries).join(' ');
    expect(retries).toMatch(/HTTP 429/);
    expect(retries).toMatch(/HTTP 529/);
    expect(retries).toMatch(/HTTP 500/);
    const s = fake.stats();
    expect(s.errors[429] + s.errors[529] + s.errors[500]).toBeGreaterThan(0.1 * s.requests);
    expect(s.malformed).toBeGreaterThan(0);
    expect(llm.stats.invalidAnswers).toBeGreaterThanOrEqual(s.malformed);
    const stored = project.db.prepare("SELECT stats_json FROM hierarchy WHERE id = ?").pluck().get(result.id) as string;
    expect(JSON.parse(stored).reports).toHaveLength(2);
    expect(s.duplicates()).toBe(0);
  });
});
