// Task -> occupation -> SOC major category (paper B.1 "Connecting O*NET tasks to occupations", and
// the release notebook's steps 1-4 in NOTES-release-method.md).
import type {
  CategoryShare,
  MatchingSummary,
  OccupationShare,
  TaskShare,
} from '../../../src-shared/report';
import type { AnalysisInputs } from './inputs';
import { compareText } from '../../../src-shared/order';

/** One O*NET task statement row with its share of usage after the even split. */
export interface TaskOccupationRow {
  code: string;
  title: string;
  task: string;
  /** Distinct occupation titles sharing this task's normalised text. */
  occurrences: number;
  /** Percent of all usage (sums to 100 over rows), 0 where the task has no usage. */
  usagePct: number;
  hasUsage: boolean;
}

/** The rules below in words, for the export manifest (method): one place says what the code does. */
export const TASK_MATCHING_RULE = 'usage task names equal O*NET task statements after lower-casing and trimming whitespace (the final period is kept)';
export const OCCUPATION_SPLIT_RULE = "a task's usage is split evenly across the distinct occupation titles sharing its text, then renormalised to 100%";
export const BLS_DENOMINATOR_RULE = "a major group's BLS employment over the summed employment of every row of the BLS file";

/** The release matches on lower-cased, whitespace-trimmed text and keeps the final period. */
export function normaliseTask(text: string): string {
  return text.toLowerCase().trim();
}

/** Each task statement row's share of usage after the even split, in row order, without the rows. */
interface RowUsage {
  /** Per row: its text's usage percent, NaN when the usage names no such text. */
  textPct: Float64Array;
  /** Percent of all usage per row (TaskOccupationRow.usagePct). */
  pcts: Float64Array;
  rawSum: number;
}

function rowUsage(inputs: Pick<AnalysisInputs, 'usageTasks' | 'tasks'>, usageKeys: readonly string[]): RowUsage {
  const { tasks, usageTasks } = inputs;
  // Each text is normalised and numbered once per task list (preparedTasks): this runs for every
  // usage map split over the list (a run report splits one per model and per source).
  const { index, rowText, occurrences } = preparedTasks(tasks);
  // By text number; a usage name listed twice keeps its last percent.
  const byText = new Float64Array(occurrences.length).fill(NaN);
  usageKeys.forEach((key, i) => {
    const t = index.get(key);
    if (t !== undefined) byText[t] = usageTasks[i]!.pct;
  });
  const textPct = new Float64Array(tasks.length);
  const pcts = new Float64Array(tasks.length);
  // Summed in row order from 0, as the rows are listed: the renormalised shares depend on it.
  let rawSum = 0;
  for (let i = 0; i < tasks.length; i++) {
    const t = rowText[i]!;
    const pct = byText[t]!;
    textPct[i] = pct;
    const share = Number.isNaN(pct) ? 0 : pct / occurrences[t]!;
    pcts[i] = share;
    rawSum += share;
  }
  for (let i = 0; i < pcts.length; i++) pcts[i] = rawSum > 0 ? (100 * pcts[i]!) / rawSum : 0;
  return { textPct, pcts, rawSum };
}

export function splitAcrossOccupations(inputs: Pick<AnalysisInputs, 'usageTasks' | 'tasks'>): {
  rows: TaskOccupationRow[];
  matching: MatchingSummary;
} {
  const { tasks, usageTasks } = inputs;
  const usageKeys = usageTasks.map((u) => normaliseTask(u.taskName));
  const { textPct, pcts, rawSum } = rowUsage(inputs, usageKeys);
  const { index, rowText, occurrences } = preparedTasks(tasks);
  const rows = tasks.map(
    (t, i): TaskOccupationRow => ({
      code: t.code,
      title: t.title,
      task: t.task,
      occurrences: occurrences[rowText[i]!]!,
      usagePct: pcts[i]!,
      // NaN (no usage) is not > 0.
      hasUsage: textPct[i]! > 0,
    }),
  );
  const unmatched = usageTasks.filter((_, i) => !index.has(usageKeys[i]!));
  return {
    rows,
    matching: {
      mappingRows: usageTasks.length,
      matchedRows: usageTasks.length - unmatched.length,
      unmatched: unmatched.map((u) => u.taskName),
      rawSumPct: rawSum,
    },
  };
}

/**
 * categoryShares(splitAcrossOccupations(inputs).rows, inputs) without making the rows: a run report
 * asks for it once per model and per source. `normalised`: the usage names are normalised already.
 */
export function categoryUsage(inputs: Pick<AnalysisInputs, 'usageTasks' | 'tasks' | 'majorGroups' | 'blsEmployment'>, normalised = false): CategoryShare[] {
  const usageKeys = inputs.usageTasks.map((u) => (normalised ? u.taskName : normaliseTask(u.taskName)));
  const { pcts } = rowUsage(inputs, usageKeys);
  const usage = new Map<string, number>();
  inputs.tasks.forEach((t, i) => {
    const code = majorGroupOf(t.code);
    usage.set(code, (usage.get(code) ?? 0) + pcts[i]!);
  });
  return categoryTable(usage, inputs);
}

