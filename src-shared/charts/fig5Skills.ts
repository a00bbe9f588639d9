// Figure 5: the share of classified conversations in which the assistant exhibited each O*NET
// skill, largest on top (the paper's horizontal bar chart). Run-only: a release carries no skills.
import type { RunReport } from '../report';
import type { CartesianData, Figure } from './plotly-types';
import { barChartHeight, fmt, plainText } from './format';
import type { ChartTable } from './table';
import { noDataFigure } from './empty';
import { errorBars, intervalOf } from '../uncertainty';

export const SKILLS_TRACE = 'Conversations exhibiting the skill (%)';
export const NO_DATA_TEXT = 'No skill classifications in this run';

/** The denominator as the paper has it: conversations answered "none" are left out, their share said. */
export function noneText(run: RunReport): string {
  if (run.skillsNonePct === undefined) return 'Skills are counted over every skill-classified conversation.';
  return `Conversations answered “none” (${fmt(run.skillsNonePct, 1)}% of those classified for skills; the paper: 0.1%) are left out of the shares, as in the paper.`;
}

function sorted(run: RunReport): RunReport['skills'] {
  return [...run.skills].sort((a, b) => b.pct - a.pct || a.skill.localeCompare(b.skill));
}

export function toFigure(run: RunReport): Figure<CartesianData> {
  const skills = sorted(run);
  if (skills.length === 0) {
    return noDataFigure(NO_DATA_TEXT);
  }
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        name: SKILLS_TRACE,
        y: skills.map((s) => plainText(s.skill)),
        x: skills.map((s) => s.pct),
        ...whiskers(run, skills),
        hovertemplate: '%{y}: %{x:.1f}% of classified conversations<extra></extra>',
      },
    ],
    layout: {
      title: { text: `Skills exhibited by the assistant in run ${plainText(run.run)}` },
      height: barChartHeight(skills.length, 22),
      yaxis: { autorange: 'reversed', automargin: true },
      xaxis: { title: { text: 'Share of classified conversations' }, ticksuffix: '%' },
      showlegend: false,
      margin: { t: 60, r: 20 },
    },
  };
}

function whiskers(run: RunReport, skills: RunReport['skills']): { error_x?: NonNullable<ReturnType<typeof errorBars>> } {
  const bars = errorBars(run.intervals?.skills, skills.map((s) => s.skill), skills.map((s) => s.pct));
  return bars ? { error_x: bars } : {};
}

export function toTable(run: RunReport): ChartTable {
  const iv = run.intervals?.skills;
  if (!iv) return { columns: ['Skill', 'Share of classified conversations (%)'], rows: sorted(run).map((s) => [s.skill, s.pct]) };
  return {
    columns: ['Skill', 'Share of classified conversations (%)', '95% CI low (%)', '95% CI high (%)'],
    rows: sorted(run).map((s) => [s.skill, s.pct, intervalOf(iv, s.skill)?.ciLow ?? null, intervalOf(iv, s.skill)?.ciHigh ?? null]),
  };
}
