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
  method: 'matrix-inversion' | 'matrix-inversion-clipped' | 'iterative-bayesian';
  labels: string[];
  raw: Record<string, number>;
  corrected: Record<string, number>;
  /** Items in the confusion matrix the correction rests on. */
  validatedItems: number;
}
