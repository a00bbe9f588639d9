// Explore: the paper's main figures and Table 2, recomputed by the engine from the project's data.
import { useEffect, useMemo, type ReactNode } from 'react';
import type { ApiErrorPayload } from '../../../src-shared/api';
import type { PaperReference, ReproduceReport } from '../../../src-shared/report';
import { Plot } from '../../components/Plot';
import { errorLocation } from '../../transport/client';
import * as fig3 from '../../../src-shared/charts/fig3Categories';
import * as fig4 from '../../../src-shared/charts/fig4Depth';
import * as fig6 from '../../../src-shared/charts/fig6Wage';
import * as fig7 from '../../../src-shared/charts/fig7Automation';
import * as fig13 from '../../../src-shared/charts/fig13TopTasks';
import { fmt, fmtInt } from '../../../src-shared/charts/format';
import { exploreStore, useExplore } from './store';
import { Table2View } from './Table2View';

function Section({ id, title, caption, children }: { id: string; title: string; caption?: string; children: ReactNode }) {
  return (
    <section className="chart-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {caption && <p className="caption">{caption}</p>}
      {children}
    </section>
  );
}

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
      <button type="button" className="button" onClick={() => void exploreStore.load()}>
        Try again
      </button>
    </div>
  );
}

function matchingSummary(report: ReproduceReport): string {
  const m = report.matching;
  return (
    `Source: ${report.source.label}. ${fmtInt(m.matchedRows)} of ${fmtInt(m.mappingRows)} task-mapping rows ` +
    `matched O*NET tasks (${fmtInt(m.unmatched.length)} unmatched; raw share before renormalising ${fmt(m.rawSumPct)}%).`
  );
}

function captions(report: ReproduceReport) {
  const noBls = report.categories.filter((c) => c.blsPct === null).length;
  const shownTasks = Math.min(fig13.TOP_N, report.topTasks.length);
  return {
    fig3: noBls > 0 ? `${noBls} categor${noBls === 1 ? 'y has' : 'ies have'} no BLS employment figure and show usage only.` : undefined,
    fig4: report.depth.marks.map(fig4.markLabel).join(' · '),
    fig6: `${fmtInt(report.wage.dropped)} occupations left out for a missing or hourly-looking wage.`,
    fig7: report.automation
      ? `${fmt(report.automation.excludedPct)}% of conversations showed no collaboration pattern and were excluded before normalising.`
      : undefined,
    fig13: `Top ${shownTasks} of ${fmtInt(report.topTasks.length)} tasks; hover a bar for the full task statement.`,
  };
}

function ReportView({ report, paper }: { report: ReproduceReport; paper?: PaperReference }) {
  // Figures are memoised per report so a re-render does not trigger a Plotly redraw.
  const figures = useMemo(
    () => ({
      fig3: fig3.toFigure(report),
      fig4: fig4.toFigure(report),
      fig6: fig6.toFigure(report),
      fig7: fig7.toFigure(report),
      fig13: fig13.toFigure(report),
    }),
    [report],
  );
  const text = useMemo(() => captions(report), [report]);
  return (
    <>
      <p className="summary">{matchingSummary(report)}</p>
      <Section id="sec-fig3" title="Figure 3 · Usage by occupational category" caption={text.fig3}>
        <Plot id="fig3" figure={figures.fig3} label="Bar chart: Claude usage and BLS employment share per category" />
      </Section>
      <Section id="sec-fig4" title="Figure 4 · Depth of AI use within occupations" caption={text.fig4}>
        <Plot id="fig4" figure={figures.fig4} label="Line chart: share of occupations by share of tasks with usage" />
      </Section>
      <Section id="sec-fig6" title="Figure 6 · Usage and median wage" caption={text.fig6}>
        <Plot id="fig6" figure={figures.fig6} label="Scatter plot: usage share against median annual wage" />
      </Section>
      <Section id="sec-fig7" title="Figure 7 · Automation and augmentation" caption={text.fig7}>
        <Plot id="fig7" figure={figures.fig7} label="Bar chart: share of each collaboration pattern" />
      </Section>
      <Section id="sec-table2" title="Table 2 · Usage by job zone" caption={paper ? `Published values: ${paper.citation}` : undefined}>
        <Table2View report={report} paper={paper} />
      </Section>
      <Section id="sec-fig13" title="Figure 13 · Top tasks" caption={text.fig13}>
        <Plot id="fig13" figure={figures.fig13} label="Bar chart: tasks with the largest share of usage" />
      </Section>
    </>
  );
}

export function ExplorePage() {
  const state = useExplore();

  useEffect(() => {
    if (exploreStore.getSnapshot().status === 'idle') void exploreStore.load();
  }, []);

  return (
    <>
      <h2>Explore</h2>
      {(state.status === 'idle' || state.status === 'loading') && (
        <p className="status" role="status">
          Reproducing the paper’s analyses…
        </p>
      )}
      {state.status === 'error' && state.error && <ErrorView error={state.error} />}
      {state.status === 'ready' && state.report && <ReportView report={state.report} paper={state.paper} />}
    </>
  );
}
