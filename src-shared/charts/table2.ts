// Table 2: usage by O*NET job zone, one column group per engine variant plus, when available, the
// paper's published numbers for side-by-side comparison. Pure: the page only formats and renders.
import type { JobZoneCoverage, JobZoneRow, PaperReference, ReproduceReport } from '../report';
import { fmt, fmtInt } from './format';
import type { ChartTable } from './table';

export type Table2Metric = 'convPct' | 'basePct' | 'repRatio';

export const METRICS: { key: Table2Metric; label: string; digits: number }[] = [
  { key: 'convPct', label: 'Conversations (%)', digits: 1 },
  { key: 'basePct', label: 'Baseline (%)', digits: 1 },
  { key: 'repRatio', label: 'Representation ratio', digits: 2 },
];

export const PAPER_GROUP = 'Paper (published)';

export interface Table2Group {
  label: string;
  /** Coverage sentence for engine variants; undefined for the paper's column group. */
  coverage?: string;
}

export interface Table2Column {
  group: string;
  metric: Table2Metric;
  label: string;
  digits: number;
}

export interface Table2Row {
  zone: number;
  /** One value per column, null where that source has no row for the zone. */
  values: (number | null)[];
}

export interface Table2 {
  groups: Table2Group[];
  columns: Table2Column[];
  rows: Table2Row[];
}

type ZoneValues = Pick<JobZoneRow, 'zone' | Table2Metric>;

export function coverageText(c: JobZoneCoverage): string {
  return (
    `${fmtInt(c.tasksMatched)} of ${fmtInt(c.tasksWithUsage)} tasks with usage matched ` +
    `(${fmt(c.usageMatchedPct)}% of usage); ${fmtInt(c.occupationsMatched)} of ` +
    `${fmtInt(c.occupationsTotal)} occupations have a job zone`
  );
}

function columnsFor(group: string): Table2Column[] {
  return METRICS.map((m) => ({ group, metric: m.key, label: m.label, digits: m.digits }));
}

export function toTable2Rows(report: ReproduceReport, paper?: PaperReference): Table2 {
  const sources: { group: Table2Group; rows: ZoneValues[] }[] = report.jobZones.map((t) => ({
    group: { label: t.label, coverage: coverageText(t.coverage) },
    rows: t.rows,
  }));
  if (paper) sources.push({ group: { label: PAPER_GROUP }, rows: paper.table2 });

  // Union of zones so a zone missing from one source still gets a row (with empty cells).
  const zones = [...new Set(sources.flatMap((s) => s.rows.map((r) => r.zone)))].sort((a, b) => a - b);
  const rows = zones.map((zone) => ({
    zone,
    values: sources.flatMap((s) => {
      const row = s.rows.find((r) => r.zone === zone);
      return METRICS.map((m) => (row ? row[m.key] : null));
    }),
  }));
  return {
    groups: sources.map((s) => s.group),
    columns: sources.flatMap((s) => columnsFor(s.group.label)),
    rows,
  };
}

/** Table 2 flattened: one column per source and metric, raw numbers (null where a source lacks the zone). */
export function toTable(report: ReproduceReport, paper?: PaperReference): ChartTable {
  const t = toTable2Rows(report, paper);
  return {
    columns: ['Job Zone', ...t.columns.map((c) => `${c.group}: ${c.label}`)],
    rows: t.rows.map((r) => [r.zone, ...r.values]),
  };
}
