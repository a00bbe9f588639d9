// Figure 2's drill-down as the engine computes it. The mini release is checked number by number
// (derived below from the fixture files, as in reproduce-mini.test.ts); the bundled release for the
// invariants the chart and Explore's filters rely on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { openBundledProject } from '../support/shared-projects';
import { importFile, importRelease } from '../../src-main/engine/ingest';
import { reproduce } from '../../src-main/engine/analyze/reproduce';
import { majorityZone } from '../../src-main/engine/analyze/drilldown';
import { DRILLDOWN_TASKS } from '../../src-shared/report';
import { MIN_ANNUAL_WAGE } from '../../src-shared/taxonomy';

const FIX = resolve(__dirname, '../fixtures');
const RESOURCES = resolve(__dirname, '../../resources');
// Shares before renormalising (see reproduce-mini.test.ts): CE budgets 10, CE reports 15, SD code 40,
// SD reports 15, Writers stories 15; 95 in all.
const pctOf = (x: number) => (100 * x) / 95;

function miniProject(withOnet: boolean): Project {
  const project = openProject(':memory:', { resourcesDir: RESOURCES });
  importRelease(project.db, { dir: `${FIX}/mini-release`, id: 'mini' });
  if (withOnet) {
    importFile(project.db, { kind: 'onet-job-zones', path: `${FIX}/mini-onet/Job Zones.txt`, dataset: 'onet-29.2' });
    importFile(project.db, { kind: 'soc-crosswalk', path: `${FIX}/mini-onet/crosswalk.csv` });
  }
  return project;
}

describe('drill-down of the hand-made release', () => {
  let project: Project;
  beforeAll(() => {
    project = miniProject(true);
  });
  afterAll(() => closeProject(project));

  it('lists categories by usage, equal to their Figure 3 shares', () => {
    const report = reproduce(project.db, 'mini');
    expect(report.drilldown.map((c) => [c.code, c.title])).toEqual([
      ['15', 'Computer and Mathematical Occupations'],
      ['11', 'Management Occupations'],
      ['27', 'Arts, Design, Entertainment, Sports, and Media Occupations'],
    ]);
    for (const c of report.drilldown) expect(c.usagePct).toBe(report.categories.find((x) => x.code === c.code)!.usagePct);
  });

  it('gives each occupation its tasks with usage, largest first, and no remainder when all are listed', () => {
    const [computing, management, arts] = reproduce(project.db, 'mini').drilldown;
    const sd = computing!.occupations[0]!;
    expect(sd).toMatchObject({ code: '15-1252.00', title: 'Software Developers', tasksWithUsage: 2, medianWage: 120000 });
    expect(sd.usagePct).toBeCloseTo(pctOf(55), 12);
    expect(sd.tasks.map((t) => t.task)).toEqual(['Write code.', 'WRITE reports.']);
    expect(sd.tasks[0]!.usagePct).toBeCloseTo(pctOf(40), 12);
    expect(sd.otherTasksPct).toBeCloseTo(0, 12);
    // "Approve hires." has no usage: not listed, not counted.
    const ce = management!.occupations[0]!;
    expect(ce.tasks.map((t) => [t.task, Number(t.usagePct.toFixed(9))])).toEqual([
      ['Write reports.', Number(pctOf(15).toFixed(9))],
      ['Direct budgets.', Number(pctOf(10).toFixed(9))],
    ]);
    expect(ce.tasksWithUsage).toBe(2);
    expect(arts!.occupations.map((o) => o.title)).toEqual(['Writers and Authors']);
  });

  it('takes Job Zones from the O*NET crosswalk: majority zone, ties to the lower one, unknown as null', () => {
    const [computing, management, arts] = reproduce(project.db, 'mini').drilldown;
    expect(management!.occupations[0]!.jobZone).toBe(5);
    // Software Developers map half to zone 4 (15-1252.00) and half to zone 3 (15-1253.00).
    expect(computing!.occupations[0]!.jobZone).toBe(3);
    // Writers' 2019 code has no Job Zone in the fixture; their wage (15.5) looks hourly.
    expect(arts!.occupations[0]).toMatchObject({ jobZone: null, medianWage: null });
  });

  it('falls back to the release wage file’s Job Zones when the project has no O*NET data', () => {
    const bare = miniProject(false);
    try {
      const zones = reproduce(bare.db, 'mini').drilldown.map((c) => c.occupations[0]!.jobZone);
      expect(zones).toEqual([4, 5, 3]);
    } finally {
      closeProject(bare);
    }
  });

  it('picks the zone with the largest weight summed over an occupation’s codes', () => {
    const lookup = (code: string) =>
      code === 'a' ? [{ zone: 2, weight: 0.25 }, { zone: 4, weight: 0.75 }] : code === 'b' ? [{ zone: 2, weight: 1 }] : [];
    expect(majorityZone(['a'], lookup)).toBe(4);
    expect(majorityZone(['a', 'b'], lookup)).toBe(2);
    expect(majorityZone(['c'], lookup)).toBeNull();
  });
});

describe('drill-down of the bundled release', () => {
  let dir: string;
  let project: Project;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-drilldown-'));
    project = openBundledProject(join(dir, 'p.sqlite'));
  });
  afterAll(() => {
    closeProject(project);
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds up: tasks + remainder = occupation, occupations = category, categories = 100%', () => {
    const report = reproduce(project.db, 'aei-2025-02-10');
    expect(report.drilldown.reduce((s, c) => s + c.usagePct, 0)).toBeCloseTo(100, 9);
    for (const c of report.drilldown) {
      expect(c.occupations.reduce((s, o) => s + o.usagePct, 0)).toBeCloseTo(c.usagePct, 9);
      for (const o of c.occupations) {
        expect(o.tasks.length).toBeLessThanOrEqual(DRILLDOWN_TASKS);
        expect(o.tasks.length).toBe(Math.min(DRILLDOWN_TASKS, o.tasksWithUsage));
        expect(o.otherTasksPct).toBeGreaterThanOrEqual(0);
        expect(o.tasks.reduce((s, t) => s + t.usagePct, 0) + o.otherTasksPct).toBeCloseTo(o.usagePct, 9);
      }
    }
    // Occupations with more tasks than listed exist, and their remainder is real.
    expect(report.drilldown.flatMap((c) => c.occupations).some((o) => o.tasksWithUsage > DRILLDOWN_TASKS && o.otherTasksPct > 0)).toBe(true);
  });

  it('agrees with the top-occupation list and the wage points, and knows most Job Zones', () => {
    const report = reproduce(project.db, 'aei-2025-02-10');
    const all = report.drilldown.flatMap((c) => c.occupations);
    expect(new Set(all.map((o) => o.code)).size).toBe(all.length);
    const byCode = new Map(all.map((o) => [o.code, o]));
    for (const top of report.topOccupations) expect(byCode.get(top.code)?.usagePct).toBe(top.usagePct);
    // Figure 6 also plots occupations without usage; the drill-down lists only those with usage.
    const used = report.wage.points.filter((p) => p.usagePct > 0);
    expect(used.length).toBeGreaterThan(100);
    for (const p of used) expect(byCode.get(p.code)?.medianWage).toBe(p.medianWage);
    expect(all.every((o) => o.medianWage === null || o.medianWage > MIN_ANNUAL_WAGE)).toBe(true);
    const zoned = all.filter((o) => o.jobZone !== null);
    expect(zoned.length / all.length).toBeGreaterThan(0.8);
    expect(zoned.every((o) => [1, 2, 3, 4, 5].includes(o.jobZone!))).toBe(true);
  });
});
