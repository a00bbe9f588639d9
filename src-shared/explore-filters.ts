// Explore's filters (category, occupation, Job Zone, wage band) applied to a report before drawing.
// Pure: the page keeps the filter state, this narrows what each chart gets. Shares are never
// renormalised — a filtered chart still shows each item's share of ALL usage in the source, so a
// number reads the same with and without filters.
import type { DrilldownCategory, DrilldownOccupation, ReproduceReport, RunReport } from './report';
import { compareDistributions } from './compare';

export interface ExploreFilters {
  /** Category (SOC major group) titles; empty = every category. */
  categories: string[];
  /** Occupation codes as in the drill-down; empty = every occupation. */
  occupations: string[];
  /** Job Zones 1..5; empty = every zone (occupations with no known zone included). */
  jobZones: number[];
  /** Median annual wage band in USD, inclusive; null = open on that side. */
  wageMin: number | null;
  wageMax: number | null;
}

export const NO_FILTERS: ExploreFilters = { categories: [], occupations: [], jobZones: [], wageMin: null, wageMax: null };

export const JOB_ZONES = [1, 2, 3, 4, 5] as const;

/** Filters that narrow occupations (as opposed to whole categories). */
export function occupationFiltersActive(f: ExploreFilters): boolean {
  return f.occupations.length > 0 || f.jobZones.length > 0 || f.wageMin !== null || f.wageMax !== null;
}

export function filtersActive(f: ExploreFilters): boolean {
  return f.categories.length > 0 || occupationFiltersActive(f);
}

/** Rejects a band that cannot match anything, naming the bad field, instead of drawing nothing. */
export function validateFilters(f: ExploreFilters): string | null {
  for (const [name, v] of [['wageMin', f.wageMin], ['wageMax', f.wageMax]] as const) {
    if (v !== null && (!Number.isFinite(v) || v < 0)) return `${name} must be a non-negative number, got ${v}`;
  }
  if (f.wageMin !== null && f.wageMax !== null && f.wageMin > f.wageMax) {
    return `wageMin (${f.wageMin}) is above wageMax (${f.wageMax})`;
  }
  const badZone = f.jobZones.find((z) => !JOB_ZONES.includes(z as (typeof JOB_ZONES)[number]));
  return badZone === undefined ? null : `jobZones has ${badZone}; Job Zones run from 1 to 5`;
}

/** One line per active filter, for the "filters active" summary. */
export function describeFilters(f: ExploreFilters, occupationTitle: (code: string) => string = (c) => c): string[] {
  const out: string[] = [];
  if (f.categories.length > 0) out.push(`Categories: ${f.categories.join('; ')}`);
  if (f.occupations.length > 0) out.push(`Occupations: ${f.occupations.map(occupationTitle).join('; ')}`);
  if (f.jobZones.length > 0) out.push(`Job Zones: ${[...f.jobZones].sort((a, b) => a - b).join(', ')}`);
  if (f.wageMin !== null || f.wageMax !== null) out.push(`Median wage: ${wageBandText(f.wageMin, f.wageMax)}`);
  return out;
}

function wageBandText(min: number | null, max: number | null): string {
  const usd = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;
  if (min !== null && max !== null) return `${usd(min)} – ${usd(max)}`;
  return min !== null ? `at least ${usd(min)}` : `at most ${usd(max as number)}`;
}

export interface OccupationFacts {
  category: string;
  jobZone: number | null;
  medianWage: number | null;
}

/** Code -> category, zone and wage, from the drill-down (the only part of a report carrying them). */
export function occupationFacts(report: Pick<ReproduceReport, 'drilldown'>): Map<string, OccupationFacts> {
  const out = new Map<string, OccupationFacts>();
  for (const c of report.drilldown) {
    for (const o of c.occupations) out.set(o.code, { category: c.title, jobZone: o.jobZone, medianWage: o.medianWage });
  }
  return out;
}

/**
 * Whether an occupation passes the occupation-level filters. A Job Zone or wage filter excludes
 * occupations whose zone or wage is unknown: they cannot be shown to be inside the band.
 */
export function occupationMatches(f: ExploreFilters, code: string, facts: Omit<OccupationFacts, 'category'> | undefined): boolean {
  if (f.occupations.length > 0 && !f.occupations.includes(code)) return false;
  if (f.jobZones.length > 0 && (facts?.jobZone == null || !f.jobZones.includes(facts.jobZone))) return false;
  if (f.wageMin !== null || f.wageMax !== null) {
    const wage = facts?.medianWage;
    if (wage == null) return false;
    if (f.wageMin !== null && wage < f.wageMin) return false;
    if (f.wageMax !== null && wage > f.wageMax) return false;
  }
  return true;
}

function categoryMatches(f: ExploreFilters, title: string): boolean {
  return f.categories.length === 0 || f.categories.includes(title);
}

