// Taxonomy constants shared by the engine, the renderer and the prompts.
// Kept as literal tuples so zod enums and TS unions come from one place.

export const COLLABORATION_PATTERNS = [
  'directive',
  'feedback loop',
  'task iteration',
  'learning',
  'validation',
] as const;
export type CollaborationPattern = (typeof COLLABORATION_PATTERNS)[number];

/** Paper section 3.4: directive + feedback loop automate; the other three augment. */
export const AUTOMATION_PATTERNS: readonly CollaborationPattern[] = ['directive', 'feedback loop'];
export const AUGMENTATION_PATTERNS: readonly CollaborationPattern[] = [
  'task iteration',
  'learning',
  'validation',
];

export const JOB_ZONES = [1, 2, 3, 4, 5] as const;
export type JobZone = (typeof JOB_ZONES)[number];

/** Privacy thresholds of the paper (footnote 5): a task counts only above both. */
export const DEFAULT_THRESHOLDS = { minConversations: 15, minAccounts: 5 } as const;

/** Figure 4's quoted points: the paper's ~57% at 10% (§4), ~36% at 25%, ~11% at 50%, ~4% at 75%. */
export const DEPTH_MARKS = [0.1, 0.25, 0.5, 0.75] as const;

/** The paper drops hourly-looking wages (e.g. 15.94) before the wage scatter. */
export const MIN_ANNUAL_WAGE = 100;
