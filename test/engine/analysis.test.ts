// The analysis calls (analysis.runReport, analysis.compare, review.bundle) through dispatch(), over
// the hand-made run of test/export/run-fixture.ts, and the pure comparison they share with review
// mode. Expected shares are derived from the fixture in the comments, never copied from output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { closeProject, type Project } from '../../src-main/engine/project';
import { dispatch } from '../../src-main/engine/dispatch';
import { analysisHandlers } from '../../src-main/engine/service/analysis';
import type { ApiHandlers } from '../../src-main/engine/service';
import { runReport } from '../../src-main/engine/classify/report';
import { reproduce } from '../../src-main/engine/analyze/reproduce';
import { bundleChecksum, reviewBundleSchema } from '../../src-main/engine/review/bundle';
import type { ApiResponse, SourceComparison } from '../../src-shared/api';
import type { ReviewBundle } from '../../src-shared/review-bundle';
import type { RunReport } from '../../src-shared/report';
import { compareReports } from '../../src-shared/compare';
import { makeReport } from '../renderer/fixture';
import { runProject } from '../export/run-fixture';

let project: Project;
let handlers: ApiHandlers;

async function call<T>(name: string, args: unknown): Promise<T> {
  const res = (await dispatch(handlers, name, args, { transport: 'http' })) as ApiResponse<never>;
  if (!res.ok) throw new Error(`${res.error.kind}: ${res.error.message}`);
  return res.result as T;
}

beforeAll(() => {
  project = runProject();
  // The run's first report names its reference release; later reports reuse it.
  runReport(project.db, 'r', 'mini');
  handlers = analysisHandlers(() => project.db, resolve(__dirname, '../../resources')) as unknown as ApiHandlers;
});
afterAll(() => closeProject(project));

describe('analysis.runReport', () => {
  it('reports the run against the release it was last reported with', async () => {
    const report = await call<RunReport>('analysis.runReport', { run: 'r' });
    expect(report).toMatchObject({ run: 'r', sourceId: 'run:r', tasks: { total: 4, kept: 2, dropped: 2 } });
    expect(report.byModel.map((m) => m.model).sort()).toEqual(['model-a', 'model-b']);
    expect(report.conversationVsAccount.categories.map((c) => c.title)).toContain('Management Occupations');
  });

  it('answers not-found for an unknown run', async () => {
    await expect(call('analysis.runReport', { run: 'nope' })).rejects.toThrow('not-found: no classification run "nope"');
  });
});

describe('analysis.compare', () => {
  it('compares the release with the run over the union of categories', async () => {
    const cmp = await call<SourceComparison>('analysis.compare', { a: 'mini', b: 'run:r' });
    expect(cmp.a.id).toBe('mini');
    expect(cmp.b.id).toBe('run:r');
    // Release: SD 55, CE 25, Writers 15 of 95. Run: "write code." 15 and "write reports." 30 of 45
    // conversations; reports split between CE and SD: computing 15 + 15, management 15.
    const cat = new Map(cmp.categories.map((c) => [c.title, c]));
    expect(cat.get('Computer and Mathematical Occupations')!.a).toBeCloseTo((100 * 55) / 95, 9);
    expect(cat.get('Computer and Mathematical Occupations')!.b).toBeCloseTo((100 * 30) / 45, 9);
    expect(cat.get('Management Occupations')!.b).toBeCloseTo((100 * 15) / 45, 9);
    expect(cat.get('Arts, Design, Entertainment, Sports, and Media Occupations')!.b).toBe(0);
    const writers = cmp.occupations.find((o) => o.title === 'Writers and Authors')!;
    expect(writers.a).toBeCloseTo((100 * 15) / 95, 9);
    expect(writers.b).toBe(0);
    expect(cmp.metrics.map((m) => [m.level, m.metrics.n])).toEqual([
      ['category', 3],
      ['occupation', 3],
      ['task', cmp.tasks.length],
    ]);
    // Every task of both sources (the engine has them all), so the same as the reports' lists here, where each has fewer than 50.
    const fromReports = compareReports(reproduce(project.db, 'mini'), reproduce(project.db, 'run:r'));
    expect(cmp).toEqual({ ...fromReports, scope: { occupation: 'all', task: 'all' }, notes: [] });
  });

  it('answers not-found for an unknown source', async () => {
    await expect(call('analysis.compare', { a: 'mini', b: 'nope' })).rejects.toThrow(/not-found: no usage source "nope"/);
  });
});

describe('review.bundle', () => {
  it('bundles every source and every complete run, with a checksum over both', async () => {
    const bundle = await call<ReviewBundle>('review.bundle', {});
    expect(bundle.version).toBe(3); // signed (test/review/signing.test.ts)
    expect(bundle.sources.map((s) => s.id).sort()).toEqual(['mini', 'run:r', 'run:r:accounts']);
    expect(Object.keys(bundle.runs)).toEqual(['r']);
    expect(bundle.runs.r).toEqual(await call<RunReport>('analysis.runReport', { run: 'r' }));
    expect(bundle.runInfo.r).toMatchObject({ run: 'r', status: 'complete', classified: 79, sourceId: 'run:r', datasets: ['d'] });
    expect(bundle.reports['run:r']!.drilldown.length).toBeGreaterThan(0);
    expect(bundle.paper).toBeDefined();
    expect(bundleChecksum(bundle)).toBe(bundle.checksum);
    expect(reviewBundleSchema.parse(JSON.parse(JSON.stringify(bundle)))).toEqual(bundle);
  });
});

describe('compareReports (pure)', () => {
  it('fills a key missing on one side with 0 and sorts by the larger share', () => {
    const a = makeReport();
    const b = { ...makeReport(), source: { id: 'b', label: 'B', kind: 'run' as const }, categories: [{ ...a.categories[1]!, usagePct: 50 }] };
    const cmp = compareReports(a, b);
    expect(cmp.categories[0]).toEqual({ title: 'Computer and Mathematical', a: 37.2, b: 50 });
    expect(cmp.categories.find((c) => c.title === 'Management')).toEqual({ title: 'Management', a: 33.8, b: 0 });
    expect(cmp.categories).toHaveLength(a.categories.length);
    // Occupations come from the drill-down (complete), keyed by code.
    expect(cmp.occupations).toHaveLength(7);
    expect(cmp.metrics[0]!.metrics.n).toBe(6);
  });

  it('falls back to the top-occupation list for a report without a drill-down (version-1 bundles)', () => {
    const old = { ...makeReport(), drilldown: [], topOccupations: [{ code: 'x', title: 'X', category: 'C', usagePct: 4, tasks: 1, tasksWithUsage: 1 }] };
    expect(compareReports(old, old).occupations).toEqual([{ code: 'x', title: 'X', a: 4, b: 4 }]);
  });
});
