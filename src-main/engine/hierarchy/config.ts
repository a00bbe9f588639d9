// Configuration of a hierarchy build and the level sizes of paper B.1:
// n_l / n_(l-1) = (n_top / n_base)^(1/(L-1)), defaults L = 3 and n_top = 12 (paper: 12 / 474 / 19,530).
import { z } from 'zod';
import { DEFAULT_EMBEDDING_MODEL, DEFAULT_MODELS } from '../../../src-shared/settings';

/** The build's parallelism limit; the settings' concurrency is capped at it. */
export const MAX_BUILD_CONCURRENCY = 64;

export const HierarchyConfigSchema = z.object({
  name: z.string().min(1).default('O*NET task hierarchy'),
  /** Which imported task statements are the base level (default: the release's 19,530 tasks). */
  taskDataset: z.string().min(1).default('aei-2025-02-10'),
  /**
   * Build over a seeded random sample of this many distinct tasks (a cheap trial). No default, so
   * the configuration of a full build, and hence its id, is the same as before this option existed.
   */
  sampleSize: z.number().int().min(2).optional(),
  levels: z.number().int().min(2).max(6).default(3),
  nTop: z.number().int().min(2).default(12),
  meanNeighbourhood: z.number().int().min(5).default(40),
  /** The paper's m: nearest tasks outside a neighbourhood shown as context when proposing. */
  nearbyOutside: z.number().int().min(0).default(10),
  /** Proposals per neighbourhood exceed the target by this factor; dedupe brings them back down. */
  proposeOverscan: z.number().min(1).max(3).default(1.25),
  /** Children assigned per call, and nearest parents per child offered as options (shuffled). */
  assignBatch: z.number().int().min(1).max(100).default(25),
  assignCandidates: z.number().int().min(2).max(50).default(6),
  renameSample: z.number().int().min(3).default(40),
  seed: z.number().int().default(1),
  model: z.string().min(1).default(DEFAULT_MODELS.hierarchy),
  embeddingModel: z.string().min(1).default(DEFAULT_EMBEDDING_MODEL),
  /** Send each step's requests as one Message Batch (half price, slower). */
  batches: z.boolean().default(false),
  /** Jobs take the settings' concurrency; this default is for direct engine calls (tests, scripts). */
  concurrency: z.number().int().min(1).max(MAX_BUILD_CONCURRENCY).default(8),
});

export type HierarchyConfig = z.infer<typeof HierarchyConfigSchema>;

export function levelSizes(nBase: number, nTop: number, levels: number): number[] {
  const ratio = (nTop / nBase) ** (1 / (levels - 1));
  const sizes = [nBase];
  for (let l = 1; l < levels - 1; l++) sizes.push(Math.max(nTop, Math.round(nBase * ratio ** l)));
  sizes.push(nTop);
  return sizes;
}

/**
 * The paper's tolerance ("n_l ± 1.5 n_l") read multiplicatively: a level may end between n_l / 1.5
 * and 1.5 n_l, since a literal ±150% would allow zero parents.
 */
export function withinTolerance(actual: number, target: number): boolean {
  return actual >= target / 1.5 && actual <= target * 1.5;
}
