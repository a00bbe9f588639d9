// The report's part for a run's Appendix G reconstruction: what was clustered and how, the agreement
// of every level at a glance, then Figures 14–27 in the paper's order, each with its data table.
// Ids are the paper's figure numbers (fig14 … fig26, the last covering Figures 26–27).
import type { ReconstructionReport } from '../../../src-shared/reconstruct';
import * as scatter from '../../../src-shared/charts/figGScatter';
import * as prevalence from '../../../src-shared/charts/figGPrevalence';
import * as metrics from '../../../src-shared/charts/figGMetrics';
import * as recovered from '../../../src-shared/charts/figGRecovered';
import * as perOccupation from '../../../src-shared/charts/figGTasksPerOccupation';
import * as wage from '../../../src-shared/charts/figGWage';
import { GRANULARITIES, largestLevel, levelLegend, sortedLevels, type GranularityInfo } from '../../../src-shared/charts/reconstruct-common';
import { fmtInt } from '../../../src-shared/charts/format';
import type { ChartTable } from '../../../src-shared/charts/table';
import { escapeHtml } from './html';
import type { FigureSection } from './figures';
import { chartTableHtml } from './tables';

const METHOD: Record<ReconstructionReport['method'], string> = {
  claude: 'cluster names and placement by Claude (the F.2 top-down traversal with the cluster description in place of the conversation)',
  'offline-embedding': 'clusters placed by the offline embedding classifier (no Claude calls)',
};

export function reconstructionSummaryHtml(r: ReconstructionReport): string {
  const levels = sortedLevels(r);
  const items = [
    ...(r.provenance ? [`<strong>This reconstruction is a ${escapeHtml(r.provenance)}</strong>: its numbers mean nothing.`] : []),
    `Run <strong>${escapeHtml(r.run)}</strong>: ${fmtInt(r.conversations)} conversations summarised (“the user’s overall request”), ` +
      `embedded with <code>${escapeHtml(r.embeddingModel)}</code> and clustered by k-means (seed ${fmtInt(r.seed)}) at ` +
      `${levels.length === 0 ? 'no level' : levels.map((l) => escapeHtml(levelLegend(l))).join(', ')}; ${escapeHtml(METHOD[r.method])}.`,
    `A task’s weight is the size of the clusters placed on it, split evenly across its occupations; both methods keep only tasks with ` +
      `at least ${fmtInt(r.thresholds.minConversations)} conversations from ${fmtInt(r.thresholds.minAccounts)} accounts. ` +
      'Agreement is measured over the union of items either method found (the paper’s rule).',
    `Prompt versions: ${Object.entries(r.promptVersions).map(([k, v]) => `${escapeHtml(k)} <code>${escapeHtml(v)}</code>`).join(', ') || 'none recorded'}.`,
  ];
  return `<section id="reconstruction"><h2>Appendix G: cluster-based reconstruction of run ${escapeHtml(r.run)}</h2><ul>${items
    .map((i) => `<li>${i}</li>`)
    .join('')}</ul>
${chartTableHtml('reconstruction-metrics', 'Agreement at every level and granularity', overview(r), 3)}</section>`;
}

/** Every level × granularity in one table, so the section can be read without the charts. */
function overview(r: ReconstructionReport): ChartTable {
  return {
    columns: ['Mean cluster size', 'Clusters (k)', 'Level', 'n', 'Pearson r', 'Spearman ρ', 'Kendall τb', 'MSE'],
    rows: sortedLevels(r).flatMap((l) =>
      GRANULARITIES.map(({ granularity, label }) => {
        const m = l.metrics[granularity];
        return [l.meanClusterSize, l.clusters, label, m.n, m.pearson, m.spearman, m.kendallTauB, m.mse];
      }),
    ),
  };
}

function granularitySections(r: ReconstructionReport, info: GranularityInfo): FigureSection[] {
  const g = info.granularity;
  const what = info.label.toLowerCase();
  const f = info.figures;
  return [
    {
      id: `fig${f.scatter}`,
      heading: scatter.title(r, g),
      caption: `Each point is one of the ${what} at its share of usage under direct (conversation-level) assignment and under the clusters of one level; points on the dashed line agree exactly.`,
      figure: scatter.toFigure(r, g),
      after: chartTableHtml(`reconstruction-${g}-shares`, `Data: ${what} shares by level`, scatter.toTable(r, g)),
    },
    {
      id: `fig${f.prevalence}`,
      heading: prevalence.title(r, g),
      caption: `The ${what} with the most usage under direct assignment, with their share under the clusters of every level (0 where a level did not find them).`,
      figure: prevalence.toFigure(r, g),
    },
    {
      id: `fig${f.metrics}`,
      heading: metrics.title(g),
      caption: 'Pearson, Spearman and Kendall τ-b correlations (left axis) and mean squared error in squared percentage points (right axis) between the two methods’ shares, per level.',
      figure: metrics.toFigure(r, g),
      after: chartTableHtml(`reconstruction-${g}-metrics`, `Data: ${what} agreement by level`, metrics.toTable(r, g), 3),
    },
  ];
}

function recoveredSection(r: ReconstructionReport, g: 'occupation' | 'task'): FigureSection {
  const last = largestLevel(r);
  return {
    id: `fig${recovered.FIGURE_NUMBER[g]}`,
    heading: recovered.title(g),
    caption:
      `Items found by both methods, only by direct assignment and only by the clusters.` +
      (last ? ` At ${levelLegend(last)} ${recovered.recallText(last.recovered[g], g)}.` : ''),
    figure: recovered.toFigure(r, g),
    after: chartTableHtml(`reconstruction-${g}-recovered`, `Data: ${g}s recovered`, recovered.toTable(r, g)),
  };
}

export function reconstructionSections(r: ReconstructionReport): FigureSection[] {
  const [category, occupation, task] = GRANULARITIES.map((info) => granularitySections(r, info));
  const sections: FigureSection[] = [
    ...(category ?? []),
    ...(occupation ?? []),
    {
      id: 'fig20',
      heading: wage.title(r),
      caption: 'Share of usage (with a known median wage) by the median annual wage of the occupation, under each method.',
      figure: wage.toFigure(r),
      after: chartTableHtml('reconstruction-wage-bands', 'Data: usage by wage band, every level', wage.toTable(r)),
    },
    recoveredSection(r, 'occupation'),
    ...(task ?? []),
    recoveredSection(r, 'task'),
    {
      id: 'fig26',
      heading: perOccupation.TITLE,
      caption: 'Mean number of distinct kept tasks per occupation with usage: bars for the clusters of each level, the dashed line for direct assignment.',
      figure: perOccupation.toFigure(r),
      after: chartTableHtml('reconstruction-tasks-per-occupation', 'Data: tasks per occupation', perOccupation.toTable(r)),
    },
  ];
  // The intro opens the part, right before its first figure.
  const [first, ...rest] = sections;
  return first ? [{ ...first, before: reconstructionSummaryHtml(r) }, ...rest] : [];
}
