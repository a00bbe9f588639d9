// A small, hand-made ReproduceReport whose numbers are chosen so that every chart rule (sorting,
// null handling, truncation, top-N cut) is observable in the unit tests.
import type { PaperReference, ReproduceReport, TaskShare } from '../../src-shared/report';

export const LONG_TASK =
  'Develop and maintain statistical models that forecast regional employment across many industries and counties';

/** 22 tasks, deliberately not in usage order, so the top-20 cut and sort are both tested. */
function tasks(): TaskShare[] {
  const list: TaskShare[] = [];
  for (let i = 1; i <= 21; i++) list.push({ task: `Task ${i}`, usagePct: i / 10, occupations: i % 3 + 1 });
  list.splice(7, 0, { task: LONG_TASK, usagePct: 5, occupations: 4 });
  return list;
}

export function makeReport(): ReproduceReport {
  return {
    source: { id: 'release-test', label: 'Test release', kind: 'release' },
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
