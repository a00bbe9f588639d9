// The report's sections over the task hierarchy of a classification run: Figures 11 and 12 (Appendix
// D.1), Figure 8 by task (§3.5, the two models with the most conversations at the default level)
// and the collaboration patterns by task with the tasks characteristic of each pattern (B.5).
import type { RunReport } from '../../../src-shared/report';
import * as fig11 from '../../../src-shared/charts/fig11TopLevel';
import * as fig12 from '../../../src-shared/charts/fig12MiddleLevel';
import * as fig8Tasks from '../../../src-shared/charts/fig8ModelTasks';
import * as patterns from '../../../src-shared/charts/patternsByTask';
import { levelCaption } from '../../../src-shared/charts/levelShares';
import type { ChartTable } from '../../../src-shared/charts/table';
import type { FigureSection } from './figures';
import { chartTableHtml } from './tables';

/** The containers these sections add to a run's report, in page order. */
export const HIERARCHY_FIGURE_IDS = ['fig11', 'fig12', 'fig8-tasks', 'patterns-by-task'] as const;

function dataTable(id: string, caption: string, table: ChartTable): string {
  return table.rows.length === 0 ? '' : chartTableHtml(id, caption, table);
}

/** Every level's rows in one table (the figure shows the default level only). */
function modelTasksTable(run: RunReport): ChartTable {
  const tables = fig8Tasks.TASK_LEVELS.map(({ level }) => fig8Tasks.toTable(run, { level }));
  return { columns: tables[0]!.columns, rows: tables.flatMap((t) => t.rows) };
}

export function hierarchySections(run: RunReport): FigureSection[] {
  return [
    {
      id: 'fig11',
      heading: 'Figure 11: Most prevalent top-level tasks',
      caption: levelCaption('top'),
      figure: fig11.toFigure(run),
      after: dataTable('top-level-tasks', 'Data: top-level tasks', fig11.toTable(run)),
    },
    {
      id: 'fig12',
      heading: 'Figure 12: Most prevalent middle-level tasks',
      caption: levelCaption('middle'),
      figure: fig12.toFigure(run),
      after: dataTable('middle-level-tasks', 'Data: middle-level tasks', fig12.toTable(run)),
    },
    {
      id: 'fig8-tasks',
      heading: 'Figure 8 by task: hierarchy tasks per model',
      caption: fig8Tasks.captionText(run),
      figure: fig8Tasks.toFigure(run),
      after: dataTable('model-tasks', 'Data: task shares per model, every level', modelTasksTable(run)),
    },
    {
      id: 'patterns-by-task',
      heading: 'Collaboration patterns by task (B.5)',
      caption: `Share of each kept task’s conversations in each of the five collaboration patterns and none. ${patterns.characteristicCaption(run)}`,
      figure: patterns.toFigure(run),
      after:
        dataTable('characteristic-tasks', 'Data: tasks most characteristic of each pattern', patterns.characteristicTable(run)) +
        dataTable('pattern-shares-by-task', 'Data: patterns by task', patterns.toTable(run, 'task')) +
        dataTable('pattern-shares-by-occupation', 'Data: patterns by occupation', patterns.toTable(run, 'occupation')),
    },
  ];
}
