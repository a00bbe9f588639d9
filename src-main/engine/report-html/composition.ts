// The report's Appendix B.7 section, only for a run that asked the composition question: the work /
// coursework / personal shares before and after screening (drawn by the same module as Explore's
// card), the shares at each confidence cut, and the top tasks within non-work and coursework
// conversations (run thresholds applied within each group).
import type { RunReport } from '../../../src-shared/report';
import * as chart from '../../../src-shared/charts/composition';
import { compositionCutsText } from '../../../src-shared/composition';
import { fmtInt } from '../../../src-shared/charts/format';
import type { FigureSection } from './figures';
import { chartTableHtml } from './tables';

export function compositionSections(run: RunReport): FigureSection[] {
  const c = run.composition;
  if (!c) return [];
  const groups = c.topTasks.map((g) => `${g.label}: ${fmtInt(g.conversations)} conversations, ${fmtInt(g.tasks.length)} tasks listed, ${fmtInt(g.tasksUnderThresholds)} under the thresholds`);
  return [
    {
      id: 'composition',
      heading: 'Appendix B.7: Work, coursework and personal use',
      caption:
        `Every conversation was asked (our prompt ${c.promptVersion}; the paper used Clio and prints none) whether it is work, coursework and ` +
        `personal use, each explicitly, likely, possibly or not. Before screening, ${fmtInt(c.beforeScreening.conversations)} conversations: ` +
        `${compositionCutsText(c.beforeScreening)}. After screening (passed, mapped to a task), ${fmtInt(c.afterScreening.conversations)}: ` +
        `${compositionCutsText(c.afterScreening)}. The paper, after screening: non-work 23%, coursework 5–10% depending on the level. ` +
        `${fmtInt(c.unclassified)} conversations have no valid answer. Top tasks: ${groups.join('; ')}.`,
      figure: chart.toFigure(c),
      after:
        chartTableHtml('composition-shares', 'Data: shares per level and at each confidence cut', chart.toTable(c), 1) +
        chartTableHtml('composition-tasks', 'Data: top tasks within non-work and coursework conversations', chart.topTasksTable(c), 1),
    },
  ];
}
