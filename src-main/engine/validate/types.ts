// The validation engine's own types; the report types it returns live in src-shared (the app's
// Validate step shows them) and are re-exported here for the engine's modules.
import type { ValidationFacet } from '../../../src-shared/validation';

export type {
  AccuracyEntry,
  ConfusionMatrix,
  CorrectedShares,
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
}
