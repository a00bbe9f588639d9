// Two usage sources side by side (API call analysis.compare): their category, occupation and task
// shares over the union of keys, and the paper's Appendix G agreement metrics at each level —
// Pearson, Spearman (average ranks for ties), Kendall's tau-b and mean squared error. Pure, so the
// engine and review mode (which only has the two bundled reports) give the same answer.
import type { SourceComparison } from './api';
import type { CorrelationMetrics, ReproduceReport } from './report';

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

interface Keyed {
  key: string;
  label: string;
  pct: number;
}

/** Union of keys in a-then-b order; a key missing on one side counts 0 there. */
function pair(a: readonly Keyed[], b: readonly Keyed[]): { key: string; label: string; a: number; b: number }[] {
  const out = new Map<string, { key: string; label: string; a: number; b: number }>();
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

/**
 * Every occupation with usage, from the drill-down; a version-1 review bundle has none, and then
 * the top-occupation list stands in.
 */
function occupationsOf(r: ReproduceReport): Keyed[] {
  const all = r.drilldown.flatMap((c) => c.occupations);
  const list = all.length > 0 ? all : r.topOccupations;
  return list.map((o) => ({ key: o.code, label: o.title, pct: o.usagePct }));
}

/**
 * Categories and occupations are complete; tasks are the union of both reports' top-task lists
 * (ReproduceReport.topTasks), so a task outside one source's list counts 0 there and the task-level
 * metrics describe the heads of the two distributions.
 */
export function compareReports(a: ReproduceReport, b: ReproduceReport): SourceComparison {
  const categories = pair(
    a.categories.map((c) => ({ key: c.title, label: c.title, pct: c.usagePct })),
    b.categories.map((c) => ({ key: c.title, label: c.title, pct: c.usagePct })),
  );
  const occupations = pair(occupationsOf(a), occupationsOf(b));
  const tasks = pair(
    a.topTasks.map((t) => ({ key: t.task, label: t.task, pct: t.usagePct })),
    b.topTasks.map((t) => ({ key: t.task, label: t.task, pct: t.usagePct })),
  );
  const metrics = (rows: { a: number; b: number }[]) => compareDistributions(rows.map((r) => r.a), rows.map((r) => r.b));
  return {
    a: a.source,
    b: b.source,
    categories: categories.map((r) => ({ title: r.label, a: r.a, b: r.b })),
    occupations: occupations.map((r) => ({ code: r.key, title: r.label, a: r.a, b: r.b })),
    tasks: tasks.map((r) => ({ task: r.label, a: r.a, b: r.b })),
    metrics: [
      { level: 'category', metrics: metrics(categories) },
      { level: 'occupation', metrics: metrics(occupations) },
      { level: 'task', metrics: metrics(tasks) },
    ],
  };
}
