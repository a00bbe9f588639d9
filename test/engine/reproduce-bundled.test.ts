// The bundled release reproduces the paper's published numbers (the paper's figures are read from
// resources/reference/paper-figures.json, the same comparison data the app shows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeProject, importBundledDefaults, openProject, type Project } from '../../src-main/engine/project';
import { reproduce } from '../../src-main/engine/analyze/reproduce';
import type { PaperReference, ReproduceReport } from '../../src-shared/report';

const RESOURCES = resolve(__dirname, '../../resources');
const paper = JSON.parse(readFileSync(join(RESOURCES, 'reference/paper-figures.json'), 'utf8')) as PaperReference;
let dir: string;
let project: Project;
let report: ReproduceReport;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-bundled-'));
  project = openProject(join(dir, 'p.sqlite'), { resourcesDir: RESOURCES });
  importBundledDefaults(project);
  report = reproduce(project.db, 'aei-2025-02-10');
});
afterAll(() => {
  closeProject(project);
  rmSync(dir, { recursive: true, force: true });
});

describe('the bundled 2025-02-10 release', () => {
  it('matches every mapping row but the literal "none"', () => {
    expect(report.matching.mappingRows).toBe(3514);
    expect(report.matching.unmatched).toEqual(['none']);
    expect(report.categories.reduce((s, c) => s + c.usagePct, 0)).toBeCloseTo(100, 9);
  });

  it('reproduces the published category shares (Figure 3) to one decimal', () => {
    for (const p of paper.categories) {
      const mine = report.categories.find((c) => c.title === p.title)!;
      expect(Number(mine.usagePct.toFixed(1))).toBe(p.usagePct);
    }
    const bls = report.categories.filter((c) => c.blsPct !== null);
    expect(bls).toHaveLength(22);
    expect(bls.reduce((s, c) => s + c.blsPct!, 0)).toBeCloseTo(100, 9);
  });

  it('reproduces the depth marks (Figure 4) to the paper’s whole percent', () => {
    for (const p of paper.depth) {
      const mine = report.depth.marks.find((m) => m.threshold === p.threshold)!;
      expect(Math.round(mine.shareOfOccupations * 100)).toBe(Math.round(p.shareOfOccupations * 100));
    }
  });

  it('reproduces the 57/43 augmentation/automation split (Figure 7)', () => {
    expect(Math.round(report.automation!.augmentationPct)).toBe(paper.augmentationPct);
    expect(Math.round(report.automation!.automationPct)).toBe(paper.automationPct);
  });

  it('computes Table 2 from the release wage file, via the crosswalk and via the task text, with coverage', () => {
    expect(report.jobZones.map((t) => t.variant)).toEqual(['release-wage-data', 'onet-crosswalk', 'onet-task-text']);
    for (const t of report.jobZones) {
      expect(t.rows.map((r) => r.zone)).toEqual([1, 2, 3, 4, 5]);
      expect(t.rows.reduce((s, r) => s + r.convPct, 0)).toBeCloseTo(100, 9);
      expect(t.rows.reduce((s, r) => s + r.basePct, 0)).toBeCloseTo(100, 9);
      // The task-text variant reaches only the statements current O*NET still lists (test/analyze/jobzone-variants).
      expect(t.coverage.tasksMatched).toBeGreaterThan((t.variant === 'onet-task-text' ? 0.8 : 0.95) * t.coverage.tasksWithUsage);
      expect(t.coverage.occupationsTotal).toBe(974);
      // Zone 4 carries the most usage in both variants, as in the paper.
      const top = [...t.rows].sort((a, b) => b.convPct - a.convPct)[0]!;
      expect(top.zone).toBe(4);
      // The baseline (tasks present, counted once) lands within 2 points of the published column,
      // and the zones rank by representation ratio exactly as in the paper.
      for (const p of paper.table2) expect(Math.abs(t.rows[p.zone - 1]!.basePct - p.basePct)).toBeLessThan(2);
      const byRatio = (rows: { zone: number; repRatio: number }[]) =>
        [...rows].sort((a, b) => b.repRatio - a.repRatio).map((r) => r.zone);
      expect(byRatio(t.rows)).toEqual(byRatio(paper.table2));
    }
  });

  it('warm start: a second import of the bundle skips every unchanged file', () => {
    const again = importBundledDefaults(project);
    expect(again.imported).toEqual([]);
    expect(again.skipped.length).toBeGreaterThanOrEqual(8);
  });

  it('imports O*NET 29.2 from .xlsx with the published row counts', () => {
    const count = (table: string) =>
      project.db.prepare(`SELECT count(*) FROM ${table} WHERE dataset = 'onet-29.2'`).pluck().get();
    expect(count('task_statement')).toBe(18796);
    expect(count('occupation')).toBe(1016);
    expect(count('job_zone')).toBe(923);
    expect(count('skill_rating')).toBeGreaterThan(60000);
  });
});
