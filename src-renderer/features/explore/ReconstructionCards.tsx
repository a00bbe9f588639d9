// Appendix G in Explore: the run's cluster-based reconstruction against its direct assignment. The
// section is there for every run; before a reconstruction has finished it says how to make one (the
// CLI, or a Start button for the reconstruct.run job). Figures 14–19 and 22–24 follow a granularity
// switch; Figures 20, 21, 25 and 26–27 are drawn once.
import { useEffect, useMemo, useState } from 'react';
import type { ReconstructionReport } from '../../../src-shared/reconstruct';
import * as scatter from '../../../src-shared/charts/figGScatter';
import * as prevalence from '../../../src-shared/charts/figGPrevalence';
import * as metrics from '../../../src-shared/charts/figGMetrics';
import * as recovered from '../../../src-shared/charts/figGRecovered';
import * as perOccupation from '../../../src-shared/charts/figGTasksPerOccupation';
import * as wage from '../../../src-shared/charts/figGWage';
import { GRANULARITIES, levelLegend, sortedLevels, type Granularity } from '../../../src-shared/charts/reconstruct-common';
import { fmt, fmtInt } from '../../../src-shared/charts/format';
import type { Figure } from '../../../src-shared/charts/plotly-types';
import type { ChartTable } from '../../../src-shared/charts/table';
import { jobsStore } from '../jobs/store';
import { ChartCard, Section } from './ChartCard';
import { sectionTitle } from './Contents';
import { reconstructionCaptions } from './captions';
import { reconstructionStore, useReconstruction } from './reconstruction-store';
import { ReconstructStart } from './ReconstructStart';

export const RECONSTRUCT_SECTION = 'reconstruct';

function Summary({ report }: { report: ReconstructionReport }) {
  const levels = sortedLevels(report);
  return (
    <p className="summary" id="reconstruction-summary">
      {fmtInt(report.conversations)} conversations clustered at {levels.map(levelLegend).join(', ') || 'no level'};{' '}
      {levels.map((l) => `${fmtInt(l.placed)} of ${fmtInt(l.clusters)}`).join(', ')} clusters placed;{' '}
      {report.method === 'claude' ? 'placed by Claude' : 'placed by the offline embedding classifier'}, embeddings {report.embeddingModel}, seed {report.seed}.
      {report.provenance && <strong className="provenance"> This reconstruction is a {report.provenance}: its numbers mean nothing.</strong>}
    </p>
  );
}

