// A small, hand-made ReproduceReport whose numbers are chosen so that every chart rule (sorting,
// null handling, truncation, top-N cut) is observable in the unit tests.
import type { DrilldownCategory, DrilldownOccupation, PaperReference, ReproduceReport, TaskShare } from '../../src-shared/report';

export const LONG_TASK =
  'Develop and maintain statistical models that forecast regional employment across many industries and counties';

/** 22 tasks, deliberately not in usage order, so the top-20 cut and sort are both tested. */
function tasks(): TaskShare[] {
  const list: TaskShare[] = [];
  for (let i = 1; i <= 21; i++) list.push({ task: `Task ${i}`, usagePct: i / 10, occupations: i % 3 + 1 });
  list.splice(7, 0, { task: LONG_TASK, usagePct: 5, occupations: 4 });
  return list;
}

/** An occupation whose listed tasks take `listed` of its usage; the rest is "other tasks". */
function occupation(code: string, title: string, usagePct: number, tasks: [string, number][], zone: number | null, wage: number | null): DrilldownOccupation {
  const listed = tasks.reduce((s, [, pct]) => s + pct, 0);
  return {
    code,
    title,
    usagePct,
    jobZone: zone,
    medianWage: wage,
    tasksWithUsage: tasks.length + 1,
    tasks: tasks.map(([task, pct]) => ({ task, usagePct: pct })),
    otherTasksPct: usagePct - listed,
  };
}

/** Figure 2's drill-down, matching the category shares below (largest category first). */
function drilldown(): DrilldownCategory[] {
  const category = (code: string, title: string, occupations: DrilldownOccupation[]): DrilldownCategory => ({
    code,
    title,
    usagePct: occupations.reduce((s, o) => s + o.usagePct, 0),
    occupations,
  });
  return [
    category('15', 'Computer and Mathematical', [
      occupation('15-1252.00', 'Software Developers', 30, [[LONG_TASK, 5], ['Task 21', 2.1], ['Task 20', 2]], 4, 132_270),
      occupation('15-2041.00', 'Statisticians', 7.2, [['Task 19', 1.9]], 5, null),
    ]),
    category('11', 'Management', [occupation('11-1021.00', 'General and Operations Managers', 33.8, [['Task 18', 1.8]], 4, 101_280)]),
    category('27', 'Arts, Design, Entertainment, Sports, and Media', [occupation('27-3043.00', 'Writers and Authors', 10.3, [['Task 17', 1.7]], 4, 73_150)]),
    category('25', 'Educational Instruction and Library', [occupation('25-1011.00', 'Business Teachers, Postsecondary', 10.3, [['Task 16', 1.6]], null, 88_790)]),
    category('43', 'Office and Administrative Support', [occupation('43-9061.00', 'Office Clerks, General', 7.9, [['Task 15', 1.5]], 2, 40_000)]),
    category('55', 'Military Specific', [occupation('55-1011.00', 'Air Crew Officers', 0.5, [['Task 14', 0.5]], null, null)]),
  ];
}

