// Hierarchies in the project file: saved level by level, loaded as a tree, exported and imported as
// JSON (validated: every node but the top has exactly one parent one level up, no parent is empty).
import { z } from 'zod';
import { NotFoundError } from '../errors';
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
  const top = Math.max(...nodes.map((n) => n.level));
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

export function importHierarchy(db: Db, file: string, json: unknown): { id: string; nodes: number } {
  const parsed = HierarchyFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(`not a Task Atlas hierarchy: ${issue.path.join('.')}: ${issue.message}`, { file });
  }
  const h = parsed.data;
  const problem = validateTree(h.nodes);
  if (problem) throw new ImportError(`invalid hierarchy: ${problem}`, { file });
  db.transaction(() => {
    db.prepare('DELETE FROM hierarchy WHERE id = ?').run(h.id);
    const now = new Date().toISOString();
    db.prepare(
      "INSERT INTO hierarchy (id, name, status, config_json, created_at, updated_at) VALUES (?, ?, 'complete', ?, ?, ?)",
    ).run(h.id, h.name, JSON.stringify(h.config), h.createdAt, now);
    saveNodes(db, h.id, h.nodes);
  })();
  return { id: h.id, nodes: h.nodes.length };
}
