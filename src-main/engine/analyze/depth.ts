// Figure 4: share of occupations with at least x of their tasks in use, as a curve over x.
// A task is "in use" when the source lists it (a release already applied the privacy thresholds).
import type { DepthCurve, DepthPoint } from '../../../src-shared/report';
import { DEPTH_MARKS } from '../../../src-shared/taxonomy';
import type { TaskOccupationRow } from './occupations';

/** Fraction of each occupation's (by O*NET-SOC code) task statements that have usage. */
export function taskCoverageByOccupation(rows: readonly TaskOccupationRow[]): Map<string, number> {
  const counts = new Map<string, { tasks: number; used: number }>();
  for (const r of rows) {
    const c = counts.get(r.code) ?? { tasks: 0, used: 0 };
    c.tasks += 1;
    if (r.hasUsage) c.used += 1;
    counts.set(r.code, c);
  }
  return new Map([...counts].map(([code, c]) => [code, c.used / c.tasks]));
}

export function shareAtLeast(coverage: readonly number[], threshold: number): number {
  if (coverage.length === 0) return 0;
  // A tolerance so that 3 of 12 tasks counts as reaching 25% despite float rounding.
  const hits = coverage.filter((c) => c >= threshold - 1e-12).length;
  return hits / coverage.length;
}

/** Figure 4's curve is drawn at thresholds 0, 1/steps, ..., 1. */
export const DEPTH_CURVE_STEPS = 100;

export function depthCurve(rows: readonly TaskOccupationRow[], steps = DEPTH_CURVE_STEPS): DepthCurve {
  const coverage = [...taskCoverageByOccupation(rows).values()];
  const curve: DepthPoint[] = [];
  for (let i = 0; i <= steps; i++) {
    const threshold = i / steps;
    curve.push({ threshold, shareOfOccupations: shareAtLeast(coverage, threshold) });
  }
  const marks = DEPTH_MARKS.map((threshold) => ({ threshold, shareOfOccupations: shareAtLeast(coverage, threshold) }));
  return { occupations: coverage.length, curve, marks };
}
