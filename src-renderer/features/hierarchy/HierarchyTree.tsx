// Browsing a hierarchy: an ARIA tree whose children are fetched when a node is first expanded, so
// even a 19,530-task base level costs one small request per opened node. One roving tabindex.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ApiErrorPayload, HierarchyNodeView } from '../../../src-shared/api';
import { ErrorBox } from '../../components/ErrorBox';
import { toErrorPayload } from '../../components/errors';
import { formatInt } from '../../components/format';
import { getApiClient } from '../../transport/client';
import { keyCommand, TOP, visibleRows, type TreeRow } from './tree-model';

function useChildren(hierarchyId: string) {
  const [children, setChildren] = useState<Map<string, HierarchyNodeView[]>>(new Map());
  const [error, setError] = useState<ApiErrorPayload>();
  const loading = useRef(new Set<string>());

  const load = useCallback(
    async (parent: string) => {
      if (loading.current.has(parent)) return;
      loading.current.add(parent);
      try {
        const nodes = await getApiClient()['hierarchy.nodes']({ id: hierarchyId, ...(parent === TOP ? {} : { parent }), limit: 5000 });
        setChildren((m) => new Map(m).set(parent, nodes));
      } catch (err) {
        setError(toErrorPayload(err));
        loading.current.delete(parent);
      }
    },
    [hierarchyId],
  );

  // Another hierarchy starts from an empty tree: adjusted during render, not in an effect.
  const [shownId, setShownId] = useState(hierarchyId);
  if (shownId !== hierarchyId) {
    setShownId(hierarchyId);
    setChildren(new Map());
  }
  useEffect(() => {
    loading.current = new Set();
    // load() sets state only once its fetch has answered, never synchronously in this effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load(TOP);
  }, [load]);
  return { children, error, load };
}

function Row({ row, focused, onToggle, onFocus }: { row: TreeRow; focused: boolean; onToggle: () => void; onFocus: () => void }) {
  const { node } = row;
  return (
    <li
      role="treeitem"
      id={`node-${node.id}`}
      aria-level={row.depth}
      aria-posinset={row.pos}
      aria-setsize={row.setSize}
      aria-expanded={row.hasChildren ? row.expanded : undefined}
      aria-selected={focused}
      tabIndex={focused ? 0 : -1}
      className="tree-row"
      style={{ paddingLeft: `${(row.depth - 1) * 1.2 + 0.4}rem` }}
      onClick={(e) => {
        e.stopPropagation();
        onFocus();
        if (row.hasChildren) onToggle();
      }}
    >
      <span className="tree-twisty" aria-hidden="true">
        {row.hasChildren ? (row.expanded ? '▾' : '▸') : '·'}
      </span>
      <span className="tree-name">{node.name}</span>
      {row.hasChildren && <span className="tree-count"> ({formatInt(node.children)})</span>}
      {node.description && <span className="tree-desc"> — {node.description}</span>}
    </li>
  );
}

export function HierarchyTree({ hierarchyId, name }: { hierarchyId: string; name: string }) {
  const { children, error, load } = useChildren(hierarchyId);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [focusedId, setFocusedId] = useState<string>();
  const treeRef = useRef<HTMLUListElement>(null);
  const rows = useMemo(() => visibleRows(children, expanded), [children, expanded]);
  const current = focusedId ?? rows[0]?.node.id;

  const expand = (id: string) => {
    if (!children.has(id)) void load(id);
    setExpanded((s) => new Set(s).add(id));
  };
  const collapse = (id: string) =>
    setExpanded((s) => {
      const next = new Set(s);
      next.delete(id);
      return next;
    });

  const focusRow = (id: string) => {
    setFocusedId(id);
    // The DOM node exists already (it is visible); move real focus so screen readers follow.
    treeRef.current?.querySelector<HTMLElement>(`#node-${CSS.escape(id)}`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!current) return;
    const command = keyCommand(rows, current, e.key);
    if (command.type === 'none') return;
    e.preventDefault();
    if (command.type === 'focus') focusRow(command.id);
    else if (command.type === 'expand') expand(command.id);
    else collapse(command.id);
  };

  if (error) return <ErrorBox title="Could not load the hierarchy" error={error} />;
  if (!children.has(TOP)) return <p className="status">Loading the top level…</p>;
  return (
    <ul ref={treeRef} role="tree" aria-label={`Hierarchy ${name}`} className="tree" id="hierarchy-tree" onKeyDown={onKeyDown}>
      {rows.map((row) => (
        <Row
          key={row.node.id}
          row={row}
          focused={row.node.id === current}
          onFocus={() => setFocusedId(row.node.id)}
          onToggle={() => (row.expanded ? collapse(row.node.id) : expand(row.node.id))}
        />
      ))}
    </ul>
  );
}
