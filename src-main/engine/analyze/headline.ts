// The paper's headline numbers as flat "name" -> number pairs, named as scripts/reproduce_pandas.py
// names them: the bench and a test hold our report against that independent reading.
import type { ReproduceReport } from '../../../src-shared/report';

/** How many top occupations the headline compares (the pandas script prints as many). */
export const HEADLINE_OCCUPATIONS = 10;

export type Headline = Record<string, number>;

export function headlineNumbers(report: ReproduceReport): Headline {
  const out: Headline = {
    'matching.rawSumPct': report.matching.rawSumPct,
    'matching.matchedRows': report.matching.matchedRows,
    'matching.mappingRows': report.matching.mappingRows,
  };
  for (const c of report.categories) {
    if (c.usagePct > 0) out[`category.${c.code}.usagePct`] = c.usagePct;
    if (c.blsPct !== null) out[`category.${c.code}.blsPct`] = c.blsPct;
  }
  for (const o of report.topOccupations.slice(0, HEADLINE_OCCUPATIONS)) out[`occupation.${o.title}.usagePct`] = o.usagePct;
  for (const m of report.depth.marks) out[`depth.${m.threshold}`] = m.shareOfOccupations;
  if (report.automation) {
    for (const p of report.automation.patterns) out[`pattern.${p.pattern}`] = p.pct;
    out.automationPct = report.automation.automationPct;
    out.augmentationPct = report.automation.augmentationPct;
  }
  for (const table of report.jobZones) {
    for (const r of table.rows) {
      const at = `table2.${table.variant}.${r.zone}`;
      out[`${at}.convPct`] = r.convPct;
      out[`${at}.basePct`] = r.basePct;
      out[`${at}.repRatio`] = r.repRatio;
    }
  }
  out['wage.points'] = report.wage.points.length;
  if (report.wage.correlation.pearson !== null) out['wage.pearson'] = report.wage.correlation.pearson;
  return out;
}

/** Every name on either side whose values differ by more than `tolerance` (or is missing on one). */
export function headlineMismatches(ours: Headline, theirs: Headline, tolerance = 1e-6): string[] {
  const names = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].sort();
  const out: string[] = [];
  for (const name of names) {
    const a = ours[name];
    const b = theirs[name];
    if (a === undefined || b === undefined) out.push(`${name}: ours ${a ?? 'missing'}, pandas ${b ?? 'missing'}`);
    else if (!(Math.abs(a - b) <= tolerance)) out.push(`${name}: ours ${a}, pandas ${b} (differ by ${Math.abs(a - b)})`);
  }
  return out;
}
