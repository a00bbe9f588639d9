// Text view of a stored hierarchy: top levels with their child counts, for `hierarchy show`.
import type { Db } from '../db/open';
import { loadNodes, type HierarchyNode } from '../engine/hierarchy/store';

export function latestHierarchyId(db: Db): string | null {
  return (db.prepare("SELECT id FROM hierarchy WHERE status = 'complete' ORDER BY updated_at DESC LIMIT 1").pluck().get() as string | undefined) ?? null;
}

export function formatTree(db: Db, id: string, depth: number): string {
  const nodes = loadNodes(db, id);
  const children = new Map<string, HierarchyNode[]>();
  for (const n of nodes) {
    if (n.parent === null) continue;
    const list = children.get(n.parent) ?? [];
    list.push(n);
    children.set(n.parent, list);
  }
  const top = Math.max(...nodes.map((n) => n.level));
  const perLevel = Array.from({ length: top + 1 }, (_, l) => nodes.filter((n) => n.level === l).length);
  const lines = [`${id}: ${perLevel.slice().reverse().join(' / ')} nodes (top → base)`];
  const walk = (n: HierarchyNode, indent: number) => {
    const kids = children.get(n.id) ?? [];
    lines.push(`${'  '.repeat(indent)}${n.name}${kids.length ? `  (${kids.length})` : ''}`);
    if (indent + 1 < depth) for (const k of kids.sort((a, b) => a.name.localeCompare(b.name))) walk(k, indent + 1);
  };
  for (const n of nodes.filter((x) => x.level === top).sort((a, b) => a.name.localeCompare(b.name))) walk(n, 0);
  return lines.join('\n');
}
