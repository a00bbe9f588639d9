// Text view of a stored hierarchy: top levels with their child counts, for `hierarchy show`.
import type { Db } from '../db/open';
import type { HierarchyNode } from '../engine/hierarchy/store';
import { loadTree } from '../engine/classify/tree';

export function latestHierarchyId(db: Db): string | null {
  return (db.prepare("SELECT id FROM hierarchy WHERE status = 'complete' ORDER BY updated_at DESC LIMIT 1").pluck().get() as string | undefined) ?? null;
}

export function formatTree(db: Db, id: string, depth: number): string {
  const tree = loadTree(db, id);
  const perLevel = Array.from({ length: tree.depth + 1 }, (_, l) => [...tree.byId.values()].filter((n) => n.level === l).length);
  const lines = [`${id}: ${perLevel.slice().reverse().join(' / ')} nodes (top → base)`];
  const byName = (a: HierarchyNode, b: HierarchyNode) => a.name.localeCompare(b.name);
  const walk = (n: HierarchyNode, indent: number) => {
    const kids = tree.children.get(n.id) ?? [];
    lines.push(`${'  '.repeat(indent)}${n.name}${kids.length ? `  (${kids.length})` : ''}`);
    if (indent + 1 < depth) for (const k of [...kids].sort(byName)) walk(k, indent + 1);
  };
  for (const n of [...tree.top].sort(byName)) walk(n, 0);
  return lines.join('\n');
}
