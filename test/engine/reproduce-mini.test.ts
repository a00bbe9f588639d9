// A hand-made release small enough to compute by hand. Every expected number below is derived in
// this file from the fixture (see the comments), never copied from the engine's output or the paper.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { importFile, importRelease } from '../../src-main/engine/ingest';
import { reproduce } from '../../src-main/engine/analyze/reproduce';
import type { ReproduceReport } from '../../src-shared/report';

const FIX = resolve(__dirname, '../fixtures');
let project: Project;
let report: ReproduceReport;

beforeAll(() => {
  project = openProject(':memory:', { resourcesDir: resolve(__dirname, '../../resources') });
  importRelease(project.db, { dir: `${FIX}/mini-release`, id: 'mini' });
  importFile(project.db, { kind: 'onet-job-zones', path: `${FIX}/mini-onet/Job Zones.txt`, dataset: 'onet-29.2' });
  importFile(project.db, { kind: 'soc-crosswalk', path: `${FIX}/mini-onet/crosswalk.csv` });
  report = reproduce(project.db, 'mini');
});
afterAll(() => closeProject(project));

// Shares before renormalising: "write reports." (30) is shared by Chief Executives and Software
// Developers (the second spelled "  WRITE reports. "), so each row gets 15. Rows with usage:
// CE direct budgets 10, CE write reports 15, SD write code 40, SD write reports 15, W write stories 15.
const RAW = 10 + 15 + 40 + 15 + 15; // 95; "none" (5) matches no task and drops out
const pctOf = (x: number) => (100 * x) / RAW;

