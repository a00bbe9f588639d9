// Result shapes of the analyses (paper section 3, Appendix B). Pure types: the engine fills them,
// the CLI prints them as JSON with these exact keys, the renderer draws them.
import { COLLABORATION_PATTERNS } from './taxonomy';
import type { CompositionReport } from './composition';
import type { RunIntervals, UncertaintySettings } from './uncertainty';
import type { TimeSpan } from './time-window';

export interface SourceRef {
  id: string;
  label: string;
  kind: 'release' | 'run';
}

export interface CategoryShare {
  /** Two-digit SOC major group, e.g. "15". */
  code: string;
  title: string;
  /** Share of usage (percent, sums to 100 over categories with usage). */
  usagePct: number;
  /** Share of BLS employment (percent over the categories in the BLS file), null when absent. */
  blsPct: number | null;
  blsEmployment: number | null;
}

export interface OccupationShare {
  code: string;
  title: string;
  category: string;
  usagePct: number;
  tasks: number;
  tasksWithUsage: number;
}

export interface TaskShare {
  task: string;
  usagePct: number;
  /** Number of distinct occupations the task's share was split across. */
  occupations: number;
}

export interface DepthPoint {
  /** Fraction of an occupation's tasks with usage (0..1). */
  threshold: number;
  /** Fraction of occupations with at least `threshold` of their tasks in use (0..1). */
  shareOfOccupations: number;
}

export interface DepthCurve {
  occupations: number;
  curve: DepthPoint[];
  marks: DepthPoint[];
}

export interface WagePoint {
  code: string;
  title: string;
  category: string;
  medianWage: number;
  usagePct: number;
}

export interface WageAnalysis {
  points: WagePoint[];
  /** Occupations dropped because their wage is missing or hourly-looking (<= MIN_ANNUAL_WAGE). */
  dropped: number;
  correlation: CorrelationMetrics;
}

export interface JobZoneRow {
  zone: number;
  /** Percent of usage in the zone (over usage whose zone is known): the paper's "Conv. %". */
  convPct: number;
  /**
   * The paper's "Base. %": percent of the tasks that appear in the source (each counted once,
   * unweighted by usage) whose occupation is in the zone. This is the definition that reproduces
   * the paper's published column (e.g. 0.57% for zone 1), although the paper's text calls it a
   * share of occupations.
   */
  basePct: number;
  /** convPct / basePct: the paper's "Rep. Ratio". */
  repRatio: number;
  /** Alternative baseline: percent of all occupations in the zone, with or without usage. */
  occupationPct: number;
  /** Occupations in the zone (fractional when the crosswalk splits one across zones). */
  occupations: number;
}

export interface JobZoneCoverage {
  tasksMatched: number;
  tasksWithUsage: number;
  usageMatchedPct: number;
  occupationsMatched: number;
  occupationsTotal: number;
}

export type JobZoneVariant = 'release-wage-data' | 'onet-crosswalk' | 'onet-task-text';

export interface JobZoneTable {
  variant: JobZoneVariant;
  label: string;
  rows: JobZoneRow[];
  coverage: JobZoneCoverage;
}

export interface PatternShare {
  pattern: string;
  pct: number;
  mode: 'automation' | 'augmentation';
}

export interface AutomationSplit {
  patterns: PatternShare[];
  automationPct: number;
  augmentationPct: number;
  /** Share of the input that was "none" (or another non-pattern) and was renormalised away. */
  excludedPct: number;
}

export interface CorrelationMetrics {
  n: number;
  pearson: number | null;
  spearman: number | null;
  kendallTauB: number | null;
  mse: number | null;
}

export interface MatchingSummary {
  mappingRows: number;
  matchedRows: number;
  unmatched: string[];
  /** Sum of pct / n_occurrences before renormalising to 100. */
  rawSumPct: number;
}

/** Figure 2's drill-down: category → occupation → its top tasks (shares of all usage, percent). */
export interface DrilldownTask {
  task: string;
  usagePct: number;
}