export function makeReport(): ReproduceReport {
  return {
    source: { id: 'release-test', label: 'Test release', kind: 'release' },
    drilldown: drilldown(),
    categories: [
      { code: '43', title: 'Office and Administrative Support', usagePct: 7.9, blsPct: 12.6, blsEmployment: 18_000_000 },
      { code: '15', title: 'Computer and Mathematical', usagePct: 37.2, blsPct: 3.4, blsEmployment: 5_000_000 },
      { code: '55', title: 'Military Specific', usagePct: 0.5, blsPct: null, blsEmployment: null },
      { code: '27', title: 'Arts, Design, Entertainment, Sports, and Media', usagePct: 10.3, blsPct: 1.4, blsEmployment: 2_000_000 },
      { code: '25', title: 'Educational Instruction and Library', usagePct: 10.3, blsPct: 5.8, blsEmployment: 8_700_000 },
      { code: '11', title: 'Management', usagePct: 33.8, blsPct: 6.9, blsEmployment: 10_400_000 },
    ],
    categoryCorrelation: { n: 5, pearson: 0.123, spearman: -0.456, kendallTauB: 0.2, mse: 140.5 },
    topOccupations: [],
    topTasks: tasks(),
    depth: {
      occupations: 1234,
      curve: [
        { threshold: 0, shareOfOccupations: 1 },
        { threshold: 0.1, shareOfOccupations: 0.572 },
        { threshold: 0.25, shareOfOccupations: 0.361 },
        { threshold: 0.5, shareOfOccupations: 0.118 },
        { threshold: 0.75, shareOfOccupations: 0.04 },
        { threshold: 1, shareOfOccupations: 0.001 },
      ],
      marks: [
        { threshold: 0.25, shareOfOccupations: 0.361 },
        { threshold: 0.5, shareOfOccupations: 0.118 },
        { threshold: 0.75, shareOfOccupations: 0.04 },
      ],
    },
    wage: {
      points: [
        { code: '15-1252', title: 'Software Developers', category: 'Computer and Mathematical', medianWage: 132_270, usagePct: 6.2 },
        { code: '25-1011', title: 'Business Teachers, Postsecondary', category: 'Educational Instruction and Library', medianWage: 88_790, usagePct: 0.4 },
        { code: '45-2092', title: 'Farmworkers and Laborers', category: 'Farming, Fishing, and Forestry', medianWage: 34_180, usagePct: 0.01 },
      ],
      dropped: 17,
      correlation: { n: 3, pearson: 0.987, spearman: null, kendallTauB: null, mse: null },
    },
    jobZones: [
      {
        variant: 'release-wage-data',
        label: 'Release wage data',
        rows: [1, 2, 3, 4, 5].map((zone) => ({ zone, convPct: zone * 4, basePct: zone * 2, repRatio: 2, occupationPct: zone * 3, occupations: zone * 10 })),
        coverage: { tasksMatched: 3364, tasksWithUsage: 3514, usageMatchedPct: 97.25, occupationsMatched: 812, occupationsTotal: 923 },
      },
      {
        variant: 'onet-crosswalk',
        label: 'O*NET crosswalk',
        // Zone 1 missing on purpose: the table must still show the row with empty cells.
        rows: [2, 3, 4, 5].map((zone) => ({ zone, convPct: 25, basePct: 20, repRatio: 1.25, occupationPct: 22, occupations: 7 })),
        coverage: { tasksMatched: 3100, tasksWithUsage: 3514, usageMatchedPct: 88.2, occupationsMatched: 700, occupationsTotal: 923 },
      },
    ],
    automation: {
      patterns: [
        { pattern: 'directive', pct: 27.8, mode: 'automation' },
        { pattern: 'feedback loop', pct: 15.2, mode: 'automation' },
        { pattern: 'task iteration', pct: 31.3, mode: 'augmentation' },
        { pattern: 'learning', pct: 23.3, mode: 'augmentation' },
        { pattern: 'validation', pct: 2.4, mode: 'augmentation' },
      ],
      automationPct: 43,
      augmentationPct: 57,
      excludedPct: 9.6,
    },
    matching: { mappingRows: 3600, matchedRows: 3514, unmatched: ['a', 'b'], rawSumPct: 96.4 },
  };
}

export function makePaper(): PaperReference {
  return {
    citation: 'Handa et al. (2025)',
    table2: [1, 2, 3, 4, 5].map((zone) => ({ zone, convPct: 10 + zone, basePct: 20 - zone, repRatio: zone / 2 })),
    depth: [{ threshold: 0.25, shareOfOccupations: 0.36 }],
    automationPct: 43,
    augmentationPct: 57,
    categories: [{ title: 'Computer and Mathematical', usagePct: 37.2 }],
  };
}
