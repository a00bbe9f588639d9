// Bootstrap confidence intervals (issue #16): the point estimate is the report's own numbers, the
// intervals contain it, repeat exactly under a seed, narrow as accounts grow, and cover a known
// truth about 95% of the time over simulated corpora.
import { describe, expect, it } from 'vitest';
import { runProject } from '../export/run-fixture';
import { runReport } from '../../src-main/engine/classify/report';
import { reproduce } from '../../src-main/engine/analyze/reproduce';
import { bootstrap, drawClusters, quantile } from '../../src-main/engine/classify/uncertainty/bootstrap';
import { evaluate, makeEvaluator, sampleTexts } from '../../src-main/engine/classify/uncertainty/estimates';
import { buildSample, type SampleRows } from '../../src-main/engine/classify/uncertainty/sample';
import { compileShareModel } from '../../src-main/engine/classify/uncertainty/share-model';
import type { AnalysisInputs } from '../../src-main/engine/analyze/inputs';
import { mulberry32 } from '../../src-main/engine/cluster/seeding';
import type { ShareInterval } from '../../src-shared/uncertainty';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBundledProject } from '../support/shared-projects';
import { closeProject } from '../../src-main/engine/project';
import { DEFAULT_SOURCE_ID, loadInputs } from '../../src-main/engine/analyze/inputs';
import { reproduceFromInputs } from '../../src-main/engine/analyze/reproduce';
import { normaliseTask } from '../../src-main/engine/analyze/occupations';

const pctOf = (list: readonly ShareInterval[] | undefined, key: string): ShareInterval => {
  const i = list?.find((x) => x.key === key);
  if (i === undefined) throw new Error(`no interval for ${key}`);
  return i;
};

describe('run report intervals', () => {
  const project = runProject();
  const report = runReport(project.db, 'r', 'mini');
  const shares = reproduce(project.db, report.sourceId);

  it('states how they were drawn', () => {
    expect(report.uncertainty).toEqual({ method: 'percentile bootstrap', replicates: 1000, seed: 1, clusteredBy: 'account', clusters: 24, level: 0.95 });
  });

  it('have the report’s own numbers as point estimates', () => {
    const iv = report.intervals!;
    for (const c of shares.categories.filter((x) => x.usagePct > 0)) expect(pctOf(iv.categories, c.code).pct).toBeCloseTo(c.usagePct, 9);
    for (const o of shares.topOccupations.filter((x) => x.usagePct > 0)) expect(pctOf(iv.occupations, o.title).pct).toBeCloseTo(o.usagePct, 9);
    for (const t of shares.topTasks) expect(pctOf(iv.tasks, t.task).pct).toBeCloseTo(t.usagePct, 9);
    for (const m of shares.depth.marks) expect(pctOf(iv.depth, String(m.threshold)).pct).toBeCloseTo(100 * m.shareOfOccupations, 9);
    for (const table of shares.jobZones) for (const r of table.rows) expect(pctOf(iv.jobZones, `${table.variant}:${r.zone}`).pct).toBeCloseTo(r.convPct, 9);
    for (const p of shares.automation!.patterns) expect(pctOf(iv.patterns, p.pattern).pct).toBeCloseTo(p.pct, 9);
    expect(pctOf(iv.patterns, 'automation').pct).toBeCloseTo(shares.automation!.automationPct, 9);
    for (const s of report.skills) expect(pctOf(iv.skills, s.skill).pct).toBeCloseTo(s.pct, 9);
    const kept = report.byModel.reduce((s, m) => s + m.conversations, 0);
    for (const m of report.byModel) expect(pctOf(iv.models, m.model).pct).toBeCloseTo((100 * m.conversations) / kept, 9);
  });

  it('contain their point estimates', () => {
    const all = Object.values(report.intervals!).flat() as ShareInterval[];
    expect(all.length).toBeGreaterThan(20);
    for (const i of all) {
      expect(i.ciLow, i.key).toBeLessThanOrEqual(i.pct + 1e-9);
      expect(i.ciHigh, i.key).toBeGreaterThanOrEqual(i.pct - 1e-9);
    }
    // Not degenerate: the two kept tasks' shares vary between replicates.
    const writeCode = pctOf(report.intervals!.tasks, 'Write code.');
    expect(writeCode.ciHigh - writeCode.ciLow).toBeGreaterThan(5);
  });

  it('repeat exactly with the same seed, and move with another', () => {
    expect(runReport(project.db, 'r', 'mini').intervals).toEqual(report.intervals);
    project.db.prepare('UPDATE classify_run SET config_json = json_set(config_json, ?, 7) WHERE id = ?').run('$.uncertainty.seed', 'r');
    const other = runReport(project.db, 'r', 'mini');
    expect(other.uncertainty?.seed).toBe(7);
    expect(other.intervals).not.toEqual(report.intervals);
    project.db.prepare('UPDATE classify_run SET config_json = json_set(config_json, ?, 0) WHERE id = ?').run('$.uncertainty.replicates', 'r');
    const none = runReport(project.db, 'r', 'mini');
    expect(none.uncertainty).toBeNull();
    expect(none.intervals).toBeNull();
  });
});

