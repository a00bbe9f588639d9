// Task -> occupation -> SOC major category (paper B.1 "Connecting O*NET tasks to occupations", and
// the release notebook's steps 1-4 in NOTES-release-method.md).
import type {
  CategoryShare,
  MatchingSummary,
  OccupationShare,
  TaskShare,
} from '../../../src-shared/report';
import type { AnalysisInputs } from './inputs';

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

/** The release matches on lower-cased, whitespace-trimmed text and keeps the final period. */
export function normaliseTask(text: string): string {
  return text.toLowerCase().trim();
}

export function splitAcrossOccupations(inputs: Pick<AnalysisInputs, 'usageTasks' | 'tasks'>): {
  rows: TaskOccupationRow[];
  matching: MatchingSummary;
} {
  const titlesByText = new Map<string, Set<string>>();
  for (const t of inputs.tasks) {
    const key = normaliseTask(t.task);
    let titles = titlesByText.get(key);
    if (!titles) titlesByText.set(key, (titles = new Set()));
    titles.add(t.title);
  }
  const pctByText = new Map(inputs.usageTasks.map((u) => [normaliseTask(u.taskName), u.pct]));
  const raw = inputs.tasks.map((t) => {
    const key = normaliseTask(t.task);
    const occurrences = titlesByText.get(key)!.size;
    const pct = pctByText.get(key);
    return { t, occurrences, share: pct === undefined ? 0 : pct / occurrences, hasUsage: pct !== undefined && pct > 0 };
  });
  const rawSum = raw.reduce((s, r) => s + r.share, 0);
  const rows = raw.map(({ t, occurrences, share, hasUsage }) => ({
    code: t.code,
    title: t.title,
    task: t.task,
    occurrences,
    usagePct: rawSum > 0 ? (100 * share) / rawSum : 0,
    hasUsage,
  }));
  const unmatched = inputs.usageTasks.filter((u) => !titlesByText.has(normaliseTask(u.taskName)));
  return {
    rows,
    matching: {
      mappingRows: inputs.usageTasks.length,
      matchedRows: inputs.usageTasks.length - unmatched.length,
      unmatched: unmatched.map((u) => u.taskName),
      rawSumPct: rawSum,
    },
  };
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
  return [...byTitle.values()].sort((a, b) => b.usagePct - a.usagePct || a.title.localeCompare(b.title));
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
  return out.sort((a, b) => b.usagePct - a.usagePct || a.code.localeCompare(b.code));
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
    .sort((a, b) => b.usagePct - a.usagePct || a.task.localeCompare(b.task))
    .slice(0, limit);
}
