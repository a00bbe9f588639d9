// The method parameters an export's numbers depend on, for its manifest. Every value is read from the
// named constant the analysis itself uses (or from the run's stored configuration), so the manifest
// cannot drift from the code: change a constant and the next manifest says so.
import { BLS_DENOMINATOR_RULE, OCCUPATION_SPLIT_RULE, TASK_MATCHING_RULE } from '../analyze/occupations';
import { DEPTH_CURVE_STEPS } from '../analyze/depth';
import { PATTERN_NONE_RULE } from '../analyze/patterns';
import { SKILLS_NONE_RULE } from '../classify/report';
import type { ClassifyConfig } from '../classify/config';
import { AUTOMATION_PATTERNS, COLLABORATION_PATTERNS, DEPTH_MARKS, MIN_ANNUAL_WAGE } from '../../../src-shared/taxonomy';

export interface MethodParameters {
  taskMatching: string;
  occupationSplit: string;
  /** Figure 4: the curve's thresholds are i / steps for i = 0..steps; marks are the quoted points. */
  depthCurve: { steps: number; marks: number[] };
  /** Figure 6: median wages at or under the cutoff are hourly rates and are left out. */
  wages: { hourlyCutoff: number; rule: string };
  patterns: { collaboration: string[]; automation: string[]; none: string };
  skills: { none: string };
  blsDenominator: string;
  /** The classification run's own settings; null for a release (it has no run). */
  run: {
    seed: number;
    thresholds: ClassifyConfig['thresholds'];
    /** Bootstrap of the 95% intervals: replicates (0: none) and their own seed. */
    bootstrap: ClassifyConfig['uncertainty'];
    /** Conversations kept by timestamp (whole UTC days); null: all of them. */
    window: { from: string | null; to: string | null } | null;
    tasksPerConversation: number;
    maxConversationChars: number;
    privacySummary: boolean;
    limit: number | null;
  } | null;
}

export function methodParameters(cfg: ClassifyConfig | null): MethodParameters {
  return {
    taskMatching: TASK_MATCHING_RULE,
    occupationSplit: OCCUPATION_SPLIT_RULE,
    depthCurve: { steps: DEPTH_CURVE_STEPS, marks: [...DEPTH_MARKS] },
    wages: { hourlyCutoff: MIN_ANNUAL_WAGE, rule: `median wages <= ${MIN_ANNUAL_WAGE} are hourly rates and are left out of Figure 6` },
    patterns: { collaboration: [...COLLABORATION_PATTERNS], automation: [...AUTOMATION_PATTERNS], none: PATTERN_NONE_RULE },
    skills: { none: SKILLS_NONE_RULE },
    blsDenominator: BLS_DENOMINATOR_RULE,
    run: cfg === null ? null : runParameters(cfg),
  };
}

function runParameters(cfg: ClassifyConfig): NonNullable<MethodParameters['run']> {
  return {
    seed: cfg.seed,
    thresholds: { ...cfg.thresholds },
    bootstrap: { ...cfg.uncertainty },
    window: cfg.window ? { from: cfg.window.from ?? null, to: cfg.window.to ?? null } : null,
    tasksPerConversation: cfg.tasksPerConversation,
    maxConversationChars: cfg.maxConversationChars,
    privacySummary: cfg.privacySummary,
    limit: cfg.limit ?? null,
  };
}
