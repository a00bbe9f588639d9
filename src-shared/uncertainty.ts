// Bootstrap confidence intervals on a run's shares (issue #16): the settings they were computed
// with, the intervals themselves, and the sentences every caption, report and export uses to state
// them. Computed in src-main/engine/classify/uncertainty/; pure here so charts and the HTML report
// read the same words.

/** How the intervals were drawn: accounts are resampled when known, else conversations. */
export interface UncertaintySettings {
  method: 'percentile bootstrap';
  replicates: number;
  seed: number;
  /** 'account': whole accounts resampled (conversations without an account are their own cluster). */
  clusteredBy: 'account' | 'conversation';
  /** Clusters resampled in each replicate (accounts, or conversations). */
  clusters: number;
  /** Coverage of each interval, 0.95. */
  level: number;
}

/** One share with its interval: `key` identifies it within its measure, `label` names it. */
export interface ShareInterval {
  key: string;
  label: string;
  pct: number;
  ciLow: number;
  ciHigh: number;
}

/** Every share of a run with its 95% interval, per measure (paper figure in brackets). */
export interface RunIntervals {
  /** SOC major groups by code (Figure 3). */
  categories: ShareInterval[];
  /** The 50 occupations with the largest point share (Figure 2 / Table 1). */
  occupations: ShareInterval[];
  /** The 50 O*NET task statements with the largest point share (Figure 13). */
  tasks: ShareInterval[];
  /** Share of occupations with at least the mark's share of tasks in use (Figure 4), key = mark. */
  depth: ShareInterval[];
  /** Conv. % by Job Zone, key = "variant:zone" (Table 2). */
  jobZones: ShareInterval[];
  /** The five patterns over patterned conversations, then "automation" and "augmentation" (Figure 7). */
  patterns: ShareInterval[];
  /** Skills over skill-classified conversations that named one (Figure 5). */
  skills: ShareInterval[];
  /** Each model's share of the kept conversations (Figure 8). */
  models: ShareInterval[];
}

export const MEASURES = ['categories', 'occupations', 'tasks', 'depth', 'jobZones', 'patterns', 'skills', 'models'] as const satisfies readonly (keyof RunIntervals)[];

export const NO_INTERVALS_RELEASE = 'no confidence intervals: a release has no conversation-level data to resample';
export const NO_INTERVALS_OFF = 'no confidence intervals: the run was reported with 0 bootstrap replicates';

/** "95% intervals: percentile bootstrap, 1,000 replicates resampling 412 accounts (seed 1)". */
export function uncertaintyText(u: UncertaintySettings | null | undefined, fmt: (n: number) => string = String): string {
  if (u === null || u === undefined) return NO_INTERVALS_OFF;
  const what = u.clusteredBy === 'account' ? 'accounts' : 'conversations (no account ids)';
  return `${Math.round(u.level * 100)}% intervals: ${u.method}, ${fmt(u.replicates)} replicates resampling ${fmt(u.clusters)} ${what} (seed ${u.seed})`;
}

/** The interval of `key` in a measure, if the run has one. */
export function intervalOf(list: readonly ShareInterval[] | undefined, key: string): ShareInterval | undefined {
  return list?.find((i) => i.key === key);
}

/** Plotly's asymmetric error bars for bars at `values`, keyed like the intervals; undefined when none apply. */
export function errorBars(
  list: readonly ShareInterval[] | undefined,
  keys: readonly string[],
  values: readonly (number | null)[],
): { type: 'data'; symmetric: false; array: number[]; arrayminus: number[] } | undefined {
  if (list === undefined || list.length === 0) return undefined;
  const byKey = new Map(list.map((i) => [i.key, i]));
  const plus: number[] = [];
  const minus: number[] = [];
  keys.forEach((k, n) => {
    const ci = byKey.get(k);
    const v = values[n] ?? 0;
    // Bars the intervals do not cover get none (NaN draws no whisker), never a made-up zero width.
    plus.push(ci === undefined ? NaN : Math.max(0, ci.ciHigh - v));
    minus.push(ci === undefined ? NaN : Math.max(0, v - ci.ciLow));
  });
  return { type: 'data', symmetric: false, array: plus, arrayminus: minus };
}

/**
 * The sentence under a figure that could carry intervals: how they were drawn, why a release has
 * none, or that filters hide them (the intervals are for the whole run, not a filtered part).
 */
export function intervalsNote(
  sourceKind: 'release' | 'run',
  run: { uncertainty?: UncertaintySettings | null } | undefined,
  filtered: boolean,
  fmt: (n: number) => string = String,
  byAccounts = false,
): string {
  const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  if (sourceKind === 'release') return sentence(NO_INTERVALS_RELEASE);
  if (run === undefined) return '';
  if (run.uncertainty === null || run.uncertainty === undefined) return sentence(NO_INTERVALS_OFF);
  if (byAccounts) return 'No whiskers on shares by accounts: the intervals are for the shares by conversations.';
  if (filtered) return 'No whiskers while filters are on: the intervals are for the whole run.';
  return `Whiskers: ${uncertaintyText(run.uncertainty, fmt)}.`;
}
