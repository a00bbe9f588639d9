// Hierarchy: the tree of task categories that conversations are classified into (paper B.1). List
// what the project has, build a new one (estimate first), import/export JSON, and browse or search.
import { useState } from 'react';
import type { HierarchySummary } from '../../../src-shared/api';
import { useResource } from '../../app/resource';
import { ErrorBox } from '../../components/ErrorBox';
import { formatDateTime, formatInt } from '../../components/format';
import { referenceStatusStore } from '../reference/store';
import { BuildForm } from './BuildForm';
import { HierarchyTree } from './HierarchyTree';
import { ExportHierarchy, ImportHierarchy } from './ImportExport';
import { NodeSearch } from './NodeSearch';
import { hierarchiesStore } from './store';

function HierarchyTable({ list, selected, onSelect }: { list: HierarchySummary[]; selected?: string; onSelect: (id: string) => void }) {
  return (
    <div className="table-wrap">
      <table className="data-table list-table" id="hierarchy-list">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Nodes per level (base first)</th>
            <th scope="col">Task dataset</th>
            <th scope="col">Model</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((h) => (
            <tr key={h.id} aria-current={h.id === selected ? 'true' : undefined}>
              <td>{h.name}</td>
              <td>{h.status}</td>
              <td>{h.sizes.map(formatInt).join(' → ')}</td>
              <td>{h.taskDataset ?? '—'}</td>
              <td>{h.model ?? '—'}</td>
              <td>{formatDateTime(h.createdAt)}</td>
              <td>
                <button type="button" className="button secondary" aria-pressed={h.id === selected} onClick={() => onSelect(h.id)}>
                  Browse<span className="visually-hidden"> {h.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Browser({ hierarchy }: { hierarchy: HierarchySummary }) {
  return (
    <section className="panel" aria-labelledby="browse-title">
      <h3 id="browse-title">Browse {hierarchy.name}</h3>
      <p className="note">Arrow keys move and open nodes, Enter toggles; children load when a node is opened.</p>
      <NodeSearch hierarchyId={hierarchy.id} />
      <HierarchyTree hierarchyId={hierarchy.id} name={hierarchy.name} />
      <ExportHierarchy id={hierarchy.id} />
    </section>
  );
}

export function HierarchyPage() {
  const state = useResource(hierarchiesStore);
  const reference = useResource(referenceStatusStore);
  const [chosen, setChosen] = useState<string>();
  const list = state.data ?? [];
  // Show the chosen hierarchy, else the newest complete one.
  const selected = list.find((h) => h.id === chosen) ?? [...list].reverse().find((h) => h.status === 'complete') ?? list[list.length - 1];
  const taskDatasets = [...new Set((reference.data ?? []).filter((d) => d.kind === 'onet-tasks' || d.kind === 'usage-tasks').map((d) => d.dataset))];

  return (
    <div className="wizard-page">
      <h2>Hierarchy</h2>
      <p className="summary">Task statements grouped into ever broader categories. Conversations are classified top-down through it.</p>
      <section aria-labelledby="hier-list-title">
        <h3 id="hier-list-title">Hierarchies in this project</h3>
        {state.error && <ErrorBox title="Could not list the hierarchies" error={state.error} onRetry={() => void hierarchiesStore.load()} />}
        {state.data && list.length === 0 && <p className="note">None yet: build one below or import a JSON file.</p>}
        {list.length > 0 && <HierarchyTable list={list} selected={selected?.id} onSelect={setChosen} />}
      </section>
      {/* Keyed by status too: a hierarchy browsed while it was being built is re-read once complete. */}
      {selected && <Browser key={`${selected.id}:${selected.status}`} hierarchy={selected} />}
      <BuildForm taskDatasets={taskDatasets} />
      <ImportHierarchy />
    </div>
  );
}
