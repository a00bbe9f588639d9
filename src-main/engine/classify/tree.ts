// The stored hierarchy as the traversal needs it: the top level, each node's children, and the
// O*NET task text behind every base node.
import type { Db } from '../../db/open';
import { NotFoundError } from '../errors';
import { loadNodes, type HierarchyNode } from '../hierarchy/store';

export interface Tree {
  id: string;
  top: HierarchyNode[];
  children: Map<string, HierarchyNode[]>;
  byId: Map<string, HierarchyNode>;
  /** Number of levels above the base (2 for the paper's three-level hierarchy). */
  depth: number;
}

export function loadTree(db: Db, hierarchyId: string): Tree {
  const nodes = loadNodes(db, hierarchyId);
  if (nodes.length === 0) throw new NotFoundError(`no hierarchy "${hierarchyId}" in this project`);
  const depth = Math.max(...nodes.map((n) => n.level));
  const children = new Map<string, HierarchyNode[]>();
  for (const n of nodes) {
    if (n.parent === null) continue;
    const list = children.get(n.parent) ?? [];
    list.push(n);
    children.set(n.parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.id.localeCompare(b.id));
  return {
    id: hierarchyId,
    top: nodes.filter((n) => n.level === depth).sort((a, b) => a.id.localeCompare(b.id)),
    children,
    byId: new Map(nodes.map((n) => [n.id, n])),
    depth,
  };
}

/** The text shown as an option: a parent's name, or a base node's O*NET task statement. */
export function optionText(n: HierarchyNode): string {
  return n.name;
}
