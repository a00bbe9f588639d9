// The hierarchy browser's tree as data: which rows are visible given what is expanded and loaded,
// and where each key moves focus (WAI-ARIA tree pattern). Pure, so keyboard rules are unit-tested.
import type { HierarchyNodeView } from '../../../src-shared/api';

/** Children by parent id; '' holds the top level. Absent = not loaded yet. */
export type ChildrenMap = ReadonlyMap<string, readonly HierarchyNodeView[]>;

export const TOP = '';

export interface TreeRow {
  node: HierarchyNodeView;
  depth: number;
  expanded: boolean;
  /** Children exist on the server (node.children > 0), loaded or not. */
  hasChildren: boolean;
  parentId: string | null;
  /** 1-based position among siblings, and their count (aria-posinset / aria-setsize). */
  pos: number;
  setSize: number;
}

/** Depth-first list of the rows a reader can see: children only under expanded, loaded parents. */
export function visibleRows(children: ChildrenMap, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (parentKey: string, depth: number) => {
    const list = children.get(parentKey) ?? [];
    list.forEach((node, i) => {
      const open = expanded.has(node.id);
      rows.push({
        node,
        depth,
        expanded: open,
        hasChildren: node.children > 0,
        parentId: parentKey === TOP ? null : parentKey,
        pos: i + 1,
        setSize: list.length,
      });
      if (open) walk(node.id, depth + 1);
    });
  };
  walk(TOP, 1);
  return rows;
}

export type TreeCommand =
  | { type: 'focus'; id: string }
  | { type: 'expand'; id: string }
  | { type: 'collapse'; id: string }
  | { type: 'none' };

/**
 * What a key does on the focused row: ↑/↓ move, → expands or enters the first child, ← collapses or
 * returns to the parent, Home/End jump, Enter and Space toggle.
 */
export function keyCommand(rows: readonly TreeRow[], focusedId: string, key: string): TreeCommand {
  const i = rows.findIndex((r) => r.node.id === focusedId);
  const row = rows[i];
  if (!row) return rows[0] ? { type: 'focus', id: rows[0].node.id } : { type: 'none' };
  const focus = (r: TreeRow | undefined): TreeCommand => (r ? { type: 'focus', id: r.node.id } : { type: 'none' });
  switch (key) {
    case 'ArrowDown':
      return focus(rows[i + 1]);
    case 'ArrowUp':
      return focus(rows[i - 1]);
    case 'Home':
      return focus(rows[0]);
    case 'End':
      return focus(rows[rows.length - 1]);
    case 'ArrowRight':
      if (!row.hasChildren) return { type: 'none' };
      if (!row.expanded) return { type: 'expand', id: row.node.id };
      return rows[i + 1]?.parentId === row.node.id ? focus(rows[i + 1]) : { type: 'none' };
    case 'ArrowLeft':
      if (row.expanded) return { type: 'collapse', id: row.node.id };
      return row.parentId ? { type: 'focus', id: row.parentId } : { type: 'none' };
    case 'Enter':
    case ' ':
      if (!row.hasChildren) return { type: 'none' };
      return row.expanded ? { type: 'collapse', id: row.node.id } : { type: 'expand', id: row.node.id };
    default:
      return { type: 'none' };
  }
}