// A synthetic world: four tasks, each its own occupation in its own major group, so the category
// share of group "11" is the share of task 0. Accounts are of two kinds with different habits
// (which makes conversations within an account alike: clustering matters) and 1–6 conversations.
const INPUTS: AnalysisInputs = {
  source: { id: 's', label: 's', kind: 'run' },
  usageTasks: [],
  tasks: ['11', '13', '15', '17'].map((g, i) => ({ code: `${g}-1011.00`, title: `Occupation ${i}`, task: `Task ${i}.` })),
  majorGroups: ['11', '13', '15', '17'].map((code) => ({ code, title: `Group ${code}` })),
  blsEmployment: [],
  wages: [],
  patterns: [],
  crosswalk: [],
  onetJobZones: [],
  onetTasks: [],
  onetDataset: null,
};
const HABITS = [
  [0.7, 0.1, 0.1, 0.1],
  [0.1, 0.3, 0.3, 0.3],
];
/** Expected share of task 0 in the population: conversation counts do not depend on the kind. */
const TRUTH = 100 * (0.5 * 0.7 + 0.5 * 0.1);

function corpus(accounts: number, rand: () => number, withAccounts = true): SampleRows {
  const rows: SampleRows = {
    account: [], task: [], pattern: [], skills: [], model: [],
    taskNode: ['n0', 'n1', 'n2', 'n3'], taskText: ['Task 0.', 'Task 1.', 'Task 2.', 'Task 3.'], patternNames: [], skillValues: [],
  };
  for (let a = 0; a < accounts; a++) {
    const habit = HABITS[rand() < 0.5 ? 0 : 1]!;
    const n = 1 + Math.floor(rand() * 6);
    for (let k = 0; k < n; k++) {
      let u = rand();
      let t = 0;
      while (t < 3 && u >= habit[t]!) u -= habit[t++]!;
      rows.account.push(withAccounts ? `a${a}` : null);
      rows.task.push(t);
      rows.pattern.push(-1);
      rows.skills.push(-1);
      rows.model.push('m');
    }
  }
  return rows;
}

function groupInterval(rows: SampleRows, seed: number, replicates = 1000): ShareInterval {
  const sample = buildSample(rows);
  const ev = makeEvaluator(sample, compileShareModel(INPUTS, sampleTexts(sample)), { minConversations: 1, minAccounts: 1 });
  return pctOf(bootstrap(ev, { replicates, seed }).intervals.categories, '11');
}

describe('bootstrap on synthetic corpora', () => {
  it('draws clusters with replacement, as many as there are', () => {
    const w = drawClusters(10, mulberry32(3), new Int32Array(10));
    expect(w.reduce((a, b) => a + b, 0)).toBe(10);
    expect(Math.max(...w)).toBeGreaterThan(1);
    expect(quantile(Float64Array.from([1, 2, 3, 4, 5]), 0.25)).toBe(2);
    expect(quantile(Float64Array.from([0, 10]), 0.975)).toBeCloseTo(9.75, 12);
  });

  it('resamples conversations when there are no account ids, and says so', () => {
    const sample = buildSample(corpus(50, mulberry32(1), false));
    const ev = makeEvaluator(sample, compileShareModel(INPUTS, sampleTexts(sample)), { minConversations: 1, minAccounts: 5 });
    const r = bootstrap(ev, { replicates: 200, seed: 1 });
    expect(r.uncertainty.clusteredBy).toBe('conversation');
    expect(r.uncertainty.clusters).toBe(sample.task.length);
    // The account threshold cannot apply without accounts: every task is kept.
    expect(evaluate(ev, null).categories.every((v) => v > 0)).toBe(true);
  });

  it('narrows as accounts grow', () => {
    const widths = [50, 200, 800].map((n) => {
      const ci = groupInterval(corpus(n, mulberry32(n)), 1, 400);
      return ci.ciHigh - ci.ciLow;
    });
    expect(widths[1]).toBeLessThan(widths[0]! * 0.75);
    expect(widths[2]).toBeLessThan(widths[1]! * 0.75);
  });

  it('covers a known truth about 95% of the time over 200 corpora', () => {
    const rand = mulberry32(2026);
    let covered = 0;
    const corpora = 200;
    for (let k = 0; k < corpora; k++) {
      const ci = groupInterval(corpus(300, rand), k + 1);
      if (ci.ciLow <= TRUTH && TRUTH <= ci.ciHigh) covered++;
    }
    const coverage = covered / corpora;
    expect(Math.abs(coverage - 0.95)).toBeLessThanOrEqual(0.03);
  });
});

describe('the compiled analyses on the bundled release', () => {
  it('give the same categories, tasks, depth marks and every Table 2 variant as the report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-share-model-'));
    const project = openBundledProject(join(dir, 'p.sqlite'));
    try {
      const inputs = loadInputs(project.db, DEFAULT_SOURCE_ID);
      const report = reproduceFromInputs(inputs);
      const model = compileShareModel(inputs, inputs.usageTasks.map((u) => normaliseTask(u.taskName)));
      const pct = new Float64Array(model.texts.length);
      inputs.usageTasks.forEach((u, i) => (pct[i] = u.pct));
      const out = model.compute(pct);
      for (const c of report.categories) expect(out.categories[model.groups.indexOf(c.code)], c.code).toBeCloseTo(c.usagePct, 9);
      for (const t of report.topTasks) expect(out.tasks[model.taskTexts.indexOf(t.task)], t.task).toBeCloseTo(t.usagePct, 9);
      report.depth.marks.forEach((m, k) => expect(out.depth[k]).toBeCloseTo(100 * m.shareOfOccupations, 9));
      expect(model.zoneVariants).toEqual(report.jobZones.map((j) => j.variant));
      expect(model.zoneVariants.length).toBe(3);
      report.jobZones.forEach((table, v) => table.rows.forEach((r, z) => expect(out.jobZones[v * 5 + z], `${table.variant} ${r.zone}`).toBeCloseTo(r.convPct, 9)));
    } finally {
      closeProject(project);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
