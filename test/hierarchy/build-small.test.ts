// The hierarchy build end to end on a 400-task subset: real embedding code (tiny model), real SDK,
// fake Anthropic server. Fast enough to check resumption, batches mode, cancellation and export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAnthropic, type FakeAnthropic } from '../../src-main/fake-anthropic/server';
import { importFile } from '../../src-main/engine/ingest';
import { buildHierarchy, baseItems } from '../../src-main/engine/hierarchy/build';
import { levelSizes, withinTolerance, HierarchyConfigSchema } from '../../src-main/engine/hierarchy/config';
import { estimateBuild } from '../../src-main/engine/hierarchy/estimate';
import { exportHierarchy, importHierarchy, loadNodes, validateTree } from '../../src-main/engine/hierarchy/store';
import { CancelledError } from '../../src-main/engine/pipeline/cancel';
import { ImportError } from '../../src-main/engine/ingest/formats/errors';
import type { Project } from '../../src-main/engine/project';
import { close, llmFor, projectWithRelease, RELEASE_DIR, TEST_MODEL, tinyEmbedding, treeSignature } from './support';

let dir: string;
let fake: FakeAnthropic;
let project: Project;
const cfg = { taskDataset: 'subset', model: TEST_MODEL, seed: 3, concurrency: 8 };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-hier-'));
  fake = await startFakeAnthropic({ seed: 11, batchDelayMs: 50 });
  project = projectWithRelease(join(dir, 'p.sqlite'));
  const lines = readFileSync(join(RELEASE_DIR, 'onet_task_statements.csv'), 'utf8').split('\n');
  writeFileSync(join(dir, 'subset.csv'), lines.slice(0, 401).join('\n') + '\n');
  importFile(project.db, { kind: 'onet-tasks', path: join(dir, 'subset.csv'), dataset: 'subset' });
  process.env.TASK_ATLAS_BATCH_POLL_MS = '50';
});
afterAll(async () => {
  close(project);
  await fake.close();
});

async function build(over: Partial<typeof cfg> & { batches?: boolean } = {}, signal?: AbortSignal, onDone?: () => void) {
  const llm = llmFor(project, fake);
  const embedding = await tinyEmbedding(project);
  try {
    const result = await buildHierarchy({ db: project.db, llm, embed: embedding.embed }, { ...cfg, ...over }, {
      signal,
      onProgress: () => onDone?.(),
    });
    return { result, llm };
  } finally {
    await embedding.close();
  }
}

describe('level sizes', () => {
  it('follow n_l/n_(l-1) = (n_top/n_base)^(1/(L-1))', () => {
    expect(levelSizes(19530, 12, 3)).toEqual([19530, Math.round(19530 * (12 / 19530) ** 0.5), 12]);
    expect(levelSizes(19530, 12, 3)[1]).toBe(484);
    const four = levelSizes(10000, 10, 4);
    expect(four[1]).toBe(Math.round(10000 * (10 / 10000) ** (1 / 3)));
    expect(withinTolerance(474, 484)).toBe(true);
    expect(withinTolerance(300, 484)).toBe(false);
  });
});

describe('hierarchy build on a 400-task subset', () => {
  let first: Awaited<ReturnType<typeof build>>;

  beforeAll(async () => {
    first = await build();
  }, 180_000);

  it('puts every base task under exactly one parent, with no empty parent, at the target sizes', () => {
    const nodes = loadNodes(project.db, first.result.id);
    expect(validateTree(nodes)).toBeNull();
    expect(nodes.filter((n) => n.level === 0)).toHaveLength(baseItems(project.db, 'subset').length);
    expect(nodes.filter((n) => n.level === 0 && n.parent === null)).toHaveLength(0);
    first.result.sizes.forEach((size, l) => expect(withinTolerance(size, first.result.targets[l]!)).toBe(true));
    expect(first.llm.stats.sent).toBeGreaterThan(0);
  });

  it('runs again from the project’s cache: zero calls, same tree', async () => {
    const completed = fake.stats().completed;
    const again = await build();
    expect(again.llm.stats.sent).toBe(0);
    expect(fake.stats().completed).toBe(completed);
    expect(again.result.id).toBe(first.result.id);
    expect(treeSignature(project.db, again.result.id)).toEqual(treeSignature(project.db, first.result.id));
  });

  it('previews the cost before running, close to what the build used', () => {
    const est = estimateBuild(HierarchyConfigSchema.parse(cfg), baseItems(project.db, 'subset').map((b) => b.text));
    const actual = first.llm.stats.sent;
    expect(est.calls).toBeGreaterThan(actual * 0.6);
    expect(est.calls).toBeLessThan(actual * 1.5);
    expect(est.costUsd).toBeGreaterThan(0);
    expect(est.costUsdWithBatches).toBeCloseTo(est.costUsd / 2, 10);
  });

  it('in batches mode sends each step as a Message Batch and builds the same kind of tree', async () => {
    const batchesBefore = fake.stats().batches;
    const { result, llm } = await build({ seed: 4, batches: true });
    expect(fake.stats().batches - batchesBefore).toBeGreaterThanOrEqual(8);
    expect(llm.stats.sent).toBe(0); // every first turn came from a batch
    expect(validateTree(loadNodes(project.db, result.id))).toBeNull();
    const viaBatch = project.db.prepare('SELECT count(*) FROM llm_call WHERE via_batch = 1').pluck().get() as number;
    expect(viaBatch).toBeGreaterThan(50);
  });

  it('cancels cleanly and resumes without repeating a call', async () => {
    const controller = new AbortController();
    let events = 0;
    const startCompleted = fake.stats().completed;
    await expect(build({ seed: 5 }, controller.signal, () => (++events === 40 ? controller.abort() : undefined))).rejects.toBeInstanceOf(
      CancelledError,
    );
    const beforeResume = fake.stats().completed;
    expect(beforeResume).toBeGreaterThan(startCompleted);
    const resumed = await build({ seed: 5 });
    expect(fake.stats().duplicates()).toBe(0);
    expect(validateTree(loadNodes(project.db, resumed.result.id))).toBeNull();
  });

  it('exports and imports as JSON, and refuses a broken file without changing anything', async () => {
    const file = exportHierarchy(project.db, first.result.id);
    const other = projectWithRelease(join(dir, 'other.sqlite'));
    try {
      importHierarchy(other.db, 'h.json', JSON.parse(JSON.stringify(file)));
      expect(treeSignature(other.db, first.result.id)).toEqual(treeSignature(project.db, first.result.id));
      const broken = JSON.parse(JSON.stringify(file)) as typeof file;
      const orphan = broken.nodes.find((n) => n.level === 0)!;
      orphan.parent = 'no-such-parent';
      const before = other.db.prepare('SELECT count(*) FROM hierarchy_node').pluck().get();
      expect(() => importHierarchy(other.db, 'broken.json', broken)).toThrow(ImportError);
      expect(() => importHierarchy(other.db, 'foreign.json', { hello: 'world' })).toThrow(/not a Task Atlas hierarchy/);
      expect(other.db.prepare('SELECT count(*) FROM hierarchy_node').pluck().get()).toBe(before);
    } finally {
      close(other);
    }
  });
});
