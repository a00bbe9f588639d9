// The tables of a ReproduceReport (paper section 3), one per figure or table of the paper.
import { cat, int, num, str, table, wholeOr, type Table } from './table';
import { PATTERN_KEYS, type PaperReference, type ReproduceReport } from '../../../src-shared/report';
import { wageBands } from '../../../src-shared/charts/fig6WageBands';

const PCT = 'percent';
/** O*NET's names of the five Job Zones (Stata value labels of `zone`). */
const JOB_ZONE_LABELS = new Map([
  [1, 'Little or no preparation needed'],
  [2, 'Some preparation needed'],
  [3, 'Medium preparation needed'],
  [4, 'Considerable preparation needed'],
  [5, 'Extensive preparation needed'],
]);

export function reproduceTables(r: ReproduceReport, paper: PaperReference | null = null): Table[] {
  return [
    table('categories', 'Share of usage and of BLS employment per SOC major group (Figure 3)', [
      str('code', 'Two-digit SOC major group'),
      str('title', 'SOC major group title'),
      num('usagePct', 'Share of usage (sums to 100 over groups with usage)', PCT),
      num('blsPct', 'Share of BLS employment over the groups in the BLS file; missing when absent', PCT),
      wholeOr(num('blsEmployment', 'BLS employment of the group; missing when absent', 'workers'), r.categories.map((c) => c.blsEmployment)),
    ], r.categories.map((c) => [c.code, c.title, c.usagePct, c.blsPct, c.blsEmployment])),
    table('top_occupations', 'Occupations with the largest share of usage (Figure 2)', [
      str('code', 'O*NET-SOC occupation code'),
      str('title', 'Occupation title'),
      str('category', 'SOC major group title'),
      num('usagePct', 'Share of usage attributed to the occupation', PCT),
      int('tasks', 'O*NET task statements of the occupation', 'count'),
      int('tasksWithUsage', 'Task statements of the occupation that appear in the usage data', 'count'),
    ], r.topOccupations.map((o) => [o.code, o.title, o.category, o.usagePct, o.tasks, o.tasksWithUsage])),
    table('top_tasks', 'O*NET tasks with the largest share of usage', [
      str('task', 'O*NET task statement as O*NET writes it'),
      num('usagePct', 'Share of usage of the task, summed over its occupations', PCT),
      int('occupations', 'Occupations the task is split across', 'count'),
    ], r.topTasks.map((t) => [t.task, t.usagePct, t.occupations])),
    table('depth_curve', 'Depth of usage within occupations (Figure 4)', [
      num('threshold', 'Fraction of an occupation\'s tasks with usage', '0..1'),
      num('shareOfOccupations', 'Fraction of occupations with at least that fraction of tasks in use', '0..1'),
    ], r.depth.curve.map((p) => [p.threshold, p.shareOfOccupations])),
    table('wage_points', 'Usage against median annual wage per occupation (Figure 6)', [
      str('code', 'O*NET-SOC occupation code'),
      str('title', 'Occupation title'),
      str('category', 'SOC major group title'),
      wholeOr(num('medianWage', 'Median annual wage', 'USD per year'), r.wage.points.map((p) => p.medianWage)),
      num('usagePct', 'Share of usage of the occupation', PCT),
    ], r.wage.points.map((p) => [p.code, p.title, p.category, p.medianWage, p.usagePct])),
    wageBandsTable(r),
    jobZoneTable(r, paper),
    table('automation_split', 'Automation vs augmentation collaboration patterns (Figure 7)', [
      cat('pattern', 'Collaboration pattern', PATTERN_KEYS),
      cat('mode', '"automation" or "augmentation"', ['automation', 'augmentation']),
      num('pct', 'Share of patterned conversations ("none" renormalised away)', PCT),
    ], (r.automation?.patterns ?? []).map((p) => [p.pattern, p.mode, p.pct])),
    table('category_correlation', 'Agreement of usage and BLS employment shares over SOC major groups (Appendix G)', [
      int('n', 'Major groups compared', 'count'),
      num('pearson', 'Pearson correlation', '-1..1'),
      num('spearman', 'Spearman rank correlation', '-1..1'),
      num('kendallTauB', 'Kendall tau-b', '-1..1'),
      num('mse', 'Mean squared difference of the shares', 'percent squared'),
    ], [[r.categoryCorrelation.n, r.categoryCorrelation.pearson, r.categoryCorrelation.spearman, r.categoryCorrelation.kendallTauB, r.categoryCorrelation.mse]]),
  ];
}

/** Figure 6 by wage quartile and decile of the plotted occupations (fig6WageBands). */
function wageBandsTable(r: ReproduceReport): Table {
  const bands = [...wageBands(r.wage.points, 4), ...wageBands(r.wage.points, 10)];
  return table('wage_bands', 'Usage by median-wage quartile and decile of the occupations in Figure 6', [
    cat('grouping', '"quartile" or "decile": occupations ranked by median wage, equal numbers per group, ties together', ['quartile', 'decile']),
    int('band', 'Group number, lowest wages first', 'count'),
    int('occupations', 'Occupations in the group', 'count'),
    wholeOr(num('minWage', 'Lowest median annual wage in the group', 'USD per year'), bands.map((b) => b.minWage)),
    wholeOr(num('maxWage', 'Highest median annual wage in the group', 'USD per year'), bands.map((b) => b.maxWage)),
    num('usagePct', 'Share of the plotted occupations\' usage', PCT),
  ], bands.map((b) => [b.of === 4 ? 'quartile' : 'decile', b.band, b.occupations, b.minWage, b.maxWage, b.usagePct]));
}

/** Both Table 2 variants in one long table, told apart by `variant`; the paper's values when given. */
function jobZoneTable(r: ReproduceReport, paper: PaperReference | null): Table {
  const ref = new Map((paper?.table2 ?? []).map((z) => [z.zone, z]));
  const paperCols = paper ? [
    num('paperConvPct', 'The paper\'s published "Conv. %"', PCT),
    num('paperBasePct', 'The paper\'s published "Base. %"', PCT),
    num('paperRepRatio', 'The paper\'s published "Rep. Ratio"', 'ratio'),
  ] : [];
  const paperCells = (zone: number) => (paper ? [ref.get(zone)?.convPct, ref.get(zone)?.basePct, ref.get(zone)?.repRatio] : []);
  return table('job_zones', 'Usage by O*NET Job Zone, every variant (Table 2)', [
    cat('variant', '"release-wage-data" (zones from the release wage file), "onet-crosswalk" (O*NET zones via the 2010-2019 crosswalk) or "onet-task-text" (O*NET zones of the occupations listing the same task statement)', ['release-wage-data', 'onet-crosswalk', 'onet-task-text']),
    { ...int('zone', 'O*NET Job Zone', '1..5'), valueLabels: JOB_ZONE_LABELS },
    num('convPct', 'Share of usage in the zone (the paper\'s "Conv. %")', PCT),
    num('basePct', 'Share of tasks in the source whose occupation is in the zone (the paper\'s "Base. %")', PCT),
    num('repRatio', 'convPct / basePct (the paper\'s "Rep. Ratio")', 'ratio'),
    num('occupationPct', 'Share of all occupations in the zone', PCT),
    num('occupations', 'Occupations in the zone (fractional when split by the crosswalk)', 'count'),
    ...paperCols,
  ], r.jobZones.flatMap((t) => t.rows.map((z) => [t.variant, z.zone, z.convPct, z.basePct, z.repRatio, z.occupationPct, z.occupations, ...paperCells(z.zone)])));
}
