// Appendix B.7, "Validating the Composition of our Dataset": every conversation of a run is
// classified as work, coursework and personal use, each at one of four levels (explicitly, likely,
// possibly, non-). The paper reports, after screening, non-work 23% and coursework 5–10% "depending
// on the chosen level of confidence", and looks at the tasks within these groups. The shares at each
// confidence cut are cumulative: "likely" is explicitly + likely, "possibly" adds possibly.
// Pure: the engine counts (classify/composition-report.ts); Explore, the HTML report and the exports
// show what this module computes.

export const COMPOSITION_DIMENSIONS = ['work', 'coursework', 'personal'] as const;
export type CompositionDimension = (typeof COMPOSITION_DIMENSIONS)[number];

/** Most confident first; "non" is the dimension's "Non-work" / "Non-coursework" / "Non-personal". */
export const COMPOSITION_LEVELS = ['explicitly', 'likely', 'possibly', 'non'] as const;
export type CompositionLevel = (typeof COMPOSITION_LEVELS)[number];

/** One conversation's three answers (stored as this JSON in the classification table, facet "composition"). */
export type CompositionAnswer = Record<CompositionDimension, CompositionLevel>;

/** The options as the prompt prints them, in COMPOSITION_LEVELS order: "Explicitly work" … "Non-work". */
export function compositionOptions(d: CompositionDimension): string[] {
  return COMPOSITION_LEVELS.map((l) => levelLabel(d, l));
}

export function levelLabel(d: CompositionDimension, l: CompositionLevel): string {
  return l === 'non' ? `Non-${d}` : `${l[0]!.toUpperCase()}${l.slice(1)} ${d}`;
}

/** A cut's label: "explicitly", "explicitly or likely", "explicitly, likely or possibly". */
export function cutLabel(l: Exclude<CompositionLevel, 'non'>): string {
  const upTo = COMPOSITION_LEVELS.slice(0, COMPOSITION_LEVELS.indexOf(l) + 1);
  return upTo.length === 1 ? upTo[0]! : `${upTo.slice(0, -1).join(', ')} or ${upTo.at(-1)!}`;
}

export interface CompositionLevelShare {
  level: CompositionLevel;
  /** "Likely work". */
  label: string;
  conversations: number;
  /** Percent of the set's conversations at exactly this level (the four sum to 100). */
  pct: number;
  /**
   * Percent at this level or a more confident one: the share at this confidence cut (possibly: the
   * three "yes" levels together). For "non", the level's own share.
   */
  cumulativePct: number;
}

export interface CompositionDimensionShares {
  dimension: CompositionDimension;
  levels: CompositionLevelShare[];
}

export interface CompositionShares {
  conversations: number;
  dimensions: CompositionDimensionShares[];
}

export interface CompositionTopTask {
  nodeId: string;
  task: string;
  /** The group's conversations mapped to the task. */
  conversations: number;
  /** Percent of the group's conversations after screening (all of them, listed task or not). */
  pct: number;
}

export interface CompositionGroupTasks {
  group: 'non-work' | 'coursework';
  /** Which answers make the group, in words. */
  label: string;
  /** The group's conversations after screening (passed screening, mapped to a task). */
  conversations: number;
  /** Largest first, at most TOP_COMPOSITION_TASKS; only tasks that pass the run's thresholds within the group. */
  tasks: CompositionTopTask[];
  /** Tasks of the group left out because the privacy thresholds were not met within it (named nowhere). */
  tasksUnderThresholds: number;
}

export interface CompositionReport {
  /** "classify.composition@b7-composition-v1": our prompt (the paper prints none). */
  promptVersion: string;
  /** Every conversation of the run with a valid composition answer (composition is asked before screening). */
  beforeScreening: CompositionShares;
  /** Those that passed screening (when the run screens) and were mapped to a task. */
  afterScreening: CompositionShares;
  /** Conversations with no valid composition answer (their reason is in the classification table). */
  unclassified: number;
  /** Top tasks within non-work and within coursework conversations (after screening, run thresholds applied). */
  topTasks: CompositionGroupTasks[];
}

export const TOP_COMPOSITION_TASKS = 10;

/** The groups whose tasks are listed: non-work (level "non"), and coursework at the broadest cut. */
export const COMPOSITION_GROUPS: readonly { group: CompositionGroupTasks['group']; label: string; test: (a: CompositionAnswer) => boolean }[] = [
  { group: 'non-work', label: 'Non-work', test: (a) => a.work === 'non' },
  { group: 'coursework', label: 'Explicitly, likely or possibly coursework', test: (a) => a.coursework !== 'non' },
];

/** The stored JSON read back; null for anything that is not three known levels (never counted). */
export function readCompositionValue(value: string): CompositionAnswer | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const rec = parsed as Record<string, unknown>;
  const ok = COMPOSITION_DIMENSIONS.every((d) => (COMPOSITION_LEVELS as readonly unknown[]).includes(rec[d]));
  return ok ? (Object.fromEntries(COMPOSITION_DIMENSIONS.map((d) => [d, rec[d]])) as CompositionAnswer) : null;
}

/** The shares of a set of conversations, given each distinct answer with its count. */
export function compositionShares(counts: Iterable<readonly [CompositionAnswer, number]>): CompositionShares {
  const tally = new Map<CompositionDimension, number[]>(COMPOSITION_DIMENSIONS.map((d) => [d, COMPOSITION_LEVELS.map(() => 0)]));
  let conversations = 0;
  for (const [answer, n] of counts) {
    conversations += n;
    for (const d of COMPOSITION_DIMENSIONS) tally.get(d)![COMPOSITION_LEVELS.indexOf(answer[d])]! += n;
  }
  const pct = (n: number) => (conversations > 0 ? (100 * n) / conversations : 0);
  return {
    conversations,
    dimensions: COMPOSITION_DIMENSIONS.map((dimension) => {
      const n = tally.get(dimension)!;
      let running = 0;
      const levels = COMPOSITION_LEVELS.map((level, i) => {
        running += level === 'non' ? 0 : n[i]!;
        return { level, label: levelLabel(dimension, level), conversations: n[i]!, pct: pct(n[i]!), cumulativePct: pct(level === 'non' ? n[i]! : running) };
      });
      return { dimension, levels };
    }),
  };
}

/** One dimension's shares of a set (a report always has all three). */
export function dimensionShares(s: CompositionShares, d: CompositionDimension): CompositionDimensionShares {
  return s.dimensions.find((x) => x.dimension === d) ?? { dimension: d, levels: [] };
}

const pct1 = (n: number) => `${n.toFixed(1)}%`;

/** One line per set: "work 10.0% / 35.0% / 60.0% (explicitly / +likely / +possibly), non-work 40.0%; coursework …". */
export function compositionCutsText(s: CompositionShares): string {
  return COMPOSITION_DIMENSIONS.map((d) => {
    const levels = dimensionShares(s, d).levels;
    const cum = (l: CompositionLevel) => pct1(levels.find((x) => x.level === l)?.cumulativePct ?? 0);
    return `${d} ${cum('explicitly')} / ${cum('likely')} / ${cum('possibly')} (explicitly / +likely / +possibly), non-${d} ${cum('non')}`;
  }).join('; ');
}

/** What a report or output says when a run did not ask the composition question. */
export const NO_COMPOSITION_TEXT = 'This run did not ask the composition question (B.7: work, coursework or personal use).';
