// The report's figure sections for a usage source (Figure 2's drill-down and Figures 3, 4, 6, 7, 13),
// each built by the same pure toFigure() module the app draws, with a caption and its data tables.
import type { PaperReference, ReproduceReport, RunReport } from '../../../src-shared/report';
import { intervalsNote } from '../../../src-shared/uncertainty';
import type { Figure } from '../../../src-shared/charts/plotly-types';
import * as fig2 from '../../../src-shared/charts/fig2Drilldown';
import * as fig3 from '../../../src-shared/charts/fig3Categories';
import * as fig4 from '../../../src-shared/charts/fig4Depth';
import * as fig6 from '../../../src-shared/charts/fig6Wage';
import * as fig6Bands from '../../../src-shared/charts/fig6WageBands';
import { WAGE_BANDS_CAPTION } from '../../../src-shared/charts/fig6WageBands';
import * as fig7 from '../../../src-shared/charts/fig7Automation';
import * as fig13 from '../../../src-shared/charts/fig13TopTasks';
import { fmt, fmtInt } from '../../../src-shared/charts/format';
import type { ChartTable } from '../../../src-shared/charts/table';
import { escapeHtml } from './html';
import { stillPlaceholder } from './still';
import { categoryTable, chartTableHtml, depthTable } from './tables';

export interface FigureSection {
  /** The container's id (fig2, fig3, …): the draw script, the chart export and tests use it. */
  id: string;
  heading: string;
  caption: string;
  figure: Figure;
  /** The figure as a still image should show it, where that differs (Figure 2's key); else `figure`. */
  still?: Figure;
  /** Extra HTML after the figure (tables). */
  after?: string;
  /** HTML right before the section (an intro opening a part of the report, e.g. Appendix G's). */
  before?: string;
}

export function figureHtml(s: FigureSection): string {
  return `${s.before ?? ''}<section id="${s.id}" class="figure" aria-labelledby="${s.id}-h">
<h2 id="${s.id}-h">${escapeHtml(s.heading)}</h2>
<div class="plot" role="img" aria-label="${escapeHtml(s.heading)}">${stillPlaceholder(s.id)}</div>
<p class="caption">${escapeHtml(s.caption)}</p>
${s.after ?? ''}
</section>`;
}

/** Figure 2's table: what the sunburst shows (top categories, their largest occupations and tasks). */
function drilldownTable(report: ReproduceReport): ChartTable {
  const shown = fig2.shownDrilldown(report);
  const categories = new Set(shown.map((s) => s.category.title));
  const occupations = new Set(shown.flatMap((s) => s.occupations.map((o) => o.code)));
  const all = fig2.toTable(report);
  return { columns: all.columns, rows: all.rows.filter((r) => categories.has(String(r[0])) && occupations.has(String(r[1]))) };
}

function drilldownSection(report: ReproduceReport): FigureSection {
  const shown = fig2.shownDrilldown(report);
  const occupations = report.drilldown.reduce((s, c) => s + c.occupations.length, 0);
  return {
    id: 'fig2',
    heading: 'Figure 2: Categories, occupations and tasks',
    caption:
      shown.length === 0
        ? fig2.NO_DATA_TEXT
        : `The ${shown.length} categories with the most usage, each with its ${fig2.OCCUPATIONS_PER_CATEGORY} largest ` +
          `occupations (of ${fmtInt(occupations)} occupations with usage in all) and their top tasks. Sizes are shares of all ` +
          'usage; click a sector to drill in and the centre to go back.',
    figure: fig2.toFigure(report),
    still: fig2.toFigure(report, { still: true }),
    after: shown.length === 0 ? '' : chartTableHtml('drilldown', 'Data: the drill-down as drawn', drilldownTable(report)),
  };
}

/** `run`: the report's run, whose 95% intervals become whiskers on Figures 3, 4, 7 and 13 (a release has none, and says so). */
export function releaseSections(report: ReproduceReport, paper: PaperReference | undefined, run?: RunReport): FigureSection[] {
  const { pearson, spearman } = report.categoryCorrelation;
  const iv = run?.intervals;
  const note = ` ${intervalsNote(report.source.kind, run, false, fmtInt)}`;
  const automation = report.automation;
  return [
    drilldownSection(report),
    {
      id: 'fig3',
      heading: 'Figure 3: Usage vs employment by category',
      caption:
        `Share of usage per SOC major group against its share of U.S. employment (BLS). ` +
        `Pearson r = ${fmt(pearson, 2)}, Spearman ρ = ${fmt(spearman, 2)} over ${fmtInt(report.categoryCorrelation.n)} categories.` + note,
      figure: fig3.toFigure(report, iv),
      after: categoryTable(report, paper),
    },
    {
      id: 'fig4',
      heading: 'Figure 4: Depth of AI use',
      caption: `Share of ${fmtInt(report.depth.occupations)} occupations with at least a given share of their tasks in use.` + note,
      figure: fig4.toFigure(report, iv),
      after: depthTable(report, paper),
    },
    {
      id: 'fig6',
      heading: 'Figure 6: Usage vs median wage',
      caption:
        `${fig6.wageTitle(report)}. ${fmtInt(report.wage.dropped)} occupation(s) dropped for a missing or hourly-looking wage.`,
      figure: fig6.toFigure(report),
    },
    {
      id: 'fig6bands',
      heading: 'Figure 6 by wage quartile',
      caption: WAGE_BANDS_CAPTION,
      figure: fig6Bands.toFigure(report),
      after: chartTableHtml('wage-bands', 'Data: usage by wage quartile and decile', fig6Bands.toTable(report)),
    },
    {
      id: 'fig7',
      heading: 'Figure 7: Automation vs augmentation',
      caption: automation
        ? `${fig7.splitText(automation.augmentationPct, automation.automationPct)}` +
          (paper ? ` (paper: augmentation ${paper.augmentationPct}% · automation ${paper.automationPct}%)` : '') +
          `. ${fmt(automation.excludedPct)}% of the input had no pattern and was excluded.` + note
        : fig7.NO_DATA_TEXT,
      figure: fig7.toFigure(report, iv),
    },
    {
      id: 'fig13',
      heading: 'Figure 13: Top tasks',
      caption: 'The tasks with the largest share of usage, after the even split across occupations.' + note,
      figure: fig13.toFigure(report, fig13.TOP_N, iv),
    },
  ];
}
