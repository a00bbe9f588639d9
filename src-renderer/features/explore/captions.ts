// Captions under each figure: what was left out and why, computed from the (filtered) report so a
// caption never describes data the chart does not show.
import type { ReproduceReport, RunReport } from '../../../src-shared/report';
import * as fig4 from '../../../src-shared/charts/fig4Depth';
import * as fig13 from '../../../src-shared/charts/fig13TopTasks';
import { fmt, fmtInt } from '../../../src-shared/charts/format';

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
    fig7: report.automation
      ? `${fmt(report.automation.excludedPct)}% of conversations showed no collaboration pattern and were excluded before normalising.`
      : undefined,
    fig13: filtered
      ? `${fmtInt(report.topTasks.length)} of the source's top tasks are listed among the top tasks of the filtered occupations; hover a bar for the full statement.`
      : `Top ${shownTasks} of ${fmtInt(report.topTasks.length)} tasks; hover a bar for the full task statement.`,
  };
}

export function runCaptions(run: RunReport) {
  const t = run.tasks;
  const kept =
    `Run ${run.run} (${run.method}): ${fmtInt(t.kept)} of ${fmtInt(t.total)} tasks passed the privacy thresholds ` +
    `(≥${fmtInt(run.thresholds.minConversations)} conversations from ≥${fmtInt(run.thresholds.minAccounts)} accounts).` +
    // A demo run says so in every caption, so a saved chart never passes for a real result.
    (run.provenance ? ` This run is a ${run.provenance}.` : '');
  return {
    fig5: `${kept} Skills are counted over every classified conversation.`,
    fig8: `${kept} Each model's bars add up to 100% of the usage it answered.`,
    fig10: run.accountsKnown
      ? `${kept} The same tasks counted once per conversation and once per distinct account.`
      : `${kept} The conversations carry no account ids, so only the count by conversations exists.`,
  };
}