function filterDrilldown(f: ExploreFilters, drilldown: DrilldownCategory[]): DrilldownCategory[] {
  const narrow = occupationFiltersActive(f);
  return drilldown
    .filter((c) => categoryMatches(f, c.title))
    .map((c) => {
      if (!narrow) return c;
      const occupations = c.occupations.filter((o) => occupationMatches(f, o.code, o));
      // The category's value becomes the sum of what is left, still as a share of all usage, so
      // a sunburst's parent never claims more than its children add up to.
      return { ...c, occupations, usagePct: sum(occupations.map((o) => o.usagePct)) };
    })
    .filter((c) => c.occupations.length > 0 || !narrow);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const taskKey = (task: string) => task.toLowerCase().trim();

/**
 * The report narrowed to the filters. Depth (Figure 4) and the automation split (Figure 7) are
 * source-wide aggregates that the report cannot break down, so they pass through unchanged; the
 * page says which charts each filter applies to (see FILTERED_CHARTS).
 */
export function filterReport(report: ReproduceReport, f: ExploreFilters): ReproduceReport {
  if (!filtersActive(f)) return report;
  const facts = occupationFacts(report);
  const keepOccupation = (code: string, category: string, wage?: number) => {
    const known = facts.get(code);
    // A wage point is filtered by the wage it is drawn at, so the band matches Figure 6's x axis.
    const own = wage === undefined ? known : { jobZone: known?.jobZone ?? null, medianWage: wage };
    return categoryMatches(f, category) && occupationMatches(f, code, own);
  };
  const drilldown = filterDrilldown(f, report.drilldown);
  const categories = report.categories.filter(
    (c) => categoryMatches(f, c.title) && (!occupationFiltersActive(f) || drilldown.some((d) => d.title === c.title)),
  );
  const withBls = categories.filter((c) => c.blsPct !== null);
  const points = report.wage.points.filter((p) => keepOccupation(p.code, p.category, p.medianWage));
  // Correlations are recomputed over what is drawn: the source-wide ones would describe points
  // the filtered chart does not show (the charts put them in their titles).
  return {
    ...report,
    drilldown,
    categories,
    categoryCorrelation: compareDistributions(withBls.map((c) => c.usagePct), withBls.map((c) => c.blsPct as number)),
    topOccupations: report.topOccupations.filter((o) => keepOccupation(o.code, o.category)),
    topTasks: filterTasks(report, drilldown),
    wage: { ...report.wage, points, correlation: compareDistributions(points.map((p) => p.medianWage), points.map((p) => p.usagePct)) },
    jobZones: f.jobZones.length === 0 ? report.jobZones : report.jobZones.map((t) => ({ ...t, rows: t.rows.filter((r) => f.jobZones.includes(r.zone)) })),
  };
}

/**
 * Tasks carry no occupation in the report; a task is kept when it is among the top tasks the
 * drill-down lists for a remaining occupation. Its value stays the task's share of all usage.
 */
function filterTasks(report: ReproduceReport, drilldown: DrilldownCategory[]) {
  const listed = new Set(drilldown.flatMap((c) => c.occupations.flatMap((o: DrilldownOccupation) => o.tasks.map((t) => taskKey(t.task)))));
  return report.topTasks.filter((t) => listed.has(taskKey(t.task)));
}

/** Figures 8 and 10 are per category: the category filter applies; occupation filters cannot. */
export function filterRunReport(run: RunReport, f: ExploreFilters): RunReport {
  if (f.categories.length === 0) return run;
  return {
    ...run,
    conversationVsAccount: {
      ...run.conversationVsAccount,
      categories: run.conversationVsAccount.categories.filter((c) => categoryMatches(f, c.title)),
    },
    byModel: run.byModel.map((m) => ({ ...m, categories: m.categories.filter((c) => categoryMatches(f, c.title)) })),
  };
}

export type FilterKind = 'category' | 'occupation' | 'jobZone' | 'wage';

const ALL_KINDS: FilterKind[] = ['category', 'occupation', 'jobZone', 'wage'];

/** Which filters reach which chart: shown beside each chart so nobody reads an unfiltered one as filtered. */
export const FILTERED_CHARTS: Record<string, FilterKind[]> = {
  fig2: ALL_KINDS,
  fig3: ALL_KINDS,
  fig4: [],
  fig5: [],
  fig6: ALL_KINDS,
  fig6bands: ALL_KINDS,
  fig7: [],
  fig8: ['category'],
  fig10: ['category'],
  fig13: ALL_KINDS,
  table2: ['jobZone'],
};

/** The active filters of `f` that a chart ignores, so the page can say so next to it. */
export function ignoredFilters(f: ExploreFilters, chart: string): FilterKind[] {
  const applies = FILTERED_CHARTS[chart] ?? [];
  const active: FilterKind[] = [];
  if (f.categories.length > 0) active.push('category');
  if (f.occupations.length > 0) active.push('occupation');
  if (f.jobZones.length > 0) active.push('jobZone');
  if (f.wageMin !== null || f.wageMax !== null) active.push('wage');
  return active.filter((k) => !applies.includes(k));
}

/** What the filter controls offer for a report: categories, occupations by category, wage range. */
export interface FilterChoices {
  categories: string[];
  occupations: { code: string; title: string; category: string }[];
  wageRange: [number, number] | null;
}

export function filterChoices(report: Pick<ReproduceReport, 'drilldown' | 'categories'>): FilterChoices {
  const categories = [...new Set([...report.drilldown.map((c) => c.title), ...report.categories.map((c) => c.title)])].sort((a, b) => a.localeCompare(b));
  const occupations = report.drilldown
    .flatMap((c) => c.occupations.map((o) => ({ code: o.code, title: o.title, category: c.title })))
    .sort((a, b) => a.title.localeCompare(b.title) || a.code.localeCompare(b.code));
  const wages = report.drilldown.flatMap((c) => c.occupations.map((o) => o.medianWage)).filter((w): w is number => w !== null);
  const wageRange: [number, number] | null = wages.length > 0 ? [Math.min(...wages), Math.max(...wages)] : null;
  return { categories, occupations, wageRange };
}
