// The figures every source has (computed from task shares): 2, 3, 4, 6, 7, 13 and Table 2. Each
// gets the filtered report; figures are memoised per report so a re-render does not redraw Plotly.
import { useMemo, useState } from 'react';
import type { PaperReference, ReproduceReport } from '../../../src-shared/report';
import type { RunIntervals } from '../../../src-shared/uncertainty';
import type { ExploreFilters } from '../../../src-shared/explore-filters';
import { ignoredFilters } from '../../../src-shared/explore-filters';
import type { Figure } from '../../../src-shared/charts/plotly-types';
import type { ChartTable } from '../../../src-shared/charts/table';
import * as fig2 from '../../../src-shared/charts/fig2Drilldown';
import * as fig3 from '../../../src-shared/charts/fig3Categories';
import * as fig4 from '../../../src-shared/charts/fig4Depth';
import * as fig6 from '../../../src-shared/charts/fig6Wage';
import * as fig6Bands from '../../../src-shared/charts/fig6WageBands';
import * as fig7 from '../../../src-shared/charts/fig7Automation';
import * as fig13 from '../../../src-shared/charts/fig13TopTasks';
import * as table2 from '../../../src-shared/charts/table2';
import { ChartCard, Downloads, IgnoredFilters, Section } from './ChartCard';
import { reportCaptions } from './captions';
import { sectionTitle } from './Contents';
import { Table2View, table2Csv } from './Table2View';

export type SimpleFigure = 'fig3' | 'fig4' | 'fig6' | 'fig6bands' | 'fig7' | 'fig13';

type Intervals = RunIntervals | null | undefined;

/** Figures 3, 4, 7 and 13 draw a run's 95% intervals as whiskers (`iv`); the others have none. */
const SIMPLE: Record<SimpleFigure, { label: string; figure: (r: ReproduceReport, iv: Intervals) => Figure; table: (r: ReproduceReport, iv: Intervals) => ChartTable; whiskers?: true }> = {
  fig3: { label: 'Bar chart: Claude usage and BLS employment share per category', figure: fig3.toFigure, table: fig3.toTable, whiskers: true },
  fig4: { label: 'Line chart: share of occupations by share of tasks with usage', figure: fig4.toFigure, table: fig4.toTable, whiskers: true },
  fig6: { label: 'Scatter plot: usage share against median annual wage', figure: (r) => fig6.toFigure(r), table: fig6.toTable },
  fig6bands: { label: 'Bar chart: share of usage per median-wage quartile', figure: (r) => fig6Bands.toFigure(r), table: fig6Bands.toTable },
  fig7: { label: 'Bar chart: share of each collaboration pattern', figure: fig7.toFigure, table: fig7.toTable, whiskers: true },
  fig13: { label: 'Bar chart: tasks with the largest share of usage', figure: (r, iv) => fig13.toFigure(r, fig13.TOP_N, iv), table: fig13.toTable, whiskers: true },
};

interface CardProps {
  report: ReproduceReport;
  filters: ExploreFilters;
  filtered: boolean;
  fileBase: string;
  /** The run's intervals (none for a release or while filters are on) and the sentence saying so. */
  intervals?: Intervals;
  intervalsNote?: string;
}

export function ReportCard({ id, report, filters, filtered, fileBase, intervals, intervalsNote }: CardProps & { id: SimpleFigure }) {
  const spec = SIMPLE[id];
  const iv = spec.whiskers ? intervals : undefined;
  // Figure 6 only: most occupations have tiny shares, which a log usage axis spreads out.
  const [logY, setLogY] = useState(false);
  const figure = useMemo(() => (id === 'fig6' && logY ? fig6.toFigure(report, { yAxis: 'log' }) : spec.figure(report, iv)), [id, logY, spec, report, iv]);
  const table = useMemo(() => spec.table(report, iv), [spec, report, iv]);
  const caption = useMemo(() => {
    const text = reportCaptions(report, filtered)[id];
    const note = spec.whiskers ? intervalsNote : undefined;
    return [text, note].filter((s) => s !== undefined && s !== '').join(' ') || undefined;
  }, [report, filtered, id, spec, intervalsNote]);
  return (
    <ChartCard id={id} title={sectionTitle(id)} caption={caption} figure={figure} label={spec.label} table={table}
      fileName={`${id}-${fileBase}`} ignored={ignoredFilters(filters, id)}
      toolbar={id === 'fig6' ? <label><input type="checkbox" name="fig6-log" checked={logY} onChange={(e) => setLogY(e.target.checked)} /> Log usage axis</label> : undefined} />
  );
}

type Fig2Kind = 'sunburst' | 'treemap';

function KindSwitch({ kind, onChange }: { kind: Fig2Kind; onChange: (k: Fig2Kind) => void }) {
  return (
    <fieldset className="kind-switch">
      <legend className="visually-hidden">Figure 2 chart type</legend>
      {(['sunburst', 'treemap'] as const).map((k) => (
        <label key={k}>
          <input type="radio" name="fig2-kind" value={k} checked={kind === k} onChange={() => onChange(k)} />
          {k === 'sunburst' ? 'Sunburst' : 'Treemap'}
        </label>
      ))}
    </fieldset>
  );
}

export function Fig2Card({ report, filters, fileBase }: CardProps) {
  const [kind, setKind] = useState<Fig2Kind>('sunburst');
  // With a category filter every chosen category is drawn, not only the largest six.
  const top = filters.categories.length > 0 ? report.drilldown.length : undefined;
  const figure = useMemo(() => fig2.toFigure(report, { kind, ...(top === undefined ? {} : { topCategories: top }) }), [report, kind, top]);
  const table = useMemo(() => fig2.toTable(report), [report]);
  return (
    <ChartCard id="fig2" title={sectionTitle('fig2')} caption={reportCaptions(report, false).fig2} figure={figure}
      label={`${kind === 'sunburst' ? 'Sunburst' : 'Treemap'} chart: usage by category, occupation and task`} table={table}
      fileName={`fig2-${fileBase}`} ignored={ignoredFilters(filters, 'fig2')} toolbar={<KindSwitch kind={kind} onChange={setKind} />} />
  );
}

export function Table2Card({ report, paper, filters, fileBase }: CardProps & { paper?: PaperReference }) {
  const table = useMemo(() => table2Csv(table2.toTable(report, paper), filters.jobZones), [report, paper, filters.jobZones]);
  return (
    <Section id="table2" title={sectionTitle('table2')} caption={paper ? `Published values: ${paper.citation}` : undefined}>
      <IgnoredFilters kinds={ignoredFilters(filters, 'table2')} />
      <div className="card-toolbar">
        <Downloads id="table2" title={sectionTitle('table2')} fileName={`table2-${fileBase}`} table={table} images={false} />
      </div>
      <Table2View report={report} paper={paper} zones={filters.jobZones} />
    </Section>
  );
}
