// Figure 13 (Appendix): the tasks with the largest share of usage.
import type { ReproduceReport } from '../report';
import type { CartesianData, Figure } from './plotly-types';
import type { ChartTable } from './table';
import { barChartHeight, plainText } from './format';
import { errorBars, type RunIntervals } from '../uncertainty';

export const TOP_N = 20;
/** Characters per line of a task label: statements are wrapped, never cut, so every label is the whole task. */
export const LINE_MAX = 60;
const PX_PER_LINE = 15;
export const TASKS_TRACE = 'Share of usage (%)';

function ranked(report: ReproduceReport): ReproduceReport['topTasks'] {
  return [...report.topTasks].sort((a, b) => b.usagePct - a.usagePct || a.task.localeCompare(b.task));
}

export function toFigure(report: ReproduceReport, limit = TOP_N, intervals?: RunIntervals | null): Figure<CartesianData> {
  const tasks = ranked(report).slice(0, limit);
  const labels = tasks.map((t, i) => taskLabel(t.task, i + 1));
  // Every bar gets the room of the longest label: a category axis spaces its rows evenly.
  const lines = Math.max(2, ...labels.map((l) => l.split('<br>').length));
  const whiskers = errorBars(intervals?.tasks, tasks.map((t) => t.task), tasks.map((t) => t.usagePct));
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        name: TASKS_TRACE,
        // Whole statements, wrapped: two tasks that begin alike stay apart (Plotly merges bars whose
        // category labels collide); the rank prefix also keeps them unique.
        y: labels,
        x: tasks.map((t) => t.usagePct),
        ...(whiskers ? { error_x: whiskers } : {}),
        customdata: tasks.map((t) => t.occupations),
        // The label beside the bar is the whole task already: the hover adds only the numbers.
        hovertemplate: '%{x:.2f}% of usage · split across %{customdata} occupation(s)<extra></extra>',
      },
    ],
    layout: {
      title: { text: `Top ${tasks.length} tasks by share of usage` },
      height: barChartHeight(tasks.length, PX_PER_LINE * lines + 10),
      yaxis: { autorange: 'reversed', automargin: true },
      xaxis: { title: { text: 'Share of usage' }, ticksuffix: '%' },
      showlegend: false,
      margin: { t: 60, r: 20 },
    },
  };
}

/** Words packed greedily into lines of at most LINE_MAX characters (a longer word gets its own line). */
export function wrap(text: string, max = LINE_MAX): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= max) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** "3. Develop and …<br>… second line": the rank, then the whole statement wrapped (escaped for Plotly). */
export function taskLabel(task: string, rank: number): string {
  return wrap(`${rank}. ${task}`).map(plainText).join('<br>');
}

/** Every task the report lists (the figure draws the first TOP_N), with full statements. */
export function toTable(report: ReproduceReport): ChartTable {
  return {
    columns: ['Rank', 'Task', 'Usage (%)', 'Occupations split across'],
    rows: ranked(report).map((t, i) => [i + 1, t.task, t.usagePct, t.occupations]),
  };
}
