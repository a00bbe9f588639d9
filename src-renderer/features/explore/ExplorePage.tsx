// Explore: every figure and table of the paper for a published release or an own run, recomputed by
// the engine, with filters, downloads and a side-by-side comparison of two sources.
import { useEffect, useMemo } from 'react';
import type { ApiErrorPayload } from '../../../src-shared/api';
import { filterChoices, filterReport, filterRunReport, filtersActive } from '../../../src-shared/explore-filters';
import { errorLocation } from '../../transport/client';
import { keptText, privacyOfReport } from '../classify/coverage';
import { matchingSummary } from './captions';
import { intervalsNote as intervalsNoteOf } from '../../../src-shared/uncertainty';
import { fmtInt } from '../../../src-shared/charts/format';
import { ComparePanel } from './ComparePanel';
import { Contents } from './Contents';
import { FilterPanel } from './FilterPanel';
import { effectiveFilters, filtersStore, useFilters } from './filters-store';
import { Fig2Card, ReportCard, Table2Card } from './ReportCards';
import { RunCard } from './RunCards';
import { HierarchyCards } from './HierarchyCards';
import { ReconstructionCards } from './ReconstructionCards';
import { MultiTaskCard } from './MultiTaskCard';
import { SensitivityCard } from './SensitivityCard';
import { CompositionCard } from './CompositionCard';
import { exploreStore, useExplore, type ExploreState } from './store';
import { SourcePicker } from './SourcePicker';
import './explore.css';
import { timeSpanText } from '../../../src-shared/time-window';

function ErrorView({ error }: { error: ApiErrorPayload }) {
  const where = errorLocation(error);
  return (
    <div className="error-box" role="alert">
      <p>
        <strong>Could not reproduce the analyses</strong> ({error.kind}): {error.message}
      </p>
      {where && (
        <p>
          At <code>{where}</code>
        </p>
      )}
      <button type="button" className="button" onClick={() => void exploreStore.retry()}>
        Try again
      </button>
    </div>
  );
}

function Figures({ state }: { state: ExploreState & Required<Pick<ExploreState, 'report'>> }) {
  const raw = useFilters();
  // Memoised: an invalid band yields a new object, which would otherwise redraw every chart per render.
  const { filters, problem } = useMemo(() => effectiveFilters(raw), [raw]);
  const active = filtersActive(filters);
  const report = useMemo(() => filterReport(state.report, filters), [state.report, filters]);
  const run = useMemo(() => (state.run ? filterRunReport(state.run, filters) : undefined), [state.run, filters]);
  // Choices come from the unfiltered report, so a filter never hides its own options.
  const choices = useMemo(() => filterChoices(state.report), [state.report]);
  const source = state.sources?.find((s) => s.id === state.selected);
  // The intervals are for the run's shares by conversations, not its by-accounts source (Figure 10).
  const byAccounts = state.run !== undefined && state.report.source.id !== state.run.sourceId;
  const intervals = active || byAccounts ? null : (state.run?.intervals ?? null);
  const intervalsNote = intervalsNoteOf(state.report.source.kind, state.run, active, fmtInt, byAccounts);
  const base = { report, filters, filtered: active, fileBase: state.report.source.id, intervals, intervalsNote };
  const runProps = { run, runError: state.runError, source, filters, fileBase: state.report.source.id };
  return (
    <>
      <p className="summary">{matchingSummary(state.report)}</p>
      {state.run && (
        <p className="summary kept-summary" id="explore-kept">
          Run {state.run.run}: {keptText(privacyOfReport(state.run))} {timeSpanText(state.run.timeSpan)}.
          {state.run.provenance && <strong className="provenance"> This run is a {state.run.provenance}: its numbers mean nothing.</strong>}
        </p>
      )}
      <Contents hasRun={run !== undefined} />
      <FilterPanel choices={choices} filters={raw} problem={problem} onUpdate={filtersStore.update} onReset={filtersStore.reset} />
      <Fig2Card {...base} />
      <ReportCard id="fig3" {...base} />
      <ReportCard id="fig4" {...base} />
      <RunCard id="fig5" {...runProps} />
      <ReportCard id="fig6" {...base} />
      <ReportCard id="fig6bands" {...base} />
      <ReportCard id="fig7" {...base} />
      <RunCard id="fig8" {...runProps} />
      <RunCard id="fig10" {...runProps} />
      <MultiTaskCard run={state.run} />
      <SensitivityCard run={state.run} />
      <CompositionCard run={state.run} />
      <ReportCard id="fig13" {...base} />
      <HierarchyCards {...runProps} />
      <Table2Card {...base} paper={state.paper} />
      <ReconstructionCards run={source?.run} />
      <ComparePanel options={state.sources ?? []} selected={state.selected} />
    </>
  );
}

export function ExplorePage() {
  const state = useExplore();

  useEffect(() => {
    const status = exploreStore.getSnapshot().status;
    if (status === 'idle') void exploreStore.load();
    // Coming back to the page: runs reported meanwhile appear in the picker.
    else if (status === 'ready') void exploreStore.refreshSources();
  }, []);

  const report = state.status === 'ready' ? state.report : undefined;
  return (
    <div className="explore-page">
      <h2>Explore</h2>
      {state.sources && (
        <SourcePicker options={state.sources} selected={state.selected} loading={state.status === 'loading'} note={state.sourcesNote}
          unreported={state.unreported} onSelect={(id) => void exploreStore.select(id)} />
      )}
      {(state.status === 'idle' || state.status === 'loading') && !state.sources && (
        <p className="status" role="status">
          Reproducing the paper’s analyses…
        </p>
      )}
      {state.status === 'error' && state.error && <ErrorView error={state.error} />}
      {report && <Figures state={{ ...state, report }} />}
    </div>
  );
}