export interface DrilldownOccupation {
  code: string;
  title: string;
  usagePct: number;
  /** The Job Zone holding most of the occupation (O*NET crosswalk), null when unknown. */
  jobZone: number | null;
  medianWage: number | null;
  tasksWithUsage: number;
  /** The occupation's top tasks (at most DRILLDOWN_TASKS), largest first. */
  tasks: DrilldownTask[];
  /** Usage of the occupation's other tasks, so the children add up to the occupation. */
  otherTasksPct: number;
}

export interface DrilldownCategory {
  code: string;
  title: string;
  usagePct: number;
  /** Every occupation with usage in the category, largest first. */
  occupations: DrilldownOccupation[];
}

export const DRILLDOWN_TASKS = 5;

/**
 * B.5: how many tasks are listed as most characteristic of each collaboration pattern: the kept
 * tasks with at least the run's minimum conversations (the privacy threshold) classified for their
 * pattern, ranked by the pattern's share of them.
 */
export const CHARACTERISTIC_TASKS = 5;

export interface ReproduceReport {
  source: SourceRef;
  /** Figure 2 and Explore's filters (Job Zone, wage band) read this. */
  drilldown: DrilldownCategory[];
  categories: CategoryShare[];
  /** Claude vs BLS category shares (Appendix G metrics). */
  categoryCorrelation: CorrelationMetrics;
  topOccupations: OccupationShare[];
  topTasks: TaskShare[];
  depth: DepthCurve;
  wage: WageAnalysis;
  jobZones: JobZoneTable[];
  automation: AutomationSplit | null;
  matching: MatchingSummary;
}

/** The paper's published Table 2, kept as reference data in resources/, never in the engine. */
export interface PaperReference {
  citation: string;
  table2: { zone: number; convPct: number; basePct: number; repRatio: number }[];
  depth: { threshold: number; shareOfOccupations: number }[];
  automationPct: number;
  augmentationPct: number;
  categories: { title: string; usagePct: number }[];
}

/** Aggregates of a classification run (paper Figures 5, 8 and 10, and patterns per task). */
export interface RunReport {
  run: string;
  method: 'claude' | 'offline-embedding';
  /** "demo (simulated answers)" for a run made in demo mode; absent for a real run. */
  provenance?: string;
  sourceId: string;
  /** accountsApplied: false when the conversations carry no account ids (optional: older reports lack it; see appliedThresholds). */
  thresholds: { minConversations: number; minAccounts: number; accountsApplied?: boolean };
  /** False when the conversations carry no account ids: the account threshold could not apply. */
  accountsKnown: boolean;
  tasks: { total: number; kept: number; dropped: number; conversationsKept: number; conversationsDropped: number };
  /** Figure 10: category shares by conversations and by distinct accounts. */
  conversationVsAccount: { categories: { title: string; byConversations: number; byAccounts: number }[]; correlation: CorrelationMetrics };
  /** Figure 5: share of classified conversations in which the assistant exhibited each skill. */
  skills: { skill: string; pct: number }[];
  /** Percent of skill-classified conversations answered "none", left out of the skills' denominator (optional: older reports). */
  skillsNonePct?: number;
  /** Figure 8: category shares by the model that answered. */
  byModel: { model: string; conversations: number; categories: { title: string; usagePct: number }[] }[];
  /** Automation vs augmentation for each kept task and occupation. */
  patternsByTask: PatternBreakdown[];
  patternsByOccupation: PatternBreakdown[];
  /** Single (first choice) vs multi-task shares of a k = 3 run (src-shared/multi-task.ts); null for a single-task run. */
  multiTask?: MultiTaskReport | null;
  // The fields below are optional only so that review bundles written before them still read;
  // a report made by this version always has them (built in src-main/engine/classify/levels.ts).
  /** Appendix D.1, Figure 11: share of kept conversations per top-level task. */
  topLevelTasks?: LevelTaskShare[];
  /** Appendix D.1, Figure 12: share of kept conversations per middle-level task. */
  middleLevelTasks?: LevelTaskShare[];
  /** Figure 8 at task level: hierarchy task shares per model, top, middle and base level. */
  modelTasks?: ModelTaskComparison;
  /**
   * Only in Explore's summary of a run (analysis.runReport with `summary`): patternsByTask and the
   * modelTasks levels then hold just the rows a figure can draw, and these are the full report's row
   * counts; the full report (without `summary`) has every row, for tables and downloads.
   */
  summary?: { patternsByTask: number; modelTasks: Record<keyof ModelTaskComparison['levels'], number> };
  /** B.5: the kept tasks with the highest share of each collaboration pattern. */
  characteristicTasks?: CharacteristicTasks[];
  /** B.7: work / coursework / personal composition before and after screening (src-shared/composition.ts); null when the run did not classify it. */
  composition?: CompositionReport | null;
  /** How the intervals were drawn; null when the run was reported with 0 replicates (optional: older reports). */
  uncertainty?: UncertaintySettings | null;
  /** 95% bootstrap intervals on the run's shares (src-shared/uncertainty.ts). */
  intervals?: RunIntervals | null;
  /** The run's time window and the span of conversation timestamps it covers (optional: older reports). */
  timeSpan?: TimeSpan;
}

