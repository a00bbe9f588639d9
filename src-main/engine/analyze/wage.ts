// Figure 6: occupation usage against median annual wage (release notebook step 5).
import type { OccupationShare, WageAnalysis } from '../../../src-shared/report';
import { MIN_ANNUAL_WAGE } from '../../../src-shared/taxonomy';
import type { AnalysisInputs } from './inputs';
import { compareDistributions } from './stats';

export function wageAnalysis(occupations: readonly OccupationShare[], wages: AnalysisInputs['wages']): WageAnalysis {
  const wageByCode = new Map(wages.map((w) => [w.code, w.medianSalary]));
  const points: WageAnalysis['points'] = [];
  let dropped = 0;
  for (const occ of occupations) {
    const wage = wageByCode.get(occ.code);
    // Values at or under 100 are hourly rates in this file; the paper's plot leaves them out.
    if (wage === undefined || wage === null || wage <= MIN_ANNUAL_WAGE) {
      dropped++;
      continue;
    }
    points.push({ code: occ.code, title: occ.title, category: occ.category, medianWage: wage, usagePct: occ.usagePct });
  }
  points.sort((a, b) => a.medianWage - b.medianWage || a.title.localeCompare(b.title));
  return {
    points,
    dropped,
    correlation: compareDistributions(
      points.map((p) => p.medianWage),
      points.map((p) => p.usagePct),
    ),
  };
}
