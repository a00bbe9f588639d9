// Figure 2's drill-down: SOC major category → occupation → its top tasks, with each occupation's
// Job Zone and median wage (Explore filters on both). Built from the same split task rows as the
// other analyses, so a category's usage equals its Figure 3 share and its occupations add up to it.
import {
  DRILLDOWN_TASKS,
  type DrilldownCategory,
  type DrilldownOccupation,
} from '../../../src-shared/report';
import { MIN_ANNUAL_WAGE } from '../../../src-shared/taxonomy';
import type { AnalysisInputs } from './inputs';
import type { ZoneLookup } from './jobzones';
import { majorGroupOf, type TaskOccupationRow } from './occupations';

/**
 * The zone holding most of an occupation (its codes' crosswalk weights summed). An exact tie goes
 * to the lower zone, the cautious reading of how much preparation the work needs.
 */
export function majorityZone(codes: readonly string[], lookup: ZoneLookup): number | null {
  const weight = new Map<number, number>();
  for (const code of codes) for (const { zone, weight: w } of lookup(code)) weight.set(zone, (weight.get(zone) ?? 0) + w);
  let best: number | null = null;
  let bestWeight = 0;
  // Ascending zones and a strict "clearly more" test leave an exact tie with the lower zone.
  for (const zone of [...weight.keys()].sort((x, y) => x - y)) {
    const w = weight.get(zone) ?? 0;
    if (w > bestWeight + 1e-12) [best, bestWeight] = [zone, w];
  }
  return best;
}

/** Annual median wage, null when missing or hourly-looking (the rule Figure 6 applies). */
function annualWage(code: string, wages: ReadonlyMap<string, number | null>): number | null {
  const wage = wages.get(code);
  return wage === undefined || wage === null || wage <= MIN_ANNUAL_WAGE ? null : wage;
}

interface OccupationGroup {
  code: string;
  title: string;
  codes: Set<string>;
  rows: TaskOccupationRow[];
}

function toOccupation(g: OccupationGroup, lookup: ZoneLookup, wages: ReadonlyMap<string, number | null>): DrilldownOccupation {
  const used = g.rows.filter((r) => r.hasUsage);
  const usagePct = g.rows.reduce((s, r) => s + r.usagePct, 0);
  const tasks = used
    .map((r) => ({ task: r.task, usagePct: r.usagePct }))
    .sort((a, b) => b.usagePct - a.usagePct || a.task.localeCompare(b.task))
    .slice(0, DRILLDOWN_TASKS);
  const listed = tasks.reduce((s, t) => s + t.usagePct, 0);
  return {
    code: g.code,
    title: g.title,
    usagePct,
    jobZone: majorityZone([...g.codes], lookup),
    medianWage: annualWage(g.code, wages),
    tasksWithUsage: used.length,
    tasks,
    // Float noise could make this a tiny negative; the children must never exceed the parent.
    otherTasksPct: Math.max(0, usagePct - listed),
  };
}

/**
 * Occupations are grouped by title within a category, as occupationShares() groups them, and keep
 * the first code seen (the code Figure 6 and the top-occupation list use).
 */
export function drilldown(
  rows: readonly TaskOccupationRow[],
  inputs: Pick<AnalysisInputs, 'majorGroups' | 'wages'>,
  lookup: ZoneLookup,
): DrilldownCategory[] {
  const categoryTitle = new Map(inputs.majorGroups.map((g) => [g.code, g.title]));
  const wages = new Map(inputs.wages.map((w) => [w.code, w.medianSalary]));
  const groups = new Map<string, Map<string, OccupationGroup>>();
  // Summed in row order, as categoryShares() does, so the totals equal Figure 3's to the last bit.
  const totals = new Map<string, number>();
  for (const r of rows) {
    const major = majorGroupOf(r.code);
    totals.set(major, (totals.get(major) ?? 0) + r.usagePct);
    let byTitle = groups.get(major);
    if (!byTitle) groups.set(major, (byTitle = new Map()));
    let g = byTitle.get(r.title);
    if (!g) byTitle.set(r.title, (g = { code: r.code, title: r.title, codes: new Set(), rows: [] }));
    g.codes.add(r.code);
    g.rows.push(r);
  }
  const out: DrilldownCategory[] = [];
  for (const [code, byTitle] of groups) {
    const occupations = [...byTitle.values()]
      .map((g) => toOccupation(g, lookup, wages))
      .filter((o) => o.usagePct > 0)
      .sort((a, b) => b.usagePct - a.usagePct || a.title.localeCompare(b.title));
    if (occupations.length === 0) continue;
    out.push({
      code,
      title: categoryTitle.get(code) ?? `SOC ${code}`,
      usagePct: totals.get(code) ?? 0,
      occupations,
    });
  }
  return out.sort((a, b) => b.usagePct - a.usagePct || a.code.localeCompare(b.code));
}
