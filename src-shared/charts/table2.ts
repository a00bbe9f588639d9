// Table 2: usage by O*NET job zone, one column group per engine variant plus, when available, the
// paper's published numbers for side-by-side comparison, with each variant's distance to them (the
// variants differ in where an occupation's zone comes from; scripts/jobzone-variants.py compares
// more). Pure: the page only formats and renders.
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
  /** Largest |Conv. % − the paper's| over the zones both have; engine variants, with a paper only. */
  paperGap?: number;
  /** The engine variant with the smallest paperGap. */
  closest?: boolean;
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

/** Largest |Conv. % − the paper's| over the zones both list; null when they share none. */
export function paperGap(rows: readonly ZoneValues[], paper: PaperReference): number | null {
  const published = new Map(paper.table2.map((p) => [p.zone, p.convPct]));
  const gaps = rows.flatMap((r) => {
    const p = published.get(r.zone);
    return p === undefined ? [] : [Math.abs(r.convPct - p)];
  });
  return gaps.length > 0 ? Math.max(...gaps) : null;
}

/** "Conv. % within 1.90 points of the paper in every zone (closest)", for a group that has a gap. */
export function paperGapText(g: Table2Group): string | undefined {
  if (g.paperGap === undefined) return undefined;
  return `Conv. % within ${fmt(g.paperGap, 2)} points of the paper in every zone${g.closest ? ' (the closest variant)' : ''}`;
}

/** Each engine group's gap to the paper, and which is closest (the first of equals). */
function markGaps(groups: Table2Group[], rows: readonly (readonly ZoneValues[])[], paper: PaperReference): void {
  groups.forEach((g, i) => {
    const gap = paperGap(rows[i]!, paper);
    if (gap !== null) g.paperGap = gap;
  });
  const gaps = groups.map((g) => g.paperGap ?? Infinity);
  const best = gaps.indexOf(Math.min(...gaps));
  if (groups.length > 1 && Number.isFinite(gaps[best])) groups[best]!.closest = true;
}

function columnsFor(group: string): Table2Column[] {
  return METRICS.map((m) => ({ group, metric: m.key, label: m.label, digits: m.digits }));
}

export function toTable2Rows(report: ReproduceReport, paper?: PaperReference): Table2 {
  const sources: { group: Table2Group; rows: ZoneValues[] }[] = report.jobZones.map((t) => ({
    group: { label: t.label, coverage: coverageText(t.coverage) },
    rows: t.rows,
  }));
  if (paper) {
    markGaps(sources.map((s) => s.group), sources.map((s) => s.rows), paper);
    sources.push({ group: { label: PAPER_GROUP }, rows: paper.table2 });
  }

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
