// The whole hierarchy build over the O*NET task statements: base level = the distinct task texts
// (or a seeded sample of them), then one buildLevel() per level up to n_top. The build's id is a
// hash of its configuration, so running the same build again resumes it (checkpoints + call cache)
// instead of starting over.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/open';
import type { RunContext } from '../pipeline/steps';
import { normaliseTask } from '../analyze/occupations';
import { HierarchyConfigSchema, levelSizes, type HierarchyConfig } from './config';
import { shuffled, subSeed } from './random';
import { buildLevel, parentText, type LevelDeps, type LevelItem, type LevelReport } from './level';
import { saveNodes, type HierarchyNode } from './store';

export interface BuildResult {
  id: string;
  sizes: number[];
  targets: number[];
  reports: LevelReport[];
}

export function hierarchyId(cfg: HierarchyConfig): string {
  return 'h-' + createHash('sha256').update(JSON.stringify(cfg)).digest('hex').slice(0, 12);
}

/** One base item per distinct (lower-cased, trimmed) task text, in a stable order. */
export function baseItems(db: Db, dataset: string): LevelItem[] {
  const rows = db.prepare('SELECT task FROM task_statement WHERE dataset = ? ORDER BY code, task_id').pluck().all(dataset) as string[];
  if (rows.length === 0) throw new Error(`no task statements in dataset "${dataset}": import them first`);
  const seen = new Map<string, string>();
  for (const task of rows) {
    const key = normaliseTask(task);
    if (!seen.has(key)) seen.set(key, task);
  }
  return [...seen]
    .map(([key, text]) => ({ id: 'b-' + createHash('sha256').update(key).digest('hex').slice(0, 16), text }))
    .sort((a, b) => a.id.localeCompare(b.id));
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
    .sort((a, b) => a.id.localeCompare(b.id));
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
  const targets = levelSizes(base.length, cfg.nTop, cfg.levels);
  upsertHierarchy(db, id, cfg, 'building');
  db.prepare('DELETE FROM hierarchy_node WHERE hierarchy_id = ?').run(id);
  saveNodes(db, id, base.map((b) => ({ id: b.id, level: 0, name: b.text, description: '', parent: null })));
  const levelDeps: LevelDeps = { ...deps, model: cfg.model, concurrency: cfg.concurrency, batches: cfg.batches };
  let items = base;
  const reports: LevelReport[] = [];
  const sizes = [base.length];
  for (let level = 1; level < cfg.levels; level++) {
    const { parents, report } = await buildLevel(levelDeps, cfg, level, items, targets[level]!, ctx);
    const nodes: HierarchyNode[] = parents.map((p) => ({ id: p.id, level, name: p.name, description: p.description, parent: null }));
    saveNodes(db, id, nodes);
    const setParent = db.prepare('UPDATE hierarchy_node SET parent_id = ? WHERE hierarchy_id = ? AND node_id = ?');
    db.transaction(() => {
      for (const p of parents) for (const child of p.children) setParent.run(p.id, id, child);
    })();
    reports.push(report);
    sizes.push(parents.length);
    ctx.onLevel?.(report);
    items = parents.map((p) => ({ id: p.id, text: parentText(p) }));
  }
  upsertHierarchy(db, id, cfg, 'complete', { sizes, targets, reports });
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