export interface PatternBreakdown {
  name: string;
  conversations: number;
  automationPct: number;
  augmentationPct: number;
  nonePct: number;
  /** B.5: share of each of the five patterns and "none" (percent of all `conversations`, sums to 100). */
  patternPct?: PatternPcts;
}

/** Keyed by the collaboration pattern as the taxonomy spells it ("feedback loop"), plus "none". */
export type PatternPcts = Record<string, number>;

/** The keys of a PatternPcts, in the taxonomy's order: the five patterns, then "none". */
export const PATTERN_KEYS: readonly string[] = [...COLLABORATION_PATTERNS, 'none'];

/**
 * A hierarchy task's share of the run's kept conversations (percent). The privacy thresholds apply
 * at the base level (only kept base tasks count), then each kept conversation counts for its base
 * task's ancestors, as in the paper's Appendix D.1.
 */
export interface LevelTaskShare {
  /** Hierarchy node id: names are not unique across a hierarchy. */
  nodeId: string;
  task: string;
  pct: number;
}

export interface ModelTaskRow {
  nodeId: string;
  task: string;
  /** Model -> share of that model's kept conversations (percent; 0 when it has none here). */
  shares: Record<string, number>;
  /** shares[compared[0]] - shares[compared[1]] in percentage points; null with fewer than two models. */
  difference: number | null;
  /** shares[compared[0]] / shares[compared[1]]; null when the second share is 0 or there is one model. */
  ratio: number | null;
}

export interface ModelTaskComparison {
  /** Models with kept conversations, most conversations first. */
  models: { model: string; conversations: number }[];
  /** The pair `difference` and `ratio` compare: the two named models with the most conversations ("unknown" only as a fallback). */
  compared: string[];
  levels: { top: ModelTaskRow[]; middle: ModelTaskRow[]; base: ModelTaskRow[] };
}

export interface CharacteristicTasks {
  pattern: string;
  /** Highest share of the pattern first (see CHARACTERISTIC_TASKS for how they are chosen). */
  tasks: { task: string; conversations: number; pct: number }[];
}

// Multi-task assignment (paper §3, B.1, k = 3): see src-shared/multi-task.ts.
/** Items with usage under both readings, only the single-task one, only the multi-task one. */
export interface SingleMultiRecovered {
  both: number;
  singleOnly: number;
  multiOnly: number;
}

export interface SingleMultiShare {
  key: string;
  label: string;
  /** Percent of kept usage with the first choice only. */
  single: number;
  /** Percent of kept usage with every choice weighted 1/k. */
  multi: number;
}

export interface MultiTaskReport {
  /** The most tasks a conversation could get (the run's tasksPerConversation). */
  k: number;
  /** Conversations with ordered choices, and how many tasks they got on average. */
  conversations: number;
  meanTasksPerConversation: number;
  /** Conversations with 1, 2, 3 tasks. */
  tasksChosen: { tasks: number; conversations: number }[];
  /** Base tasks found and kept (passing the thresholds) under each reading. */
  tasks: { single: { total: number; kept: number }; multi: { total: number; kept: number } };
  metrics: { category: CorrelationMetrics; occupation: CorrelationMetrics; task: CorrelationMetrics };
  recovered: { occupation: SingleMultiRecovered; task: SingleMultiRecovered };
  /** The paired shares behind the metrics, largest first. */
  shares: { category: SingleMultiShare[]; occupation: SingleMultiShare[]; task: SingleMultiShare[] };
}
