// The sources Explore can show: published releases (sources.list) and the user's own runs
// (classify.runs, once a run has been reported and so has a usage source). Pure, so the rules
// for labels and defaults are unit-tested without a client.
import type { RunInfo } from '../../../src-shared/api';
import type { SourceRef } from '../../../src-shared/report';

export interface SourceOption {
  id: string;
  label: string;
  kind: 'release' | 'run';
  /** The classification run behind the source; present only for a run's own source. */
  run?: string;
}

/**
 * Releases first (in the engine's order), then reported runs, then any other run-kind source
 * (e.g. a run's by-accounts source, or runs in a review bundle) so it can still be viewed and
 * compared — without run details, which only a classification run has.
 */
export function sourceOptions(sources: SourceRef[], runs: RunInfo[]): SourceOption[] {
  const labels = new Map(sources.map((s) => [s.id, s.label]));
  const releases: SourceOption[] = sources.filter((s) => s.kind === 'release').map((s) => ({ id: s.id, label: s.label, kind: 'release' }));
  const own: SourceOption[] = runs
    .filter((r): r is RunInfo & { sourceId: string } => r.sourceId !== null)
    .map((r) => ({ id: r.sourceId, label: labels.get(r.sourceId) ?? `Run ${r.run} (${r.method})`, kind: 'run', run: r.run }));
  const taken = new Set([...releases, ...own].map((o) => o.id));
  const other: SourceOption[] = sources.filter((s) => s.kind === 'run' && !taken.has(s.id)).map((s) => ({ id: s.id, label: s.label, kind: 'run' }));
  return [...releases, ...own, ...other];
}

/** Runs that exist but have no usage source yet: the picker says how to get one. */
export function unreportedRuns(runs: RunInfo[]): RunInfo[] {
  return runs.filter((r) => r.sourceId === null);
}

/** The second source a comparison starts with: a run if there is one, else another source. */
export function defaultCompareTarget(options: SourceOption[], first: string | undefined): string | undefined {
  const others = options.filter((o) => o.id !== first);
  return (others.find((o) => o.run !== undefined) ?? others[0])?.id;
}
