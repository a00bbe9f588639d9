// Explore's filters on a hand-made report: which items survive each filter, that shares are
// never renormalised, and that bad bands are named instead of silently drawing nothing.
import { describe, expect, it } from 'vitest';
import {
  describeFilters,
  filterChoices,
  filterReport,
  filterRunReport,
  filtersActive,
  ignoredFilters,
  NO_FILTERS,
  validateFilters,
  type ExploreFilters,
} from '../../src-shared/explore-filters';
import { makeExploreReport, makeRunReport } from './explore-fixture';

const with_ = (over: Partial<ExploreFilters>): ExploreFilters => ({ ...NO_FILTERS, ...over });
const codes = (r: ReturnType<typeof filterReport>) => r.drilldown.flatMap((c) => c.occupations.map((o) => o.code));

describe('filterReport', () => {
  const report = makeExploreReport();

  it('returns the very same report when no filter is active', () => {
    expect(filtersActive(NO_FILTERS)).toBe(false);
    expect(filterReport(report, NO_FILTERS)).toBe(report);
  });

  it('narrows every per-category part to the chosen categories, keeping shares of all usage', () => {
    const r = filterReport(report, with_({ categories: ['Management', 'Computer and Mathematical'] }));
    expect(r.categories.map((c) => c.title).sort()).toEqual(['Computer and Mathematical', 'Management']);
    expect(r.categories.find((c) => c.title === 'Management')?.usagePct).toBe(33.8);
    expect(r.drilldown.map((c) => c.title)).toEqual(['Computer and Mathematical', 'Management']);
    expect(r.drilldown[0]?.usagePct).toBe(37.2);
    expect(r.topOccupations.map((o) => o.code)).toEqual(['15-1252', '11-1021', '15-2041']);
    expect(r.wage.points.map((p) => p.code)).toEqual(['15-1252']);
    // Tasks listed under the remaining occupations, with their unchanged shares.
    expect(r.topTasks.map((t) => t.task).sort()).toEqual(['Task 18', 'Task 19', 'Task 20', 'Task 21']);
    expect(r.topTasks.find((t) => t.task === 'Task 21')?.usagePct).toBe(2.1);
  });

  it('recomputes the correlations the chart titles quote over the filtered points only', () => {
    // Two categories with BLS data: usage 37.2/33.8 vs BLS 3.4/6.9 fall together, so r = -1.
    const r = filterReport(report, with_({ categories: ['Management', 'Computer and Mathematical'] }));
    expect(r.categoryCorrelation.n).toBe(2);
    expect(r.categoryCorrelation.pearson).toBeCloseTo(-1, 12);
    const band = filterReport(report, with_({ wageMin: 80_000 }));
    expect(band.wage.points.map((p) => p.code)).toEqual(['15-1252', '25-1011']);
    expect(band.wage.correlation.n).toBe(2);
    expect(band.wage.correlation.pearson).toBeCloseTo(1, 12);
    expect(report.wage.correlation.pearson).toBe(0.987);
  });

  it('filters by Job Zone, dropping occupations whose zone is unknown, and sums categories from what is left', () => {
    const r = filterReport(report, with_({ jobZones: [4] }));
    expect(codes(r)).toEqual(['15-1252', '11-1021']);
    expect(r.drilldown.find((c) => c.code === '15')?.usagePct).toBe(30);
    expect(r.categories.map((c) => c.title).sort()).toEqual(['Computer and Mathematical', 'Management']);
    expect(r.jobZones[0]?.rows.map((row) => row.zone)).toEqual([4]);
    // Depth and automation are source-wide and pass through.
    expect(r.depth).toBe(report.depth);
    expect(r.automation).toBe(report.automation);
  });

  it('filters by a wage band, inclusive at both ends, dropping unknown wages', () => {
    const r = filterReport(report, with_({ wageMin: 88_790, wageMax: 101_280 }));
    expect(codes(r)).toEqual(['11-1021', '25-1011']);
    expect(r.wage.points.map((p) => p.code)).toEqual(['25-1011']);
    expect(codes(filterReport(report, with_({ wageMin: 100_000 })))).toEqual(['15-1252', '11-1021']);
    expect(codes(filterReport(report, with_({ wageMax: 50_000 })))).toEqual(['43-9061']);
  });

  it('filters by occupation code, and combines filters with AND', () => {
    expect(codes(filterReport(report, with_({ occupations: ['15-2041', '43-9061'] })))).toEqual(['15-2041', '43-9061']);
    const both = filterReport(report, with_({ occupations: ['15-2041', '43-9061'], categories: ['Office and Administrative Support'] }));
    expect(codes(both)).toEqual(['43-9061']);
    expect(codes(filterReport(report, with_({ occupations: ['15-1252'], jobZones: [5] })))).toEqual([]);
  });
});

describe('filterRunReport', () => {
  it('applies the category filter to Figures 8 and 10 and leaves skills alone', () => {
    const run = makeRunReport();
    expect(filterRunReport(run, with_({ jobZones: [4] }))).toBe(run);
    const r = filterRunReport(run, with_({ categories: ['Management'] }));
    expect(r.conversationVsAccount.categories).toEqual([{ title: 'Management', byConversations: 40, byAccounts: 45 }]);
    expect(r.byModel.map((m) => m.categories.map((c) => c.title))).toEqual([['Management'], ['Management']]);
    expect(r.skills).toBe(run.skills);
  });
});

describe('filter helpers', () => {
  it('describes each active filter on its own line, with occupation titles', () => {
    const lines = describeFilters(with_({ categories: ['Management'], occupations: ['15-1252'], jobZones: [5, 2], wageMin: 50_000 }), (c) =>
      c === '15-1252' ? 'Software Developers' : c,
    );
    expect(lines).toEqual(['Categories: Management', 'Occupations: Software Developers', 'Job Zones: 2, 5', 'Median wage: at least $50,000']);
    expect(describeFilters(with_({ wageMin: 1000, wageMax: 2500.4 }))).toEqual(['Median wage: $1,000 – $2,500']);
  });

  it('names a wage band that cannot match and a Job Zone out of range', () => {
    expect(validateFilters(with_({ wageMin: 10, wageMax: 5 }))).toBe('wageMin (10) is above wageMax (5)');
    expect(validateFilters(with_({ wageMin: -1 }))).toContain('wageMin must be a non-negative number');
    expect(validateFilters(with_({ jobZones: [6] }))).toContain('jobZones has 6');
    expect(validateFilters(with_({ wageMin: 1, wageMax: 1, jobZones: [1, 5] }))).toBeNull();
  });

  it('lists the choices the controls offer, and which active filters a chart ignores', () => {
    const choices = filterChoices(makeExploreReport());
    expect(choices.categories).toContain('Military Specific');
    expect(choices.occupations.map((o) => o.code)).toEqual(['25-1011', '11-1021', '43-9061', '15-1252', '15-2041']);
    expect(choices.wageRange).toEqual([40_000, 132_270]);
    const f = with_({ categories: ['Management'], jobZones: [3] });
    expect(ignoredFilters(f, 'fig8')).toEqual(['jobZone']);
    expect(ignoredFilters(f, 'table2')).toEqual(['category']);
    expect(ignoredFilters(f, 'fig6')).toEqual([]);
  });
});
