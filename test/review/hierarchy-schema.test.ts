// The review bundle carries a run's hierarchy analyses (Figures 11, 12, Figure 8 by task, B.5):
// a report made now round-trips through the schema unchanged, a report from before these analyses
// still reads, and out-of-range or forged values are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject, type Project } from '../../src-main/engine/project';
import { runReport } from '../../src-main/engine/classify/report';
import { runReportSchema } from '../../src-shared/review-bundle';
import type { RunReport } from '../../src-shared/report';
import { hierarchyProject } from '../classify/hierarchy-fixture';

let project: Project;
let report: RunReport;

beforeAll(() => {
  project = hierarchyProject();
  report = runReport(project.db, 'r', 'mini');
});
afterAll(() => closeProject(project));

describe('review bundle: the hierarchy analyses of a run', () => {
  it('keeps every new field of a current report', () => {
    expect(runReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
    expect(report.modelTasks!.levels.middle.length).toBeGreaterThan(0);
  });

  it('still reads a report made before them', () => {
    const older: Partial<RunReport> = structuredClone(report);
    for (const key of ['topLevelTasks', 'middleLevelTasks', 'modelTasks', 'characteristicTasks'] as const) delete older[key];
    const patternsByTask = report.patternsByTask.map(({ patternPct: _p, ...b }) => b);
    const parsed = runReportSchema.parse({ ...older, patternsByTask });
    expect(parsed.topLevelTasks).toBeUndefined();
    expect(parsed.patternsByTask[0]!.patternPct).toBeUndefined();
  });

  it('refuses shares out of range and forged keys', () => {
    const bad = structuredClone(report);
    bad.topLevelTasks![0]!.pct = 140;
    expect(runReportSchema.safeParse(bad).success).toBe(false);
    const forged = JSON.parse(JSON.stringify(report)) as RunReport;
    forged.modelTasks!.levels.top[0]!.difference = -250;
    expect(runReportSchema.safeParse(forged).success).toBe(false);
    const proto = JSON.parse(JSON.stringify(report).replace('"model-a":', '"__proto__":')) as unknown;
    expect(runReportSchema.safeParse(proto).success).toBe(false);
  });
});
