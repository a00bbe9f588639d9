// The inputs of the headline analyses as export tables (`export --replication`), so that the
// replication scripts recompute categories, the depth curve, the automation split and Table 2 from
// the same rows the app used (AnalysisInputs), not from its results. Privacy: for a run, the usage
// and pattern rows are those of the thresholded source run:<id>, i.e. only tasks that passed the
// thresholds, as in every other run table; the rest are public reference files (O*NET, SOC, BLS).
import type { AnalysisInputs } from '../../analyze/inputs';
import { num, str, table, type Table } from '../table';

/** Row order matters: the app keeps the last usage row of a duplicated task text, so do the scripts. */
export function replicationTables(inputs: AnalysisInputs): Table[] {
  return [
    table('replication_usage_tasks', 'Replication input: usage per task statement of the source (only tasks passing the thresholds for a run)', [
      str('taskName', 'Task statement as the usage file names it'),
      num('pct', 'Share of usage of the task statement', 'percent'),
    ], inputs.usageTasks.map((u) => [u.taskName, u.pct])),
    table('replication_task_statements', 'Replication input: every O*NET task statement of the source\'s task dataset, in the order the app reads them', [
      str('code', 'O*NET-SOC occupation code'),
      str('title', 'Occupation title'),
      str('task', 'Task statement'),
    ], inputs.tasks.map((t) => [t.code, t.title, t.task])),
    table('replication_major_groups', 'Replication input: SOC major groups', [
      str('code', 'Two-digit SOC major group'),
      str('title', 'SOC major group title'),
    ], inputs.majorGroups.map((g) => [g.code, g.title])),
    table('replication_bls_employment', 'Replication input: BLS employment per SOC major group title', [
      str('title', 'SOC major group title'),
      num('employment', 'BLS employment', 'workers'),
    ], inputs.blsEmployment.map((b) => [b.title, b.employment])),
    table('replication_wages', 'Replication input: Job Zone per occupation from the release wage file', [
      str('code', 'O*NET-SOC occupation code'),
      num('jobZone', 'Job Zone; missing when the wage file has none', '1..5'),
    ], inputs.wages.map((w) => [w.code, w.jobZone])),
    table('replication_patterns', 'Replication input: collaboration pattern shares of the source, "none" included', [
      str('pattern', 'Collaboration pattern as the source names it'),
      num('pct', 'Share of conversations', 'percent'),
    ], inputs.patterns.map((p) => [p.pattern, p.pct])),
    table('replication_crosswalk', 'Replication input: O*NET-SOC 2010 -> 2019 crosswalk (empty without O*NET)', [
      str('codeFrom', 'O*NET-SOC 2010 code'),
      str('codeTo', 'O*NET-SOC 2019 code'),
    ], inputs.onetDataset === null ? [] : inputs.crosswalk.map((c) => [c.codeFrom, c.codeTo])),
    table('replication_onet_job_zones', 'Replication input: current O*NET Job Zones (empty when the project has no O*NET import)', [
      str('code', 'O*NET-SOC 2019 code'),
      num('zone', 'Job Zone', '1..5'),
    ], inputs.onetJobZones.map((j) => [j.code, j.zone])),
    table('replication_onet_tasks', 'Replication input: current O*NET task statements (empty when the project has no O*NET import)', [
      str('code', 'O*NET-SOC 2019 code'),
      str('task', 'Task statement'),
    ], inputs.onetTasks.map((t) => [t.code, t.task])),
  ];
}
