// Hand-made inputs for Explore's pure logic: a report whose drill-down has occupations in known
// Job Zones and wage bands, a run report, and a two-source comparison. Values are chosen so each
// filter rule (zone unknown, wage unknown, category narrowing) changes a count observably.
import type { RunInfo, SourceComparison } from '../../src-shared/api';
import type { DrilldownOccupation, ReproduceReport, RunReport } from '../../src-shared/report';
import { makeReport } from './fixture';

function occ(code: string, title: string, usagePct: number, jobZone: number | null, medianWage: number | null, tasks: string[]): DrilldownOccupation {
  const each = usagePct / (tasks.length + 1);
  return {
    code,
    title,
    usagePct,
    jobZone,
    medianWage,
    tasksWithUsage: tasks.length + 2,
    tasks: tasks.map((task) => ({ task, usagePct: each })),
    otherTasksPct: usagePct - each * tasks.length,
  };
}

export function makeExploreReport(): ReproduceReport {
  const base = makeReport();
  return {
    ...base,
    drilldown: [
      {
        code: '15',
        title: 'Computer and Mathematical',
        usagePct: 37.2,
        occupations: [
          occ('15-1252', 'Software Developers', 30, 4, 132_270, ['Task 21', 'Task 20']),
          occ('15-2041', 'Statisticians', 7.2, 5, null, ['Task 19']),
        ],
      },
      {
        code: '11',
        title: 'Management',
        usagePct: 33.8,
        occupations: [occ('11-1021', 'General and Operations Managers', 33.8, 4, 101_280, ['Task 18'])],
      },
      {
        code: '25',
        title: 'Educational Instruction and Library',
        usagePct: 10.3,
        occupations: [occ('25-1011', 'Business Teachers, Postsecondary', 10.3, null, 88_790, ['Task 17'])],
      },
      {
        code: '43',
        title: 'Office and Administrative Support',
        usagePct: 7.9,
        occupations: [occ('43-9061', 'Office Clerks, General', 7.9, 2, 40_000, ['Task 16'])],
      },
    ],
    topOccupations: [
      { code: '15-1252', title: 'Software Developers', category: 'Computer and Mathematical', usagePct: 30, tasks: 20, tasksWithUsage: 4 },
      { code: '11-1021', title: 'General and Operations Managers', category: 'Management', usagePct: 33.8, tasks: 20, tasksWithUsage: 3 },
      { code: '15-2041', title: 'Statisticians', category: 'Computer and Mathematical', usagePct: 7.2, tasks: 10, tasksWithUsage: 3 },
    ],
  };
}

export function makeRunReport(): RunReport {
  return {
    run: 'r1',
    method: 'claude',
    sourceId: 'run:r1',
    thresholds: { minConversations: 1, minAccounts: 1 },
    accountsKnown: true,
    tasks: { total: 4, kept: 3, dropped: 1, conversationsKept: 40, conversationsDropped: 2 },
    conversationVsAccount: {
      categories: [
        { title: 'Computer and Mathematical', byConversations: 60, byAccounts: 55 },
        { title: 'Management', byConversations: 40, byAccounts: 45 },
      ],
      correlation: { n: 2, pearson: 1, spearman: 1, kendallTauB: 1, mse: 25 },
    },
    skills: [
      { skill: 'writing', pct: 80 },
      { skill: 'programming', pct: 40 },
    ],
    byModel: [
      { model: 'model-a', conversations: 25, categories: [{ title: 'Computer and Mathematical', usagePct: 70 }, { title: 'Management', usagePct: 30 }] },
      { model: 'model-b', conversations: 15, categories: [{ title: 'Management', usagePct: 100 }] },
    ],
    patternsByTask: [],
    patternsByOccupation: [],
  };
}

export function makeRunInfo(run: string, sourceId: string | null): RunInfo {
  return {
    run,
    method: 'claude',
    datasets: ['d'],
    hierarchyId: 'h',
    status: 'complete',
    createdAt: '2025-01-01T00:00:00Z',
    conversations: 42,
    classified: 40,
    screenedOut: 1,
    unclassified: 1,
    sourceId,
  };
}

export function makeComparison(): SourceComparison {
  return {
    a: { id: 'release-test', label: 'Test release', kind: 'release' },
    b: { id: 'run:r1', label: 'Run r1', kind: 'run' },
    categories: [
      { title: 'Computer and Mathematical', a: 37.2, b: 60 },
      { title: 'Management', a: 33.8, b: 40 },
      { title: 'Military Specific', a: 0.5, b: 0 },
    ],
    occupations: [
      { code: '15-1252', title: 'Software Developers', a: 30, b: 50 },
      { code: '11-1021', title: 'General and Operations Managers', a: 33.8, b: 40 },
    ],
    tasks: [{ task: 'Write code.', a: 1.5, b: 12 }],
    metrics: [
      { level: 'category', metrics: { n: 3, pearson: 0.95, spearman: 1, kendallTauB: 1, mse: 213.4567 } },
      { level: 'occupation', metrics: { n: 2, pearson: -1, spearman: -1, kendallTauB: -1, mse: 194.5 } },
    ],
    recovered: { occupation: { both: 2, onlyA: 0, onlyB: 0 }, task: { both: 1, onlyA: 0, onlyB: 0 } },
    scope: { occupation: 'all', task: 'all' },
    notes: [],
  };
}
