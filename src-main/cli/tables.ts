// The report as CSV tables (for --out) with the same column names as the --json keys.
import type { PaperReference, ReproduceReport } from '../../src-shared/report';
import { toCsv } from './csv';

export function reportTables(report: ReproduceReport, paper: PaperReference | null): Record<string, string> {
  const paperZone = new Map((paper?.table2 ?? []).map((r) => [r.zone, r]));
  return {
    'categories.csv': toCsv(
      ['code', 'title', 'usagePct', 'blsPct', 'blsEmployment'],
      report.categories.map((c) => [c.code, c.title, c.usagePct, c.blsPct, c.blsEmployment]),
    ),
    'top_occupations.csv': toCsv(
      ['code', 'title', 'category', 'usagePct', 'tasks', 'tasksWithUsage'],
      report.topOccupations.map((o) => [o.code, o.title, o.category, o.usagePct, o.tasks, o.tasksWithUsage]),
    ),
    'top_tasks.csv': toCsv(
      ['task', 'usagePct', 'occupations'],
      report.topTasks.map((t) => [t.task, t.usagePct, t.occupations]),
    ),
    'depth_curve.csv': toCsv(
      ['threshold', 'shareOfOccupations'],
      report.depth.curve.map((p) => [p.threshold, p.shareOfOccupations]),
    ),
    'wage.csv': toCsv(
      ['code', 'title', 'category', 'medianWage', 'usagePct'],
      report.wage.points.map((p) => [p.code, p.title, p.category, p.medianWage, p.usagePct]),
    ),
    'job_zones.csv': toCsv(
      ['variant', 'zone', 'convPct', 'basePct', 'repRatio', 'occupationPct', 'occupations', 'paperConvPct', 'paperBasePct', 'paperRepRatio'],
      report.jobZones.flatMap((t) =>
        t.rows.map((r) => {
          const p = paperZone.get(r.zone);
          return [t.variant, r.zone, r.convPct, r.basePct, r.repRatio, r.occupationPct, r.occupations, p?.convPct, p?.basePct, p?.repRatio];
        }),
      ),
    ),
    'automation.csv': toCsv(
      ['pattern', 'mode', 'pct'],
      (report.automation?.patterns ?? []).map((p) => [p.pattern, p.mode, p.pct]),
    ),
    'category_correlation.csv': toCsv(
      ['n', 'pearson', 'spearman', 'kendallTauB', 'mse'],
      [[
        report.categoryCorrelation.n,
        report.categoryCorrelation.pearson,
        report.categoryCorrelation.spearman,
        report.categoryCorrelation.kendallTauB,
        report.categoryCorrelation.mse,
      ]],
    ),
  };
}
