// How the corrected pattern shares were obtained, in words: the CLI's report and the app's Validate
// step print the same sentences. Pure, no Node, no DOM.
import type { CorrectedShares } from './validation-report';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** "27.1%–33.0%", or null when the shares carry no interval for the label. */
export function correctedInterval(c: CorrectedShares, label: string, fmt: (x: number) => string = pct): string | null {
  const ci = c.intervals?.[label];
  return ci ? `${fmt(ci.ciLow)}–${fmt(ci.ciHigh)}` : null;
}

/** The weighting, what was left out, and what the intervals do not cover. */
export function correctionNotes(c: CorrectedShares): string[] {
  const d = c.design;
  if (!d) return [];
  const items = (n: number) => `${n} validated item${n === 1 ? '' : 's'}`;
  const notes = [
    `Design-weighted from ${items(c.validatedItems)}: each stands for N/n conversations of its predicted pattern (N conversations, n validated)` +
      (d.keptTasksOnly
        ? `, over the ${d.population} conversations whose task passed the privacy thresholds.`
        : `, over all ${d.population} classified conversations (the run classified no tasks, so no thresholds apply).`),
  ];
  if (d.outsideDomain > 0) {
    notes.push(`${items(d.outsideDomain)} left out: the task fell below the privacy thresholds, or the pattern changed since the draw.`);
  }
  const unvalidated = d.strata.filter((s) => s.validated === 0);
  if (unvalidated.length) {
    notes.push(`Not validated, taken as correctly classified: ${unvalidated.map((s) => `${s.stratum} (${s.population})`).join(', ')}.`);
  }
  const single = d.strata.filter((s) => s.validated === 1 && s.population > 1);
  if (single.length) {
    notes.push(
      `One validated item only: ${single.map((s) => `${s.stratum} (of ${s.population})`).join(', ')}; the intervals leave out the spread within ${single.length === 1 ? 'that pattern' : 'those patterns'}.`,
    );
  }
  if (c.intervals) {
    notes.push(
      `Intervals: ${Math.round(100 * d.bootstrap.level)}% percentile bootstrap, ${d.bootstrap.replicates} replicates redrawing the validated items within each predicted pattern (seed ${d.bootstrap.seed}).`,
    );
  }
  return notes;
}
