// Two usage sources side by side (API call analysis.compare): their category, occupation and task
// shares over the union of keys, the items each recovers, and the paper's Appendix G agreement metrics at each level —
// Pearson, Spearman (average ranks for ties), Kendall's tau-b and mean squared error. Pure, so the
// engine and review mode (which only has the two bundled reports) give the same answer.
import type { SourceComparison } from './api';
import type { CorrelationMetrics, ReproduceReport, TaskShare } from './report';

export function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 2 || y.length !== n) return null;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // A constant series has no defined correlation; say so instead of returning NaN.
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** 1-based ranks, ties sharing their average rank. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = rank;
    i = j + 1;
  }
  return ranks;
}

export function spearman(x: readonly number[], y: readonly number[]): number | null {
  return pearson(averageRanks(x), averageRanks(y));
}

/** Kendall's tau-b: (concordant - discordant) / sqrt((n0 - n1)(n0 - n2)), O(n^2), fine for ~1K keys. */
export function kendallTauB(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 2 || y.length !== n) return null;
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign(x[i]! - x[j]!);
      const dy = Math.sign(y[i]! - y[j]!);
      if (dx === 0 && dy === 0) continue;
      if (dx === 0) tiesX++;
      else if (dy === 0) tiesY++;
      else if (dx === dy) concordant++;
      else discordant++;
    }
  }
  const denom = Math.sqrt((concordant + discordant + tiesX) * (concordant + discordant + tiesY));
  return denom === 0 ? null : (concordant - discordant) / denom;
}

export function meanSquaredError(x: readonly number[], y: readonly number[]): number | null {
  if (x.length === 0 || y.length !== x.length) return null;
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += (x[i]! - y[i]!) ** 2;
  return sum / x.length;
}

export function compareDistributions(x: readonly number[], y: readonly number[]): CorrelationMetrics {
  return {
    n: x.length,
    pearson: pearson(x, y),
    spearman: spearman(x, y),
    kendallTauB: kendallTauB(x, y),
    mse: meanSquaredError(x, y),
  };
}

function mean(v: readonly number[]): number {
  let s = 0;
  for (const x of v) s += x;
  return s / v.length;
}

/** One item's share (percent) in a usage distribution, keyed for pairing with another. */
export interface Keyed {
  key: string;
  label: string;
  pct: number;
}

/** A usage distribution at the three levels the paper compares. */
export interface UsageLevels {
  categories: Keyed[];
  occupations: Keyed[];
  tasks: Keyed[];
}

export interface PairedRow {
  key: string;
  label: string;
  a: number;
  b: number;
}

/** Items with usage on both sides, only on A, only on B (the paper's Figs 21, 25). */
export type RecoveredSets = SourceComparison['recovered']['task'];

type Level = 'category' | 'occupation' | 'task';

export interface LevelComparison {
  categories: PairedRow[];
  occupations: PairedRow[];
  tasks: PairedRow[];
  metrics: Record<Level, CorrelationMetrics>;
  recovered: { occupation: RecoveredSets; task: RecoveredSets };
}

/** Union of keys in a-then-b order; a key missing on one side counts 0 there. */
function pair(a: readonly Keyed[], b: readonly Keyed[]): PairedRow[] {
  const out = new Map<string, PairedRow>();
  for (const x of a) {
    const row = out.get(x.key) ?? { key: x.key, label: x.label, a: 0, b: 0 };
    row.a += x.pct;
    out.set(x.key, row);
  }
  for (const x of b) {
    const row = out.get(x.key) ?? { key: x.key, label: x.label, a: 0, b: 0 };
    row.b += x.pct;
    out.set(x.key, row);
  }
  return [...out.values()].sort((p, q) => Math.max(q.a, q.b) - Math.max(p.a, p.b) || p.key.localeCompare(q.key));
}

export function recoveredSets(rows: readonly { a: number; b: number }[]): RecoveredSets {
  const out = { both: 0, onlyA: 0, onlyB: 0 };
  for (const r of rows) {
    if (r.a > 0 && r.b > 0) out.both++;
    else if (r.a > 0) out.onlyA++;
    else if (r.b > 0) out.onlyB++;
  }
  return out;
}

