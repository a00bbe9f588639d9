// Appendix G on a corpus whose clusters are pure by construction: sixteen groups, each asking for
// one O*NET statement in identical words, so every cluster holds one true task. Placed by the same
// F.2 traversal as the conversations, the clusters reproduce direct assignment: category-level
// Pearson ≥ 0.95 (the acceptance bar), and no task found by one method only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReconstructionReport } from '../../src-shared/reconstruct';
import { closeProject, type Project } from '../../src-main/engine/project';
import { reconstructRun } from '../../src-main/engine/reconstruct/run';
import { loadReport } from '../../src-main/engine/reconstruct/store';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { openBundledProject } from '../support/shared-projects';
import { llmFor, tinyEmbedding } from '../hierarchy/support';
import { classify, configFor, GROUPS, importPureCorpus, setUpHierarchy } from './support';

let project: Project;
let fake: FakeAnthropic;
let report: ReconstructionReport;
let conversations: number;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-reconstruct-pure-'));
  project = openBundledProject(join(dir, 'p.sqlite'));
  const tasks = setUpHierarchy(project);
  conversations = await importPureCorpus(project, dir, tasks);
  fake = await startFakeAnthropic({ seed: 2 });
  await classify(project, fake, 'pure', 'pure');
  const embedding = await tinyEmbedding(project);
  try {
    const deps = { db: project.db, llm: llmFor(project, fake), embed: embedding.embed, embeddingModel: embedding.modelId };
    report = await reconstructRun(deps, configFor(project, { run: 'pure', levels: [5, 10, 50, 1000] }));
  } finally {
    await embedding.close();
  }
}, 180_000);

afterAll(async () => {
  closeProject(project);
  await fake.close();
});

describe('reconstruction of a corpus with pure clusters', () => {
  it('clusters every classified conversation, clipping k to the distinct requests', () => {
    expect(report.conversations).toBe(conversations);
    expect(report.levels.map((l) => [l.meanClusterSize, l.clusters])).toEqual([
      [5, GROUPS],
      [10, GROUPS],
      [50, Math.round(conversations / 50)],
    ]);
    expect(report.skipped).toEqual([{ meanClusterSize: 1000, reason: `${conversations} conversations give 1 cluster of about 1000: a comparison needs at least 2` }]);
  });

  it('makes one cluster per group at the fine levels, each placed on a task', () => {
    const sizes = project.db
      .prepare("SELECT size FROM reconstruct_cluster WHERE run_id = 'pure' AND mean_size = 5 AND status = 'placed' ORDER BY size")
      .pluck()
      .all();
    expect(sizes).toEqual(Array.from({ length: GROUPS }, (_, g) => 6 + g));
  });

  it('reproduces direct assignment at category level with Pearson ≥ 0.95 where clusters are pure', () => {
    for (const level of report.levels.slice(0, 2)) {
      expect(level.metrics.category.pearson!).toBeGreaterThanOrEqual(0.95);
      expect(level.metrics.category.n).toBeGreaterThan(3);
      // Pure clusters are placed exactly where their conversations were: nothing found by one side only.
      expect(level.recovered.task).toMatchObject({ directOnly: 0, clusterOnly: 0 });
      expect(level.metrics.task.mse).toBeCloseTo(0, 10);
    }
  });

  it('loses detail where clusters merge groups (fewer tasks than direct assignment)', () => {
    const coarse = report.levels[2]!;
    expect(coarse.recovered.task.both + coarse.recovered.task.clusterOnly).toBeLessThanOrEqual(coarse.clusters);
    expect(coarse.recovered.task.directOnly).toBeGreaterThan(0);
  });

  it('stores the report that analysis.reconstruction serves, with its provenance', () => {
    expect(loadReport(project.db, 'pure')).toEqual(report);
    expect(report).toMatchObject({ run: 'pure', method: 'claude', thresholds: { minConversations: 5, minAccounts: 2 } });
    expect(report.promptVersions).toEqual({
      request: 'reconstruct.request@reconstruct-request-v1',
      cluster: 'reconstruct.cluster@reconstruct-cluster-v1',
      placement: 'classify.task@appendix-f',
    });
    expect(fake.stats().byKind['reconstruct.cluster']).toBeGreaterThan(0);
  });
});