/**
 * Per task list, kept while the list lives: its distinct normalised texts numbered (index), each
 * row's text number and each text's distinct titles (the release's n_occurrences).
 */
interface PreparedTasks {
  index: Map<string, number>;
  rowText: Int32Array;
  occurrences: Int32Array;
}

const prepared = new WeakMap<AnalysisInputs['tasks'], PreparedTasks>();

function preparedTasks(tasks: AnalysisInputs['tasks']): PreparedTasks {
  let p = prepared.get(tasks);
  if (p === undefined) {
    const keys = tasks.map((t) => normaliseTask(t.task));
    const counts = distinctTitleCounts(tasks, keys);
    const index = new Map<string, number>();
    const occurrences = new Int32Array(counts.size);
    for (const [key, n] of counts) {
      occurrences[index.size] = n;
      index.set(key, index.size);
    }
    p = { index, rowText: Int32Array.from(keys, (k) => index.get(k)!), occurrences };
    prepared.set(tasks, p);
  }
  return p;
}

/** Distinct occupation titles per normalised task text (the release's n_occurrences). */
function distinctTitleCounts(tasks: AnalysisInputs['tasks'], keys: readonly string[]): Map<string, number> {
  const firstTitle = new Map<string, string>();
  // Only the few texts shared by several titles get a Set; the rest count 1.
  const shared = new Map<string, Set<string>>();
  for (let i = 0; i < tasks.length; i++) {
    const key = keys[i]!;
    const title = tasks[i]!.title;
    const first = firstTitle.get(key);
    if (first === undefined) firstTitle.set(key, title);
    else if (first !== title) {
      const titles = shared.get(key) ?? new Set([first]);
      titles.add(title);
      shared.set(key, titles);
    }
  }
  const counts = new Map<string, number>();
  for (const key of firstTitle.keys()) counts.set(key, shared.get(key)?.size ?? 1);
  return counts;
}

export function majorGroupOf(code: string): string {
  return code.slice(0, 2);
}

/** Occupation shares grouped by title, as the release notebook does. */
export function occupationShares(
  rows: readonly TaskOccupationRow[],
  majorGroups: AnalysisInputs['majorGroups'],
): OccupationShare[] {
  const categoryTitle = new Map(majorGroups.map((g) => [g.code, g.title]));
  const byTitle = new Map<string, OccupationShare>();
  for (const r of rows) {
    let occ = byTitle.get(r.title);
    if (!occ) {
      const category = categoryTitle.get(majorGroupOf(r.code)) ?? `SOC ${majorGroupOf(r.code)}`;
      occ = { code: r.code, title: r.title, category, usagePct: 0, tasks: 0, tasksWithUsage: 0 };
      byTitle.set(r.title, occ);
    }
    occ.usagePct += r.usagePct;
    occ.tasks += 1;
    if (r.hasUsage) occ.tasksWithUsage += 1;
  }
  return [...byTitle.values()].sort((a, b) => b.usagePct - a.usagePct || compareText(a.title, b.title));
}

export function categoryShares(
  rows: readonly TaskOccupationRow[],
  inputs: Pick<AnalysisInputs, 'majorGroups' | 'blsEmployment'>,
): CategoryShare[] {
  const usage = new Map<string, number>();
  for (const r of rows) {
    const code = majorGroupOf(r.code);
    usage.set(code, (usage.get(code) ?? 0) + r.usagePct);
  }
  return categoryTable(usage, inputs);
}

/** Usage per major group beside BLS employment, largest usage first. */
function categoryTable(usage: ReadonlyMap<string, number>, inputs: Pick<AnalysisInputs, 'majorGroups' | 'blsEmployment'>): CategoryShare[] {
  const blsTotal = inputs.blsEmployment.reduce((s, b) => s + b.employment, 0);
  const blsByTitle = new Map(inputs.blsEmployment.map((b) => [b.title, b.employment]));
  const out: CategoryShare[] = inputs.majorGroups
    .filter((g) => usage.has(g.code) || blsByTitle.has(g.title))
    .map((g) => {
      const employment = blsByTitle.get(g.title) ?? null;
      return {
        code: g.code,
        title: g.title,
        usagePct: usage.get(g.code) ?? 0,
        blsPct: employment === null || blsTotal === 0 ? null : (100 * employment) / blsTotal,
        blsEmployment: employment,
      };
    });
  return out.sort((a, b) => b.usagePct - a.usagePct || compareText(a.code, b.code));
}

/** Figure 13: usage summed over the original task text (across its occupations). */
export function topTasks(rows: readonly TaskOccupationRow[], limit: number): TaskShare[] {
  const byTask = new Map<string, TaskShare>();
  for (const r of rows) {
    if (!r.hasUsage) continue;
    const cur = byTask.get(r.task) ?? { task: r.task, usagePct: 0, occupations: 0 };
    cur.usagePct += r.usagePct;
    cur.occupations += 1;
    byTask.set(r.task, cur);
  }
  return [...byTask.values()]
    .sort((a, b) => b.usagePct - a.usagePct || compareText(a.task, b.task))
    .slice(0, limit);
}
