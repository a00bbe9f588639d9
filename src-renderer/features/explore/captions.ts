// Captions under each figure: what was left out and why, computed from the (filtered) report so a
// caption never describes data the chart does not show.
import type { ReproduceReport, RunReport } from '../../../src-shared/report';
import * as fig4 from '../../../src-shared/charts/fig4Depth';
import * as fig5 from '../../../src-shared/charts/fig5Skills';
import { WAGE_BANDS_CAPTION } from '../../../src-shared/charts/fig6WageBands';
import * as fig13 from '../../../src-shared/charts/fig13TopTasks';
import { fmt, fmtInt } from '../../../src-shared/charts/format';
import * as fig8Tasks from '../../../src-shared/charts/fig8ModelTasks';
import * as patterns from '../../../src-shared/charts/patternsByTask';
import { levelCaption } from '../../../src-shared/charts/levelShares';
import { appliedThresholds, thresholdsText } from '../../../src-shared/thresholds';
import { intervalsNote } from '../../../src-shared/uncertainty';
import type { ReconstructionReport } from '../../../src-shared/reconstruct';
import { granularityInfo, largestLevel, levelLegend, type Granularity } from '../../../src-shared/charts/reconstruct-common';
import { recallText } from '../../../src-shared/charts/figGRecovered';

export function matchingSummary(report: ReproduceReport): string {
  const m = report.matching;
  return (
    `Source: ${report.source.label}. ${fmtInt(m.matchedRows)} of ${fmtInt(m.mappingRows)} task-mapping rows ` +
    `matched O*NET tasks (${fmtInt(m.unmatched.length)} unmatched; raw share before renormalising ${fmt(m.rawSumPct)}%).`
  );
}

export function reportCaptions(report: ReproduceReport, filtered: boolean) {
  const noBls = report.categories.filter((c) => c.blsPct === null).length;
  const shownTasks = Math.min(fig13.TOP_N, report.topTasks.length);
  return {
    fig2:
      'Click a category to drill down to its occupations, and an occupation to its top tasks; click the centre ' +
      '(sunburst) or the path bar (treemap) to go back up. Sizes are shares of all usage in the source.',
    fig3: noBls > 0 ? `${noBls} categor${noBls === 1 ? 'y has' : 'ies have'} no BLS employment figure and show usage only.` : undefined,
    fig4: report.depth.marks.map(fig4.markLabel).join(' · '),
    fig6:
      `${filtered ? 'In the whole source, ' : ''}${fmtInt(report.wage.dropped)} occupations left out for a missing or hourly-looking wage.` +
      (filtered ? ' The correlations in the title are over the points drawn.' : ''),
    fig6bands: WAGE_BANDS_CAPTION + (filtered ? ' Over the occupations the filters leave.' : ''),
    fig7: report.automation
      ? `${fmt(report.automation.excludedPct)}% of conversations showed no collaboration pattern and were excluded before normalising.`
      : undefined,
    fig13: filtered
      ? `${fmtInt(report.topTasks.length)} of the source's top tasks are listed among the top tasks of the filtered occupations; hover a bar for the full statement.`
      : `Top ${shownTasks} of ${fmtInt(report.topTasks.length)} tasks; hover a bar for the full task statement.`,
  };
}

function keptSentence(run: RunReport): string {
  const t = run.tasks;
  return (
    `Run ${run.run} (${run.method}): ${fmtInt(t.kept)} of ${fmtInt(t.total)} tasks passed the privacy thresholds ` +
    `(${thresholdsText(appliedThresholds(run), fmtInt)}).` +
    // A demo run says so in every caption, so a saved chart never passes for a real result.
    (run.provenance ? ` This run is a ${run.provenance}.` : '')
  );
}

/** Figures 11, 12, Figure 8 by task and B.5: the wording is shared with the HTML report. */
export function hierarchyCaptions(run: RunReport, modelChoice: fig8Tasks.ModelTaskChoice = {}) {
  const kept = keptSentence(run);
  return {
    fig11: `${kept} ${levelCaption('top')}`,
    fig12: `${kept} ${levelCaption('middle')}`,
    fig8tasks: `${kept} ${fig8Tasks.captionText(run, modelChoice)}`,
    patterns: `${kept} Each bar is one kept task’s (or occupation’s) conversations over the five collaboration patterns and none; an occupation gets its tasks’ conversations split evenly.`,
    patternTasks: `${kept} ${patterns.characteristicCaption(run)}`,
  };
}

export function runCaptions(run: RunReport) {
  const kept = keptSentence(run);
  return {
    fig5: `${kept} ${fig5.noneText(run)} ${intervalsNote('run', run, false, fmtInt)}`,
    fig8: `${kept} Each model's bars add up to 100% of the usage it answered.`,
    fig10: run.accountsKnown
      ? `${kept} The same tasks counted once per conversation and once per distinct account.`
      : `${kept} The conversations carry no account ids, so only the count by conversations exists.`,
  };
}

/**
 * Appendix G: what each reconstruction chart is in the paper and how it was made. The method line
 * opens every caption, so a saved chart says what produced it (and when the numbers are simulated).
 */
export function reconstructionCaptions(r: ReconstructionReport, g: Granularity) {
  const info = granularityInfo(g);
  const placed = r.method === 'claude' ? 'placed by Claude' : 'placed by the offline embedding classifier';
  const method =
    `Paper Appendix G: run ${r.run}’s ${fmtInt(r.conversations)} conversations clustered by request (k-means), each cluster ${placed} ` +
    'by the same top-down traversal; the run’s thresholds apply to both methods.' +
    (r.provenance ? ` This reconstruction is a ${r.provenance}.` : '');
  const largest = largestLevel(r);
  const recall = (which: 'occupation' | 'task') =>
    largest ? ` At ${levelLegend(largest)} ${recallText(largest.recovered[which], which)}.` : '';
  return {
    scatter: `Figure ${info.figures.scatter}. ${method} Each point is one of the ${info.label.toLowerCase()}; points on the dashed line have the same share under both methods.`,
    prevalence: `Figure ${info.figures.prevalence}. ${method} The ${info.label.toLowerCase()} with the most usage under direct assignment; 0 where a level did not find one.`,
    metrics: `Figure ${info.figures.metrics}. ${method} Correlations over the union of ${info.label.toLowerCase()} either method found (left axis); mean squared error (right axis).`,
    wage: `Figure 20. ${method} Usage by the median wage of the occupation, at the largest clusters.`,
    recoveredOccupation: `Figure 21. ${method}${recall('occupation')}`,
    recoveredTask: `Figure 25. ${method}${recall('task')}`,
    perOccupation: `Figures 26–27. ${method} Mean number of distinct kept tasks per occupation with usage.`,
  };
}
