// Hierarchies in the project file: saved level by level, loaded as a tree, exported and imported as
// JSON (validated: every node but the top has exactly one parent one level up, no parent is empty).
// Each complete hierarchy has a content hash over its nodes: runs record it, and importing other
// content under an id that exists is refused, so a finished run's results cannot be rewritten.
import { z } from 'zod';
import { sha256 } from '../base/hash';
import { ConflictError, NotFoundError } from '../errors';
import type { Db } from '../../db/open';
import { ImportError } from '../ingest/formats/errors';

export const HierarchyFileSchema = z.object({
  format: z.literal('task-atlas.hierarchy'),
  version: z.literal(1),
  id: z.string().min(1),
  name: z.string(),
  config: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  nodes: z.array(
    z.object({
      id: z.string().min(1),
      level: z.number().int().min(0),
      name: z.string().min(1),
      description: z.string(),
      parent: z.string().nullable(),
    }),
  ),
});
export type HierarchyFile = z.infer<typeof HierarchyFileSchema>;
export type HierarchyNode = HierarchyFile['nodes'][number];

export function saveNodes(db: Db, hierarchyId: string, nodes: readonly HierarchyNode[]): void {
  const insert = db.prepare(
    `INSERT OR REPLACE INTO hierarchy_node (hierarchy_id, node_id, level, name, description, parent_id)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const n of nodes) insert.run(hierarchyId, n.id, n.level, n.name, n.description, n.parent);
  })();
}

export function loadNodes(db: Db, hierarchyId: string): HierarchyNode[] {
  return db
    .prepare(
      `SELECT node_id AS id, level, name, description, parent_id AS parent FROM hierarchy_node
       WHERE hierarchy_id = ? ORDER BY level DESC, node_id`,
    )
    .all(hierarchyId) as HierarchyNode[];
}

export function exportHierarchy(db: Db, hierarchyId: string): HierarchyFile {
  const row = db.prepare('SELECT id, name, config_json, created_at FROM hierarchy WHERE id = ?').get(hierarchyId) as
    | { id: string; name: string; config_json: string; created_at: string }
    | undefined;
  if (!row) throw new NotFoundError(`no hierarchy "${hierarchyId}"`);
  return {
    format: 'task-atlas.hierarchy',
    version: 1,
    id: row.id,
    name: row.name,
    config: JSON.parse(row.config_json) as Record<string, unknown>,
    createdAt: row.created_at,
    nodes: loadNodes(db, hierarchyId),
  };
}

/** Structural checks shared by import and by the build's own acceptance test. */
export function validateTree(nodes: readonly HierarchyNode[]): string | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  if (byId.size !== nodes.length) return 'duplicate node ids';
  // A loop, not Math.max(...levels): spreading a very large hierarchy overflows the call stack.
  const top = nodes.reduce((m, n) => Math.max(m, n.level), -Infinity);
  const childCount = new Map<string, number>();
  for (const n of nodes) {
    if (n.level === top) {
      if (n.parent !== null) return `top-level node ${n.id} has a parent`;
      continue;
    }
    const parent = n.parent === null ? undefined : byId.get(n.parent);
    if (!parent) return `node ${n.id} has no parent`;
    if (parent.level !== n.level + 1) return `node ${n.id} (level ${n.level}) has a parent at level ${parent.level}`;
    childCount.set(parent.id, (childCount.get(parent.id) ?? 0) + 1);
  }
  const empty = nodes.find((n) => n.level > 0 && !childCount.has(n.id));
  return empty ? `node ${empty.id} has no children` : null;
}

/** sha256 over the nodes in id order, each as [id, level, name, description, parent]. */
export function hierarchyContentHash(nodes: readonly HierarchyNode[]): string {
  const lines = [...nodes]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((n) => JSON.stringify([n.id, n.level, n.name, n.description, n.parent]));
  return sha256(lines.join('\n'));
}

/** Computes and stores a hierarchy's content hash (called when a build or import completes). */
export function sealHierarchy(db: Db, hierarchyId: string): string {
  const hash = hierarchyContentHash(loadNodes(db, hierarchyId));
  db.prepare('UPDATE hierarchy SET content_hash = ? WHERE id = ?').run(hash, hierarchyId);
  return hash;
}

/**
 * The stored content hash; computed on first use for hierarchies saved before hashes existed (and
 * stored once complete: a hierarchy still building is hashed as it stands, never sealed).
 */
export function hierarchyHash(db: Db, hierarchyId: string): string {
  const row = db.prepare('SELECT content_hash, status FROM hierarchy WHERE id = ?').get(hierarchyId) as
    | { content_hash: string | null; status: string }
    | undefined;
  if (!row) throw new NotFoundError(`no hierarchy "${hierarchyId}"`);
  if (row.content_hash !== null) return row.content_hash;
  return row.status === 'complete' ? sealHierarchy(db, hierarchyId) : hierarchyContentHash(loadNodes(db, hierarchyId));
}

export interface ImportedHierarchy {
  id: string;
  nodes: number;
  contentHash: string;
  /** True when the project already held exactly this content under this id (nothing was written). */
  unchanged: boolean;
}

/**
 * Imports a hierarchy file under its own id, or under `as`. The same content again is a no-op;
 * different content under an id that exists is refused: runs computed from the old content would
 * otherwise report new numbers under their old names.
 */
export function importHierarchy(db: Db, file: string, json: unknown, as?: string): ImportedHierarchy {
  const parsed = HierarchyFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(`not a Task Atlas hierarchy: ${issue.path.join('.')}: ${issue.message}`, { file });
  }
  const h = parsed.data;
  const id = as ?? h.id;
  const problem = validateTree(h.nodes);
  if (problem) throw new ImportError(`invalid hierarchy: ${problem}`, { file });
  const contentHash = hierarchyContentHash(h.nodes);
  const exists = db.prepare('SELECT 1 FROM hierarchy WHERE id = ?').get(id) !== undefined;
  if (exists) {
    const current = hierarchyHash(db, id);
    if (current === contentHash) return { id, nodes: h.nodes.length, contentHash, unchanged: true };
    throw new ConflictError(
      `the project already has a hierarchy "${id}" with different content (${short(current)}, this file ${short(contentHash)}); ` +
        'import it under another id (CLI: --as NEW_ID) so the runs computed from the existing one keep their results',
    );
  }
  db.transaction(() => {
    const now = new Date().toISOString();
    db.prepare(
      "INSERT INTO hierarchy (id, name, status, config_json, created_at, updated_at, content_hash) VALUES (?, ?, 'complete', ?, ?, ?, ?)",
    ).run(id, h.name, JSON.stringify(h.config), h.createdAt, now, contentHash);
    saveNodes(db, id, h.nodes);
  })();
  return { id, nodes: h.nodes.length, contentHash, unchanged: false };
}

/** The first 12 hex digits: enough to tell two contents apart in a message. */
export function short(hash: string): string {
  return hash.slice(0, 12);
}
