// Search a hierarchy's names and descriptions; each hit shows its path from the top level, so a
// base task found by a word is placed in the tree at a glance.
import { useState, type FormEvent } from 'react';
import type { HierarchyNodeView } from '../../../src-shared/api';
import { ErrorBox } from '../../components/ErrorBox';
import { useAction } from '../../components/useAction';
import { getApiClient } from '../../transport/client';

const LIMIT = 50;

export function NodeSearch({ hierarchyId }: { hierarchyId: string }) {
  const [query, setQuery] = useState('');
  const search = useAction((q: string) => getApiClient()['hierarchy.nodes']({ id: hierarchyId, search: q, limit: LIMIT }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (query.trim()) void search.run(query.trim());
  };
  return (
    <section aria-labelledby="node-search-title" className="node-search">
      <h4 id="node-search-title">Search this hierarchy</h4>
      <form onSubmit={submit} className="inline-form" role="search">
        <label htmlFor="node-search">Words in a name or description</label>
        <input id="node-search" type="search" value={query} maxLength={200} onChange={(e) => setQuery(e.target.value)} />
        <button type="submit" className="button secondary" disabled={!query.trim()}>
          Search
        </button>
      </form>
      {search.state.status === 'running' && <p className="status">Searching…</p>}
      {search.state.status === 'error' && <ErrorBox title="Search failed" error={search.state.error} />}
      {search.state.status === 'done' && <Results hits={search.state.result} />}
    </section>
  );
}

function Results({ hits }: { hits: HierarchyNodeView[] }) {
  if (hits.length === 0) return <p role="status" className="note">No node matches.</p>;
  return (
    <>
      <p role="status" className="note">
        {hits.length >= LIMIT ? `First ${LIMIT} matches` : `${hits.length} match${hits.length === 1 ? '' : 'es'}`}
      </p>
      <ol className="search-results" id="node-search-results">
        {hits.map((hit) => (
          <li key={hit.id}>
            <span className="hit-path">{[...(hit.path ?? []), ''].join(' › ')}</span>
            <strong>{hit.name}</strong> <span className="tag">level {hit.level}</span>
            {hit.description && <p className="note">{hit.description}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}