/**
 * Two distributions side by side at every level, over the union of items either has (the paper's
 * Appendix G rule, not top-N lists), with the agreement metrics and the recovered-set counts.
 * Shared by the source comparison and the single- vs multi-task report.
 */
export function compareLevels(a: UsageLevels, b: UsageLevels): LevelComparison {
  const categories = pair(a.categories, b.categories);
  const occupations = pair(a.occupations, b.occupations);
  const tasks = pair(a.tasks, b.tasks);
  const metrics = (rows: PairedRow[]) => compareDistributions(rows.map((r) => r.a), rows.map((r) => r.b));
  return {
    categories,
    occupations,
    tasks,
    metrics: { category: metrics(categories), occupation: metrics(occupations), task: metrics(tasks) },
    recovered: { occupation: recoveredSets(occupations), task: recoveredSets(tasks) },
  };
}

/**
 * Every occupation with usage, from the drill-down; a version-1 review bundle has none, and then
 * the top-occupation list stands in.
 */
function occupationsOf(r: ReproduceReport): Keyed[] {
  const all = r.drilldown.flatMap((c) => c.occupations);
  const list = all.length > 0 ? all : r.topOccupations;
  return list.map((o) => ({ key: o.code, label: o.title, pct: o.usagePct }));
}

/** A report's three levels; tasks from `allTasks` (every task with usage) when given, else its top list. */
export function usageLevels(r: ReproduceReport, allTasks?: readonly TaskShare[]): UsageLevels {
  return {
    categories: r.categories.map((c) => ({ key: c.title, label: c.title, pct: c.usagePct })),
    occupations: occupationsOf(r),
    tasks: (allTasks ?? r.topTasks).map((t) => ({ key: t.task, label: t.task, pct: t.usagePct })),
  };
}

/**
 * Two sources compared over the union of their items at each level. The engine passes every task
 * with usage of both sources (`all`); review mode has only the bundled reports, whose task lists
 * are the top 50 (the full lists, ~3,500 tasks for a release, would add ~0.5 MB per report), so
 * the result then says its task level covers only the heads of the two distributions.
 */
export function compareReports(a: ReproduceReport, b: ReproduceReport, all?: { a: readonly TaskShare[]; b: readonly TaskShare[] }): SourceComparison {
  const cmp = compareLevels(usageLevels(a, all?.a), usageLevels(b, all?.b));
  const occupationScope = a.drilldown.length > 0 && b.drilldown.length > 0 ? 'all' : 'top';
  const notes: string[] = [];
  if (!all) {
    notes.push(
      `Tasks: the reports carry only their top tasks (${a.topTasks.length} and ${b.topTasks.length}), so the task level compares the union of those lists, not every task; the project itself compares every task.`,
    );
  }
  if (occupationScope === 'top') notes.push('Occupations: a report without the drill-down carries only its top occupations, so the occupation level compares those lists.');
  return {
    a: a.source,
    b: b.source,
    categories: cmp.categories.map((r) => ({ title: r.label, a: r.a, b: r.b })),
    occupations: cmp.occupations.map((r) => ({ code: r.key, title: r.label, a: r.a, b: r.b })),
    tasks: cmp.tasks.map((r) => ({ task: r.label, a: r.a, b: r.b })),
    metrics: [
      { level: 'category', metrics: cmp.metrics.category },
      { level: 'occupation', metrics: cmp.metrics.occupation },
      { level: 'task', metrics: cmp.metrics.task },
    ],
    recovered: cmp.recovered,
    scope: { occupation: occupationScope, task: all ? 'all' : 'top' },
    notes,
  };
}

/** The stable `task-atlas compare --json` shape (a projection of the comparison). */
export function compareJson(c: SourceComparison) {
  const level = (l: Level) => c.metrics.find((m) => m.level === l)!.metrics;
  return {
    a: c.a.id,
    b: c.b.id,
    metrics: { category: level('category'), occupation: level('occupation'), task: level('task') },
    recovered: c.recovered,
    scope: c.scope,
    notes: c.notes,
    shares: {
      category: c.categories.map((r) => ({ key: r.title, a: r.a, b: r.b })),
      occupation: c.occupations.map((r) => ({ key: r.code, label: r.title, a: r.a, b: r.b })),
      task: c.tasks.map((r) => ({ key: r.task, a: r.a, b: r.b })),
    },
  };
}
