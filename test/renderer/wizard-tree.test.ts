// The hierarchy browser's tree: visible rows and the WAI-ARIA tree keyboard rules.
import { describe, expect, it } from 'vitest';
import type { HierarchyNodeView } from '../../src-shared/api';
import { keyCommand, TOP, visibleRows } from '../../src-renderer/features/hierarchy/tree-model';

const node = (id: string, level: number, parent: string | null, children: number): HierarchyNodeView => ({
  id,
  level,
  name: id.toUpperCase(),
  description: '',
  parent,
  children,
});

const children = new Map([
  [TOP, [node('a', 2, null, 2), node('b', 2, null, 0)]],
  ['a', [node('a1', 1, 'a', 0), node('a2', 1, 'a', 3)]],
]);

describe('visible rows', () => {
  it('lists the top level only until a node is expanded', () => {
    expect(visibleRows(children, new Set()).map((r) => r.node.id)).toEqual(['a', 'b']);
  });

  it('shows loaded children under an expanded node with level and position', () => {
    const rows = visibleRows(children, new Set(['a']));
    expect(rows.map((r) => `${r.node.id}@${r.depth}:${r.pos}/${r.setSize}`)).toEqual(['a@1:1/2', 'a1@2:1/2', 'a2@2:2/2', 'b@1:2/2']);
    expect(rows[2]?.hasChildren).toBe(true);
    expect(rows[2]?.parentId).toBe('a');
  });

  it('shows nothing under an expanded node whose children are still loading', () => {
    expect(visibleRows(children, new Set(['a', 'a2'])).map((r) => r.node.id)).toEqual(['a', 'a1', 'a2', 'b']);
  });
});

describe('keyboard', () => {
  const collapsed = visibleRows(children, new Set());
  const open = visibleRows(children, new Set(['a']));

  it('moves with the arrow keys, Home and End', () => {
    expect(keyCommand(open, 'a', 'ArrowDown')).toEqual({ type: 'focus', id: 'a1' });
    expect(keyCommand(open, 'a1', 'ArrowUp')).toEqual({ type: 'focus', id: 'a' });
    expect(keyCommand(open, 'a', 'ArrowUp')).toEqual({ type: 'none' });
    expect(keyCommand(open, 'a1', 'End')).toEqual({ type: 'focus', id: 'b' });
    expect(keyCommand(open, 'b', 'Home')).toEqual({ type: 'focus', id: 'a' });
  });

  it('expands with → and enters the first child on a second →', () => {
    expect(keyCommand(collapsed, 'a', 'ArrowRight')).toEqual({ type: 'expand', id: 'a' });
    expect(keyCommand(open, 'a', 'ArrowRight')).toEqual({ type: 'focus', id: 'a1' });
    expect(keyCommand(open, 'b', 'ArrowRight')).toEqual({ type: 'none' });
  });

  it('collapses with ← or goes to the parent', () => {
    expect(keyCommand(open, 'a', 'ArrowLeft')).toEqual({ type: 'collapse', id: 'a' });
    expect(keyCommand(open, 'a1', 'ArrowLeft')).toEqual({ type: 'focus', id: 'a' });
    expect(keyCommand(open, 'b', 'ArrowLeft')).toEqual({ type: 'none' });
  });

  it('toggles with Enter and Space, and ignores leaves', () => {
    expect(keyCommand(collapsed, 'a', 'Enter')).toEqual({ type: 'expand', id: 'a' });
    expect(keyCommand(open, 'a', ' ')).toEqual({ type: 'collapse', id: 'a' });
    expect(keyCommand(open, 'a1', 'Enter')).toEqual({ type: 'none' });
  });

  it('falls back to the first row when the focused one vanished', () => {
    expect(keyCommand(collapsed, 'a1', 'ArrowDown')).toEqual({ type: 'focus', id: 'a' });
  });
});
