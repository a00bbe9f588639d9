// Wizard, hierarchy: the project's hierarchies, a cost preview of a build, browsing (children of a
// node, or a search with each hit's path), and import / export as the portable JSON file.
import { renameSync, writeFileSync } from 'node:fs';
import type { HierarchyNodeView, HierarchySummary } from '../../../src-shared/api';
import type { Db } from '../../db/open';
import type { AppHost } from '../host';
import { buildBaseItems } from '../hierarchy/build';
import { estimateBuild } from '../hierarchy/estimate';
import { exportHierarchy, importHierarchy } from '../hierarchy/store';
import { ImportError } from '../ingest/formats/errors';
import { assertNoDuplicateKeys } from '../base/json';
import { readInputText } from '../base/files';
import { NotFoundError } from '../errors';
import { expandPath } from '../paths';
import { hierarchyConfigFrom } from '../jobs/hierarchy-build';
import type { HandlerGroup } from './types';

type HierarchyCalls = 'hierarchy.list' | 'hierarchy.estimate' | 'hierarchy.nodes' | 'hierarchy.import' | 'hierarchy.export';

const DEFAULT_NODE_LIMIT = 500;

export function hierarchyHandlers(host: AppHost): HandlerGroup<HierarchyCalls> {
  const db = () => host.project.db;
  return {
    'hierarchy.list': async () => listHierarchies(db(), host.jobs.activeJobs().some((j) => j.kind === 'hierarchy.build')),
    'hierarchy.estimate': async (args) => {
      const cfg = hierarchyConfigFrom(args.config, host.settings.get());
      const base = buildBaseItems(db(), cfg);
      const est = estimateBuild(cfg, base.map((b) => b.text));
      return {
        model: est.model,
        priceKnown: est.priceKnown,
        baseTasks: base.length,
        targets: est.targets,
        calls: est.calls,
        inputTokens: est.inputTokens,
        outputTokens: est.outputTokens,
        costUsd: est.costUsd,
        costUsdWithBatches: est.costUsdWithBatches,
      };
    },
    'hierarchy.nodes': async (args) => nodes(db(), args),
    'hierarchy.import': async (args) => {
      const file = expandPath(args.path);
      let json: unknown;
      let text: string;
      try {
        text = readInputText(file);
        json = JSON.parse(text);
      } catch (err) {
        if (err instanceof ImportError) throw err; // a folder, a missing or unreadable path, named
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new NotFoundError(`no file at ${file}`);
        throw new ImportError(code ? `cannot read the file (${code})` : `not valid JSON (${(err as Error).message})`, { file });
      }
      assertNoDuplicateKeys(file, text);
      return importHierarchy(db(), file, json, args.as);
    },
    'hierarchy.export': async (args) => {
      requireHierarchy(db(), args.id);
      const file = expandPath(args.path);
      const tmp = `${file}.tmp-${process.pid}`;
      writeFileSync(tmp, JSON.stringify(exportHierarchy(db(), args.id), null, 1));
      renameSync(tmp, file);
      return { path: file };
    },
  };
}

/** A build left 'building' by a paused or crashed job is shown as 'incomplete'. */
function listHierarchies(db: Db, building: boolean): HierarchySummary[] {
  const rows = db.prepare('SELECT id, name, status, config_json, created_at FROM hierarchy ORDER BY created_at, id').all() as {
    id: string;
    name: string;
    status: string;
    config_json: string;
    created_at: string;
  }[];
  const sizes = db.prepare('SELECT level, count(*) AS n FROM hierarchy_node WHERE hierarchy_id = ? GROUP BY level ORDER BY level');
  return rows.map((r) => {
    const cfg = JSON.parse(r.config_json) as { taskDataset?: unknown; model?: unknown };
    return {
      id: r.id,
      name: r.name,
      status: r.status === 'building' && !building ? 'incomplete' : r.status,
      sizes: (sizes.all(r.id) as { level: number; n: number }[]).map((s) => s.n),
      createdAt: r.created_at,
      taskDataset: typeof cfg.taskDataset === 'string' ? cfg.taskDataset : null,
      model: typeof cfg.model === 'string' ? cfg.model : null,
    };
  });
}

function requireHierarchy(db: Db, id: string): void {
  if (db.prepare('SELECT 1 FROM hierarchy WHERE id = ?').get(id) === undefined) throw new NotFoundError(`no hierarchy "${id}" in this project`);
}

/** A node as NODE_SELECT reads it: the contract's view without the search path. */
type NodeRow = Omit<HierarchyNodeView, 'path'>;

const NODE_SELECT = `SELECT n.node_id AS id, n.level, n.name, n.description, n.parent_id AS parent,
  (SELECT count(*) FROM hierarchy_node c WHERE c.hierarchy_id = n.hierarchy_id AND c.parent_id = n.node_id) AS children
  FROM hierarchy_node n WHERE n.hierarchy_id = ?`;

function nodes(db: Db, args: { id: string; parent?: string; search?: string; limit?: number }): HierarchyNodeView[] {
  requireHierarchy(db, args.id);
  const limit = args.limit ?? DEFAULT_NODE_LIMIT;
  if (args.search !== undefined) return search(db, args.id, args.search, limit);
  if (args.parent !== undefined) {
    if (db.prepare('SELECT 1 FROM hierarchy_node WHERE hierarchy_id = ? AND node_id = ?').get(args.id, args.parent) === undefined) {
      throw new NotFoundError(`no node "${args.parent}" in hierarchy "${args.id}"`);
    }
    return db.prepare(`${NODE_SELECT} AND n.parent_id = ? ORDER BY n.name, n.node_id LIMIT ?`).all(args.id, args.parent, limit) as NodeRow[];
  }
  const top = db.prepare('SELECT max(level) FROM hierarchy_node WHERE hierarchy_id = ?').pluck().get(args.id) as number | null;
  return db.prepare(`${NODE_SELECT} AND n.level = ? ORDER BY n.name, n.node_id LIMIT ?`).all(args.id, top ?? 0, limit) as NodeRow[];
}

/** Case-insensitive substring match on names and descriptions, higher levels first, each with its path. */
function search(db: Db, id: string, text: string, limit: number): HierarchyNodeView[] {
  const needle = text.toLowerCase();
  const hits = db
    .prepare(`${NODE_SELECT} AND (instr(lower(n.name), ?) > 0 OR instr(lower(n.description), ?) > 0) ORDER BY n.level DESC, n.name, n.node_id LIMIT ?`)
    .all(id, needle, needle, limit) as NodeRow[];
  const all = db.prepare('SELECT node_id AS id, name, parent_id AS parent FROM hierarchy_node WHERE hierarchy_id = ?').all(id) as {
    id: string;
    name: string;
    parent: string | null;
  }[];
  const byId = new Map(all.map((n) => [n.id, n]));
  return hits.map((hit) => {
    const path: string[] = [];
    for (let p = hit.parent === null ? undefined : byId.get(hit.parent); p; p = p.parent === null ? undefined : byId.get(p.parent)) {
      path.unshift(p.name);
      if (path.length > 10) break; // a malformed import cannot loop forever
    }
    return { ...hit, path };
  });
}
