// The validation engine's own types; the report types it returns live in src-shared (the app's
// Validate step shows them) and are re-exported here for the engine's modules.
import type { ValidationFacet } from '../../../src-shared/validation';

export type {
  AccuracyEntry,
  ConfusionMatrix,
  CorrectedShareInterval,
  CorrectedShares,
  CorrectionStratum,
  Disagreement,
  FacetAgreement,
  Proportion,
  ValidationReport,
} from '../../../src-shared/validation-report';

/** One classification row chosen for validation. */
export interface SampleItem {
  conversationId: string;
  facet: ValidationFacet;
  /** Task facet: base node id; pattern facet: the pattern name. */
  value: string;
  /** Task facet: node ids top level first (from classification.reason). */
  path?: string[];
  /** Top-level node id (task) or pattern (pattern), for stratified samples. */
  stratum: string;
  /**
   * The draw that picked it: N, the items it was drawn from (its stratum's, or the whole run's for
   * a simple sample), and n, how many were drawn; its inclusion probability is n / N. Recorded with
   * the packet (table validation_design) as the sampling design.
   */
  drawnFrom: { population: number; sampled: number };
}
