// The whole hierarchy build over the O*NET task statements: base level = the distinct task texts
// (or a seeded sample of them), then one buildLevel() per level up to n_top. The build's id is a
// hash of its configuration, so running the same build again resumes it (checkpoints + call cache)
// instead of starting over.
import { sha256 } from '../base/hash';
import { inChunks, yieldToEventLoop } from '../base/yield';
import { UnavailableError } from '../errors';
import type { Db } from '../../db/open';
import type { RunContext } from '../pipeline/steps';
import { PhaseTracker } from '../pipeline/phases';
import { hierarchyPhases } from './phases';
import { normaliseTask } from '../analyze/occupations';
import { HierarchyConfigSchema, levelSizes, type HierarchyConfig } from './config';
import { shuffled, subSeed } from './random';
import { buildLevel, parentText, type LevelDeps, type LevelItem, type LevelReport } from './level';
import { saveNodes, sealHierarchy, type HierarchyNode } from './store';

/** Rows per transaction when writing a level: a few ms each, so the transports keep answering. */
const WRITE_CHUNK = 2000;

export interface BuildResult {
  id: string;
  sizes: number[];
  targets: number[];
  reports: LevelReport[];
}

export function hierarchyId(cfg: HierarchyConfig): string {
  return 'h-' + sha256(JSON.stringify(cfg)).slice(0, 12);
}

/** One base item per distinct (lower-cased, trimmed) task text, in a stable order. */
export function baseItems(db: Db, dataset: string): LevelItem[] {
  const rows = db.prepare('SELECT task FROM task_statement WHERE dataset = ? ORDER BY code, task_id').pluck().all(dataset) as string[];
  if (rows.length === 0) throw new UnavailableError(`no task statements in dataset "${dataset}": import them first`, 'data');
  const seen = new Map<string, string>();
  for (const task of rows) {
    const key = normaliseTask(task);
    if (!seen.has(key)) seen.set(key, task);
  }
  return [...seen]
    .map(([key, text]) => ({ id: 'b-' + sha256(key).slice(0, 16), text }))
    .sort(byId);
}

/** Ids are ASCII ("b-" + hex): a code-point comparison gives the same order as localeCompare, far faster. */
function byId(a: LevelItem, b: LevelItem): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The base level of a build: every distinct task, or a seeded random sample of `sampleSize` of them
 * (the same seed picks the same tasks, so a resumed trial build sends the same prompts).
 */
export function buildBaseItems(db: Db, cfg: Pick<HierarchyConfig, 'taskDataset' | 'sampleSize' | 'seed'>): LevelItem[] {
  const all = baseItems(db, cfg.taskDataset);
  if (cfg.sampleSize === undefined || cfg.sampleSize >= all.length) return all;
  return shuffled(all, subSeed(cfg.seed, 'base-sample'))
    .slice(0, cfg.sampleSize)
    .sort(byId);
}

export async function buildHierarchy(
  deps: Omit<LevelDeps, 'model' | 'concurrency' | 'batches'>,
  input: Partial<HierarchyConfig>,
  ctx: RunContext & { onLevel?: (r: LevelReport) => void } = {},
): Promise<BuildResult> {
  const cfg = HierarchyConfigSchema.parse(input);
  const id = hierarchyId(cfg);
  const { db } = deps;
  const base = buildBaseItems(db, cfg);
  await yieldToEventLoop();
  const targets = levelSizes(base.length, cfg.nTop, cfg.levels);
  upsertHierarchy(db, id, cfg, 'building');
  // Unsealed while nodes are rewritten; runs that recorded the old hash will see any difference.
  db.prepare('UPDATE hierarchy SET content_hash = NULL WHERE id = ?').run(id);
  db.prepare('DELETE FROM hierarchy_node WHERE hierarchy_id = ?').run(id);
  // Chunked: the status stays 'building' until the end, and a rerun rewrites every node anyway.
  const baseNodes = base.map((b): HierarchyNode => ({ id: b.id, level: 0, name: b.text, description: '', parent: null }));
  await inChunks(baseNodes, WRITE_CHUNK, (chunk) => saveNodes(db, id, chunk));
  const levelDeps: LevelDeps = { ...deps, model: cfg.model, concurrency: cfg.concurrency, batches: cfg.batches };
  // One progress for the whole build: every level's steps are phases weighted by their expected work.
  const levelCtx = { ...ctx, tracker: new PhaseTracker(hierarchyPhases(cfg, targets)) };
  let items = base;
  const reports: LevelReport[] = [];
  const sizes = [base.length];
  for (let level = 1; level < cfg.levels; level++) {
    const { parents, report } = await buildLevel(levelDeps, cfg, level, items, targets[level]!, levelCtx);
    const nodes: HierarchyNode[] = parents.map((p) => ({ id: p.id, level, name: p.name, description: p.description, parent: null }));
    await inChunks(nodes, WRITE_CHUNK, (chunk) => saveNodes(db, id, chunk));
    const setParent = db.prepare('UPDATE hierarchy_node SET parent_id = ? WHERE hierarchy_id = ? AND node_id = ?');
    const links = parents.flatMap((p) => p.children.map((child) => [p.id, child] as const));
    await inChunks(links, WRITE_CHUNK, (chunk) =>
      db.transaction(() => {
        for (const [parent, child] of chunk) setParent.run(parent, id, child);
      })(),
    );
    reports.push(report);
    sizes.push(parents.length);
    ctx.onLevel?.(report);
    items = parents.map((p) => ({ id: p.id, text: parentText(p) }));
  }
  upsertHierarchy(db, id, cfg, 'complete', { sizes, targets, reports });
  sealHierarchy(db, id);
  return { id, sizes, targets, reports };
}

function upsertHierarchy(db: Db, id: string, cfg: HierarchyConfig, status: string, stats?: unknown): void {
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO hierarchy (id, name, status, config_json, stats_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET status = excluded.status, stats_json = coalesce(excluded.stats_json, stats_json),
       updated_at = excluded.updated_at`,
  ).run(id, cfg.name, status, JSON.stringify(cfg), stats === undefined ? null : JSON.stringify(stats), now, now);
}
