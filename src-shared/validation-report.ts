// Report types of human validation (paper Appendix C): accuracy with Wilson intervals per level,
// agreement between validators, and pattern shares corrected for misclassification. Pure types: the
// engine fills them, the CLI prints them, the Validate step draws them.
import type { ValidationFacet } from './validation';

export interface Proportion {
  /** Successes / n; 0 when n = 0 (the interval is then [0, 1]). */
  p: number;
  low: number;
  high: number;
}

export interface AccuracyEntry extends Proportion {
  /** 'top', 'middle' (or 'middle 1', 'middle 2' … for deeper trees), 'base', or 'pattern'. */
  name: string;
  /** Hierarchy level number (top = depth, base = 0); null for the pattern facet. */
  level: number | null;
  correct: number;
  n: number;
}

export interface ConfusionMatrix {
  labels: string[];
  /** matrix[i][j] = items whose truth is labels[i] and prediction labels[j]. */
  matrix: number[][];
}

export interface FacetAgreement {
  facet: ValidationFacet;
  validators: string[];
  /** Units (item × level for the task facet, items for the pattern facet) judged by ≥ 2 validators. */
  sharedUnits: number;
  /** Only with exactly two validators; null when undefined (no shared units or one category only). */
  cohenKappa: number | null;
  krippendorffAlpha: number | null;
}

export interface Disagreement {
  itemId: string;
  facet: ValidationFacet;
  /** The level for task judgements; null for the pattern facet. */
  level: number | null;
  /** validator → 'correct' | 'incorrect' (pattern: 'incorrect: <best>' when a best was given). */
  judgements: Record<string, string>;
  /** Majority tie: counted as incorrect until adjudicated. */
  tie: boolean;
}

export interface ValidationReport {
  runId: string;
  packets: string[];
  validators: string[];
  task: AccuracyEntry[];
  pattern: AccuracyEntry | null;
  patternConfusion: ConfusionMatrix;
  /** Incorrect pattern items without any validator's best guess: left out of the matrix. */
  patternConfusionExcluded: number;
  agreement: FacetAgreement[];
  disagreements: Disagreement[];
}

export interface CorrectedShares {
  /** Validated items weighted by the sampling design (src-main/engine/validate/weighted.ts). */
  method: 'design-weighted';
  labels: string[];
  /** Fractions of the classified conversations (design-weighted: of kept tasks), summing to 1. */
  raw: Record<string, number>;
  corrected: Record<string, number>;
  /** Items in the confusion matrix the correction rests on. */
  validatedItems: number;
  /** Percentile bootstrap interval of each corrected share (fractions), beside `corrected`. */
  intervals?: Record<string, CorrectedShareInterval>;
  /** How the validated items were weighted; present with method 'design-weighted'. */
  design?: CorrectionDesign;
}

export interface CorrectedShareInterval {
  ciLow: number;
  ciHigh: number;
}

export interface CorrectionStratum {
  /** The classifier's pattern: the validated items are weighted within it. */
  stratum: string;
  /** Conversations the classifier gave this pattern (N_h), among those the shares count. */
  population: number;
  /** Validated items among them (n_h). */
  validated: number;
  /** N_h / n_h, the weight of each validated item; null when none was validated (taken as correctly classified). */
  weight: number | null;
}

export interface CorrectionDesign {
  /** True: only conversations whose task passed the run's privacy thresholds count (the run's pattern shares). False: the run classified no tasks, so every classified conversation counts. */
  keptTasksOnly: boolean;
  /** Conversations the shares count (N). */
  population: number;
  strata: CorrectionStratum[];
  /** Validated pattern items left out: their task did not pass the thresholds, or their conversation's pattern changed since the draw. */
  outsideDomain: number;
  /** Stratified bootstrap of the validated items behind `intervals`. */
  bootstrap: { replicates: number; seed: number; level: number };
}