describe('hand-made release', () => {
  it('matches task names after lower-casing and trimming, and reports the unmatched one', () => {
    expect(report.matching).toEqual({ mappingRows: 5, matchedRows: 4, unmatched: ['none'], rawSumPct: RAW });
  });

  it('splits a shared task evenly and sums to categories (Figure 3)', () => {
    const byTitle = Object.fromEntries(report.categories.map((c) => [c.title, c]));
    expect(byTitle['Computer and Mathematical Occupations']!.usagePct).toBeCloseTo(pctOf(40 + 15), 12);
    expect(byTitle['Management Occupations']!.usagePct).toBeCloseTo(pctOf(10 + 15), 12);
    const arts = byTitle['Arts, Design, Entertainment, Sports, and Media Occupations']!;
    expect(arts.usagePct).toBeCloseTo(pctOf(15), 12);
    // BLS: 100 / 300 / 600 of 1000 workers.
    expect(byTitle['Management Occupations']!.blsPct).toBeCloseTo(10, 12);
    expect(arts.blsPct).toBeCloseTo(60, 12);
    expect(report.categories.map((c) => c.code)).toEqual(['15', '11', '27']);
  });

  it('computes Appendix G metrics between usage and BLS shares', () => {
    const u = [pctOf(55), pctOf(25), pctOf(15)];
    const b = [30, 10, 60];
    const mu = (u[0]! + u[1]! + u[2]!) / 3;
    const mb = 100 / 3;
    const sxy = u.reduce((s, x, i) => s + (x - mu) * (b[i]! - mb), 0);
    const sxx = u.reduce((s, x) => s + (x - mu) ** 2, 0);
    const syy = b.reduce((s, y) => s + (y - mb) ** 2, 0);
    const c = report.categoryCorrelation;
    expect(c.n).toBe(3);
    expect(c.pearson).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 12);
    // Ranks usage (3,2,1) vs BLS (2,1,3): Spearman -0.5; pairs: 1 concordant, 2 discordant.
    expect(c.spearman).toBeCloseTo(-0.5, 12);
    expect(c.kendallTauB).toBeCloseTo(-1 / 3, 12);
    expect(c.mse).toBeCloseTo(u.reduce((s, x, i) => s + (x - b[i]!) ** 2, 0) / 3, 10);
  });

  it('computes occupations, their task coverage and top tasks (Figure 13)', () => {
    const sd = report.topOccupations.find((o) => o.title === 'Software Developers')!;
    expect(sd).toMatchObject({ code: '15-1252.00', tasks: 2, tasksWithUsage: 2 });
    expect(sd.usagePct).toBeCloseTo(pctOf(55), 12);
    expect(report.topTasks[0]).toMatchObject({ task: 'Write code.', occupations: 1 });
    expect(report.topTasks[0]!.usagePct).toBeCloseTo(pctOf(40), 12);
    // The shared task keeps both spellings (cells are trimmed on import), listed under each.
    expect(report.topTasks.map((t) => t.task)).toContain('WRITE reports.');
  });

  it('draws the depth curve (Figure 4): CE 2/3, SD 2/2, Writers 1/4 of tasks in use', () => {
    expect(report.depth.occupations).toBe(3);
    expect(report.depth.marks).toEqual([
      { threshold: 0.1, shareOfOccupations: 1 },
      { threshold: 0.25, shareOfOccupations: 1 },
      { threshold: 0.5, shareOfOccupations: 2 / 3 },
      { threshold: 0.75, shareOfOccupations: 1 / 3 },
    ]);
    expect(report.depth.curve[0]).toEqual({ threshold: 0, shareOfOccupations: 1 });
    expect(report.depth.curve[67]!.shareOfOccupations).toBeCloseTo(1 / 3, 12);
    expect(report.depth.curve[100]).toEqual({ threshold: 1, shareOfOccupations: 1 / 3 });
  });

  it('plots usage against annual wages and drops the hourly-looking one (Figure 6)', () => {
    expect(report.wage.dropped).toBe(1);
    expect(report.wage.points.map((p) => [p.title, p.medianWage])).toEqual([
      ['Software Developers', 120000],
      ['Chief Executives', 200000],
    ]);
  });

  it('computes Table 2 from the release wage file', () => {
    const t = report.jobZones.find((z) => z.variant === 'release-wage-data')!;
    const row = (zone: number) => t.rows.find((r) => r.zone === zone)!;
    expect(row(5).convPct).toBeCloseTo(pctOf(25), 12);
    expect(row(4).convPct).toBeCloseTo(pctOf(55), 12);
    expect(row(3).convPct).toBeCloseTo(pctOf(15), 12);
    expect(row(1)).toEqual({ zone: 1, convPct: 0, basePct: 0, repRatio: 0, occupationPct: 0, occupations: 0 });
    // Baseline: the 5 tasks with usage, counted once each: CE 2 (zone 5), SD 2 (zone 4), W 1 (zone 3).
    expect(row(5).basePct).toBeCloseTo(40, 12);
    expect(row(4).basePct).toBeCloseTo(40, 12);
    expect(row(3).basePct).toBeCloseTo(20, 12);
    expect(row(4).repRatio).toBeCloseTo(pctOf(55) / 40, 12);
    // One occupation in each zone.
    expect(row(4).occupationPct).toBeCloseTo(100 / 3, 12);
    expect(t.coverage).toEqual({
      tasksMatched: 5,
      tasksWithUsage: 5,
      usageMatchedPct: expect.closeTo(100, 10),
      occupationsMatched: 3,
      occupationsTotal: 3,
    });
  });

  it('computes Table 2 through the crosswalk, splitting SD across its two 2019 codes', () => {
    const t = report.jobZones.find((z) => z.variant === 'onet-crosswalk')!;
    const row = (zone: number) => t.rows.find((r) => r.zone === zone)!;
    // Writers (15) have no 2019 Job Zone here; matched usage = CE 25 + SD 55 = 80 of 95.
    expect(row(5).convPct).toBeCloseTo((100 * 25) / 80, 12);
    expect(row(4).convPct).toBeCloseTo((100 * 27.5) / 80, 12);
    expect(row(3).convPct).toBeCloseTo((100 * 27.5) / 80, 12);
    // Baseline: CE's 2 tasks in zone 5; SD's 2 tasks each split half zone 4, half zone 3.
    expect(row(5).basePct).toBeCloseTo(50, 12);
    expect(row(4).basePct).toBeCloseTo(25, 12);
    expect(row(3).basePct).toBeCloseTo(25, 12);
    expect(row(4).repRatio).toBeCloseTo((100 * 27.5) / 80 / 25, 12);
    // Occupations: CE in zone 5, SD half in 4 and half in 3.
    expect(row(5).occupationPct).toBeCloseTo(50, 12);
    expect(row(4).occupationPct).toBeCloseTo(25, 12);
    expect(row(4).occupations).toBeCloseTo(0.5, 12);
    expect(t.coverage.tasksMatched).toBe(4);
    expect(t.coverage.usageMatchedPct).toBeCloseTo(pctOf(80), 12);
    expect(t.coverage.occupationsMatched).toBe(2);
  });

  it('splits automation and augmentation after dropping "none" (Figure 7)', () => {
    const a = report.automation!;
    expect(a.excludedPct).toBeCloseTo(10, 12);
    expect(a.automationPct).toBeCloseTo((100 * 30) / 90, 12);
    expect(a.augmentationPct).toBeCloseTo((100 * 60) / 90, 12);
    expect(a.patterns.find((p) => p.pattern === 'learning')!.pct).toBeCloseTo((100 * 25) / 90, 12);
  });
});
