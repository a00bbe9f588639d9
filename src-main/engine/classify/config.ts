// A classification run's configuration. It is stored with the run, so every output can say which
// models, prompt versions, hierarchy and thresholds produced it.
import { z } from 'zod';
import { isDay } from '../../../src-shared/time-window';
import { DEFAULT_THRESHOLDS } from '../../../src-shared/taxonomy';
import { DEFAULT_CONCURRENCY, DEFAULT_EMBEDDING_MODEL, DEFAULT_MODELS, type Settings } from '../../../src-shared/settings';

export const FACETS = ['screening', 'task', 'pattern', 'skills'] as const;
export type Facet = (typeof FACETS)[number];

/** The classification steps' models out of the settings' model choices (in the stored key order). */
export function classifyModels(m: Settings['models']) {
  return { screening: m.screening, task: m.task, pattern: m.pattern, skills: m.skills, summary: m.summary };
}

/** The run seed and the intervals' bootstrap when a configuration leaves them out. */
export const DEFAULT_SEED = 1;
export const DEFAULT_UNCERTAINTY = { replicates: 1000, seed: 1 } as const;

export const ClassifyConfigSchema = z.object({
  /** The run's name is its id: `classify --run NAME` again resumes it. */
  name: z.string().min(1).regex(/^[\w.-]+$/, 'letters, digits, ".", "_" or "-"'),
  /** Conversation dataset(s) to classify. */
  datasets: z.array(z.string().min(1)).min(1),
  hierarchyId: z.string().min(1),
  method: z.enum(['claude', 'offline-embedding']).default('claude'),
  // The paper screens with Claude 3.5 Haiku; the settings' defaults name the current equivalents.
  models: z
    .object({
      screening: z.string().default(DEFAULT_MODELS.screening),
      task: z.string().default(DEFAULT_MODELS.task),
      pattern: z.string().default(DEFAULT_MODELS.pattern),
      skills: z.string().default(DEFAULT_MODELS.skills),
      summary: z.string().default(DEFAULT_MODELS.summary),
    })
    .default(classifyModels(DEFAULT_MODELS)),
  facets: z.array(z.enum(FACETS)).default([...FACETS]),
  thresholds: z
    .object({ minConversations: z.number().int().min(1), minAccounts: z.number().int().min(1) })
    .default({ ...DEFAULT_THRESHOLDS }),
  seed: z.number().int().default(DEFAULT_SEED),
  /** Only conversations with a timestamp in this date range (whole days, UTC): Appendix E's time windows. */
  window: z
    .object({ from: z.string().refine(isDay, 'a date YYYY-MM-DD').optional(), to: z.string().refine(isDay, 'a date YYYY-MM-DD').optional() })
    .refine((w) => w.from === undefined || w.to === undefined || w.from <= w.to, 'the window\'s start is after its end')
    .optional(),
  /**
   * Confidence intervals on the report's shares (classify/uncertainty/): bootstrap replicates (0:
   * none) and their own seed, so changing the run seed never moves the intervals.
   */
  uncertainty: z
    .object({
      replicates: z.number().int().min(0).max(100_000).default(DEFAULT_UNCERTAINTY.replicates),
      seed: z.number().int().min(0).default(DEFAULT_UNCERTAINTY.seed),
    })
    .default({ ...DEFAULT_UNCERTAINTY }),
  concurrency: z.number().int().min(1).max(256).default(DEFAULT_CONCURRENCY),
  batches: z.boolean().default(false),
  maxConversationChars: z.number().int().min(1000).default(60_000),
  /** Map tasks from a privacy-preserving summary instead of the raw conversation (Clio-style). */
  privacySummary: z.boolean().default(false),
  /**
   * Tasks per conversation: 1 is the paper's F.2 (one task); 3 is its k = 3 experiment (section 3,
   * B.1), run with our adapted prompt (src-shared/prompts/classify.ts, F2_MULTI_TASK_MAPPING) and
   * reported beside the single-task shares. Defaults to 1, so stored configurations read back unchanged.
   */
  tasksPerConversation: z.union([z.literal(1), z.literal(3)]).default(1),
  /**
   * Appendix B.7: also classify every conversation (before screening) as work, coursework and personal
   * use, four levels each, with our prompt (src-shared/prompts/composition.ts), answered by the
   * screening model. Off by default, so stored configurations read back unchanged.
   */
  composition: z.boolean().default(false),
  /** Prompt versions in use ("appendix-f" = the paper's, verbatim); filled in when the run starts. */
  promptVersions: z.record(z.string(), z.string()).default({}),
  embeddingModel: z.string().default(DEFAULT_EMBEDDING_MODEL),
  /**
   * Classify only the first N conversations of the datasets, in conversation-id order: a trial
   * before paying for all. No default, so configurations stored without it read back unchanged.
   */
  limit: z.number().int().min(1).optional(),
  /** Made in demo mode (fake Claude answers, stand-in embeddings): every output says "demo (simulated answers)". */
  demo: z.boolean().optional(),
});

export type ClassifyConfig = z.infer<typeof ClassifyConfigSchema>;
