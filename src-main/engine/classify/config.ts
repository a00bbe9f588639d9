// A classification run's configuration. It is stored with the run, so every output can say which
// models, prompt versions, hierarchy and thresholds produced it.
import { z } from 'zod';
import { DEFAULT_THRESHOLDS } from '../../../src-shared/taxonomy';

export const FACETS = ['screening', 'task', 'pattern', 'skills'] as const;
export type Facet = (typeof FACETS)[number];

export const ClassifyConfigSchema = z.object({
  /** The run's name is its id: `classify --run NAME` again resumes it. */
  name: z.string().min(1).regex(/^[\w.-]+$/, 'letters, digits, ".", "_" or "-"'),
  /** Conversation dataset(s) to classify. */
  datasets: z.array(z.string().min(1)).min(1),
  hierarchyId: z.string().min(1),
  method: z.enum(['claude', 'offline-embedding']).default('claude'),
  models: z
    .object({
      // The paper screens with Claude 3.5 Haiku; these are the current equivalents.
      screening: z.string().default('claude-haiku-4-5'),
      task: z.string().default('claude-sonnet-4-6'),
      pattern: z.string().default('claude-sonnet-4-6'),
      skills: z.string().default('claude-sonnet-4-6'),
      summary: z.string().default('claude-haiku-4-5'),
    })
    .default({
      screening: 'claude-haiku-4-5',
      task: 'claude-sonnet-4-6',
      pattern: 'claude-sonnet-4-6',
      skills: 'claude-sonnet-4-6',
      summary: 'claude-haiku-4-5',
    }),
  facets: z.array(z.enum(FACETS)).default([...FACETS]),
  thresholds: z
    .object({ minConversations: z.number().int().min(1), minAccounts: z.number().int().min(1) })
    .default({ ...DEFAULT_THRESHOLDS }),
  seed: z.number().int().default(1),
  concurrency: z.number().int().min(1).max(256).default(16),
  batches: z.boolean().default(false),
  maxConversationChars: z.number().int().min(1000).default(60_000),
  /** Map tasks from a privacy-preserving summary instead of the raw conversation (Clio-style). */
  privacySummary: z.boolean().default(false),
  /** Prompt versions in use ("appendix-f" = the paper's, verbatim); filled in when the run starts. */
  promptVersions: z.record(z.string(), z.string()).default({}),
  embeddingModel: z.string().default('all-mpnet-base-v2'),
  /**
   * Classify only the first N conversations of the datasets, in conversation-id order: a trial
   * before paying for all. No default, so configurations stored without it read back unchanged.
   */
  limit: z.number().int().min(1).optional(),
});

export type ClassifyConfig = z.infer<typeof ClassifyConfigSchema>;