/** Every level × granularity at a glance, as the engine computed it. */
function MetricsTable({ report }: { report: ReconstructionReport }) {
  return (
    <div className="table-wrap" role="region" aria-label="Reconstruction agreement" tabIndex={0}>
      <table id="reconstruction-metrics" className="data-table">
        <caption className="visually-hidden">Agreement of the clusters with direct assignment, per level and granularity</caption>
        <thead>
          <tr>
            {['Level', 'Granularity', 'n', 'Pearson r', 'Spearman ρ', 'Kendall τb', 'MSE'].map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sortedLevels(report).flatMap((l) =>
            GRANULARITIES.map(({ granularity, label }) => {
              const m = l.metrics[granularity];
              return (
                <tr key={`${l.meanClusterSize}-${granularity}`}>
                  <th scope="row">{levelLegend(l)}</th>
                  <td>{label}</td>
                  <td>{fmtInt(m.n)}</td>
                  <td>{fmt(m.pearson, 3)}</td>
                  <td>{fmt(m.spearman, 3)}</td>
                  <td>{fmt(m.kendallTauB, 3)}</td>
                  <td>{fmt(m.mse, 4)}</td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </div>
  );
}

function GranularitySwitch({ value, onChange }: { value: Granularity; onChange: (g: Granularity) => void }) {
  return (
    <fieldset className="kind-switch">
      <legend>Compare</legend>
      {GRANULARITIES.map((g) => (
        <label key={g.granularity}>
          <input type="radio" name="reconstruction-granularity" value={g.granularity} checked={value === g.granularity} onChange={() => onChange(g.granularity)} />
          {g.label}
        </label>
      ))}
    </fieldset>
  );
}

interface CardSpec {
  id: string;
  title: string;
  caption: string;
  figure: Figure;
  table: ChartTable;
  label: string;
}

/** The cards in page order; built once per report and granularity so charts redraw only then. */
function cardSpecs(report: ReconstructionReport, g: Granularity): CardSpec[] {
  const c = reconstructionCaptions(report, g);
  const what = GRANULARITIES.find((i) => i.granularity === g)?.label.toLowerCase() ?? g;
  return [
    { id: 'figG-scatter', title: scatter.title(report, g), caption: c.scatter, figure: scatter.toFigure(report, g), table: scatter.toTable(report, g),
      label: `Scatter plot: ${what} shares, direct assignment against clusters, one series per level` },
    { id: 'figG-prevalence', title: prevalence.title(report, g), caption: c.prevalence, figure: prevalence.toFigure(report, g), table: prevalence.toTable(report, g),
      label: `Grouped bar chart: top ${what}, direct and per level` },
    { id: 'figG-metrics', title: metrics.title(g), caption: c.metrics, figure: metrics.toFigure(report, g), table: metrics.toTable(report, g),
      label: `Line chart: correlations and MSE of ${what} by level` },
    { id: 'figG-wage', title: wage.title(report), caption: c.wage, figure: wage.toFigure(report), table: wage.toTable(report),
      label: 'Grouped bar chart: usage by median-wage band, direct vs clusters' },
    { id: 'figG-recovered-occupation', title: recovered.title('occupation'), caption: c.recoveredOccupation, figure: recovered.toFigure(report, 'occupation'),
      table: recovered.toTable(report, 'occupation'), label: 'Stacked bar chart: occupations found by both methods, direct only, clusters only' },
    { id: 'figG-recovered-task', title: recovered.title('task'), caption: c.recoveredTask, figure: recovered.toFigure(report, 'task'),
      table: recovered.toTable(report, 'task'), label: 'Stacked bar chart: tasks found by both methods, direct only, clusters only' },
    { id: 'figG-per-occupation', title: perOccupation.TITLE, caption: c.perOccupation, figure: perOccupation.toFigure(report), table: perOccupation.toTable(report),
      label: 'Bar chart: mean tasks per occupation per level, direct assignment as a line' },
  ];
}

function Charts({ report, granularity }: { report: ReconstructionReport; granularity: Granularity }) {
  const specs = useMemo(() => cardSpecs(report, granularity), [report, granularity]);
  return (
    <>
      {specs.map((s) => (
        <ChartCard key={s.id} id={s.id} title={s.title} caption={s.caption} figure={s.figure} table={s.table} label={s.label}
          fileName={`${s.id}-${report.run}`} />
      ))}
    </>
  );
}

const CAPTION =
  'Paper Appendix G: the run’s conversations clustered by their request at several aggregation levels, each cluster placed on the ' +
  'hierarchy, compared with the direct, conversation-level assignment (Figures 14–27).';

/** A release (or a source without a run) has no conversations to cluster: say so where the link leads. */
function NoRun() {
  return (
    <Section id={RECONSTRUCT_SECTION} title={sectionTitle(RECONSTRUCT_SECTION)} caption={CAPTION}>
      <div className="unavailable" data-unavailable="true">
        <p>
          The reconstruction clusters the conversations of an own classification run, which a published release does not carry. Pick
          a run as the source above, or classify your own conversations first.
        </p>
      </div>
    </Section>
  );
}

export function ReconstructionCards({ run }: { run: string | undefined }) {
  return run === undefined ? <NoRun /> : <ForRun run={run} />;
}

function ForRun({ run }: { run: string }) {
  const state = useReconstruction();
  const [granularity, setGranularity] = useState<Granularity>('category');
  useEffect(() => {
    void reconstructionStore.load(run);
  }, [run]);
  // A reconstruction finishing while the page is open shows up without a reload.
  useEffect(() => jobsStore.onSettled((job) => reconstructionStore.onJobSettled(job)), []);
  const mine = state.run === run ? state : undefined;
  const report = mine?.status === 'ready' ? mine.report : undefined;
  return (
    <>
      <Section id={RECONSTRUCT_SECTION} title={sectionTitle(RECONSTRUCT_SECTION)} caption={CAPTION}>
        {(!mine || mine.status === 'loading' || mine.status === 'idle') && <p className="status" role="status">Loading the reconstruction…</p>}
        {mine?.status === 'error' && mine.error && (
          <p className="plot-error" role="alert">
            Could not load the reconstruction ({mine.error.kind}): {mine.error.message}
          </p>
        )}
        {report === null && <ReconstructStart run={run} />}
        {report && (
          <>
            <Summary report={report} />
            <MetricsTable report={report} />
            <div className="card-toolbar">
              <GranularitySwitch value={granularity} onChange={setGranularity} />
            </div>
          </>
        )}
      </Section>
      {report && <Charts report={report} granularity={granularity} />}
    </>
  );
}
