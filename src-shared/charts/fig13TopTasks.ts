// Figure 13 (Appendix): the tasks with the largest share of usage.
import type { ReproduceReport } from '../report';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { barChartHeight, plainText, truncate } from './format';

export const TOP_N = 20;
export const LABEL_MAX = 60;
export const TASKS_TRACE = 'Share of usage (%)';

function ranked(report: ReproduceReport): ReproduceReport['topTasks'] {
  return [...report.topTasks].sort((a, b) => b.usagePct - a.usagePct || a.task.localeCompare(b.task));
}

export function toFigure(report: ReproduceReport, limit = TOP_N): Figure<CartesianData> {
  const tasks = ranked(report).slice(0, limit);
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        name: TASKS_TRACE,
        // The rank prefix keeps labels unique: Plotly merges bars whose category labels collide,
        // and two long task statements can share their first LABEL_MAX characters.
        y: tasks.map((t, i) => `${i + 1}. ${plainText(truncate(t.task, LABEL_MAX))}`),
        x: tasks.map((t) => t.usagePct),
        text: tasks.map((t) => plainText(t.task)),
        customdata: tasks.map((t) => t.occupations),
        textposition: 'none',
        hovertemplate: '%{text}<br>%{x:.2f}% of usage · split across %{customdata} occupation(s)<extra></extra>',
      },
    ],
    layout: {
      title: { text: `Top ${tasks.length} tasks by share of usage` },
      height: barChartHeight(tasks.length),
      yaxis: { autorange: 'reversed', automargin: true },
      xaxis: { title: { text: 'Share of usage' }, ticksuffix: '%' },
      showlegend: false,
      margin: { t: 60, r: 20 },
    },
  };
}

/** Every task the report lists (the figure draws the first TOP_N), with full statements. */
export function toTable(report: ReproduceReport): ChartTable {
  return {
    columns: ['Rank', 'Task', 'Usage (%)', 'Occupations split across'],
    rows: ranked(report).map((t, i) => [i + 1, t.task, t.usagePct, t.occupations]),
  };
}
