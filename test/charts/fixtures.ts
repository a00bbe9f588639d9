// Hand-made inputs for the chart modules. The drill-down has seven categories (one more than the
// paper's six), a category with ten occupations (two more than the default eight) and occupations
// with unlisted tasks, so every cut and every "Other" node is observable. The run report has two
// models, skills with a tie and a category only one model used.
import type { DrilldownCategory, DrilldownOccupation, ReproduceReport, RunReport } from '../../src-shared/report';
import { makeReport } from '../renderer/fixture';

/** An occupation with `tasks` listed and `other` percent of usage in unlisted tasks. */
export function occ(code: string, title: string, tasks: number[], other: number): DrilldownOccupation {
  const listed = tasks.reduce((s, t) => s + t, 0);
  return {
    code,
    title,
    usagePct: listed + other,
    jobZone: 4,
    medianWage: 80_000,
    tasksWithUsage: tasks.length + (other > 0 ? 3 : 0),
    tasks: tasks.map((usagePct, i) => ({ task: `${title} task ${i + 1}`, usagePct })),
    otherTasksPct: other,
  };
}

function cat(code: string, title: string, occupations: DrilldownOccupation[]): DrilldownCategory {
  return { code, title, usagePct: occupations.reduce((s, o) => s + o.usagePct, 0), occupations };
}

/** Ten computing occupations of 3, 2.9, …, 2.1 percent, each two listed tasks and a remainder. */
function computing(): DrilldownOccupation[] {
  return Array.from({ length: 10 }, (_, i) => {
    const total = 3 - i / 10;
    return occ(`15-10${i}0.00`, `Computer occupation ${i + 1}`, [total / 2, total / 4], total / 4);
  });
}

export function drilldownReport(): ReproduceReport {
  return {
    ...makeReport(),
    drilldown: [
      cat('15', 'Computer and Mathematical', computing()),
      cat('27', 'Arts and Media', [occ('27-3043.00', 'Writers and Authors', [6, 3], 1)]),
      cat('25', 'Education', [occ('25-1011.00', 'Business Teachers', [5, 2], 0), occ('25-2021.00', 'Elementary Teachers', [1], 0.5)]),
      cat('43', 'Office Support', [occ('43-9061.00', 'Office Clerks', [4], 1)]),
      cat('13', 'Business and Financial', [occ('13-2011.00', 'Accountants', [3, 1], 0.5)]),
      cat('19', 'Science', [occ('19-3011.00', 'Economists', [2, 1], 0)]),
      cat('11', 'Management', [occ('11-1011.00', 'Chief Executives', [1], 0.2)]),
    ],
  };
}

export function makeRun(): RunReport {
  return {
    run: 'r1',
    method: 'claude',
    sourceId: 'run:r1',
    thresholds: { minConversations: 15, minAccounts: 5 },
    accountsKnown: true,
    tasks: { total: 10, kept: 6, dropped: 4, conversationsKept: 900, conversationsDropped: 40 },
    conversationVsAccount: {
      categories: [
        { title: 'Management', byConversations: 20, byAccounts: 25 },
        { title: 'Computer and Mathematical', byConversations: 70, byAccounts: 60 },
        { title: 'Military Specific', byConversations: 0, byAccounts: 0 },
        { title: 'Education', byConversations: 10, byAccounts: 15 },
      ],
      correlation: { n: 4, pearson: 0.9876, spearman: 1, kendallTauB: 1, mse: 50 },
    },
    skills: [
      { skill: 'Writing', pct: 40 },
      { skill: 'Critical Thinking', pct: 62.5 },
      { skill: 'Programming', pct: 40 },
      { skill: 'Active Listening', pct: 55 },
    ],
    byModel: [
      {
        model: 'claude-sonnet',
        conversations: 600,
        categories: [
          { title: 'Computer and Mathematical', usagePct: 80 },
          { title: 'Education', usagePct: 20 },
          { title: 'Military Specific', usagePct: 0 },
        ],
      },
      {
        model: 'claude-opus',
        conversations: 300,
        categories: [
          { title: 'Computer and Mathematical', usagePct: 40 },
          { title: 'Arts and Media', usagePct: 50 },
          { title: 'Education', usagePct: 10 },
        ],
      },
    ],
    patternsByTask: [],
    patternsByOccupation: [],
  };
}
