// Long-running work (hierarchy builds, conversation imports, classification, exports) runs as a job
// in the main process. A job is started with typed arguments, reports typed progress, and leaves a
// row in the project file, so a job that was running when the app died is offered for resume.
import { z } from 'zod';

export const JOB_KINDS = ['hierarchy.build', 'conversations.import', 'classify.run', 'export.run', 'reconstruct.run'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

const ColumnMappingSchema = z
  .object({
    id: z.string().min(1).optional(),
    account: z.string().min(1).optional(),
    model: z.string().min(1).optional(),
    timestamp: z.string().min(1).optional(),
    text: z.string().min(1).optional(),
    messages: z.string().min(1).optional(),
    response: z.string().min(1).optional(),
  })
  .strict();

import { CONVERSATION_FORMATS } from './kinds';
import { isDay } from './time-window';
export { CONVERSATION_FORMATS };

export const JOB_ARGS = {
  'hierarchy.build': z
    .object({
      name: z.string().min(1).optional(),
      taskDataset: z.string().min(1).optional(),
      levels: z.number().int().min(2).max(6).optional(),
      nTop: z.number().int().min(2).optional(),
      /** Build over a seeded random sample of this many base tasks (a quick, cheap trial); absent = all. */
      sampleSize: z.number().int().min(50).optional(),
      seed: z.number().int().optional(),
      batches: z.boolean().optional(),
    })
    .strict(),
  'conversations.import': z
    .object({
      path: z.string().min(1),
      format: z.enum(CONVERSATION_FORMATS).optional(),
      dataset: z.string().min(1).regex(/^[\w.-]+$/, 'letters, digits, ".", "_" or "-"').optional(),
      mapping: ColumnMappingSchema.optional(),
      /** oasst files: each branch of a message tree is a conversation, or only each tree's longest branch. */
      oasstMode: z.enum(['branches', 'longest']).optional(),
    })
    .strict(),
  'classify.run': z
    .object({
      name: z.string().min(1).regex(/^[\w.-]+$/, 'letters, digits, ".", "_" or "-"'),
      datasets: z.array(z.string().min(1)).min(1),
      hierarchyId: z.string().min(1),
      method: z.enum(['claude', 'offline-embedding']).optional(),
      minConversations: z.number().int().min(1).optional(),
      minAccounts: z.number().int().min(1).optional(),
      privacySummary: z.boolean().optional(),
      batches: z.boolean().optional(),
      /** Classify only the first N conversations (in id order): a trial before paying for all. */
      limit: z.number().int().min(1).optional(),
      /** 3: up to three tasks per conversation (the paper's k = 3 experiment; adapted F.2 prompt). Default 1. */
      tasksPerConversation: z.union([z.literal(1), z.literal(3)]).optional(),
      /** Also ask every conversation whether it is work, coursework or personal use (B.7; our prompt). Default false. */
      composition: z.boolean().optional(),
      /** Bootstrap replicates for the report's 95% intervals (0: none; default 1,000) and their seed (default 1). */
      replicates: z.number().int().min(0).max(100_000).optional(),
      bootstrapSeed: z.number().int().min(0).optional(),
      /** Only conversations with a timestamp from `from` to `to` (whole days, YYYY-MM-DD; Appendix E). */
      window: z
        .object({ from: z.string().refine(isDay, 'a date YYYY-MM-DD').optional(), to: z.string().refine(isDay, 'a date YYYY-MM-DD').optional() })
        .strict()
        .refine((w) => w.from === undefined || w.to === undefined || w.from <= w.to, 'the window\'s start is after its end')
        .optional(),
    })
    .strict(),
  'export.run': z
    .object({
      source: z.string().min(1).optional(),
      run: z.string().min(1).optional(),
      outDir: z.string().min(1),
      formats: z.array(z.enum(['csv', 'r', 'dta', 'parquet'])).optional(),
      html: z.boolean().optional(),
      charts: z.boolean().optional(),
      review: z.boolean().optional(),
      includeConversationText: z.boolean().optional(),
      includeAccountIds: z.boolean().optional(),
      /** Input tables plus replicate.R/.py/.do that recompute the headline tables and compare (needs csv). */
      replication: z.boolean().optional(),
    })
    .strict()
    .refine((a) => (a.source === undefined) !== (a.run === undefined), 'give exactly one of source or run'),
  /** Appendix G: cluster a finished run's conversations and compare with its direct assignment. */
  'reconstruct.run': z
    .object({
      run: z.string().min(1),
      /** Mean conversations per cluster, one aggregation level each (default 10, 100, 1000). */
      levels: z.array(z.number().int().min(2)).min(1).max(8).optional(),
      /** Default: the run's method ('offline-embedding' places clusters by the embedding classifier). */
      method: z.enum(['claude', 'offline-embedding']).optional(),
      batches: z.boolean().optional(),
      seed: z.number().int().optional(),
      /** Summaries shown to Claude when naming a cluster (default 10). */
      sampleSize: z.number().int().min(1).max(50).optional(),
    })
    .strict(),
} as const satisfies Record<JobKind, z.ZodType>;

export type JobArgs<K extends JobKind> = z.infer<(typeof JOB_ARGS)[K]>;

/** jobs.start's argument: the kind picks the argument schema. */
export const JobStartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hierarchy.build'), args: JOB_ARGS['hierarchy.build'] }).strict(),
  z.object({ kind: z.literal('conversations.import'), args: JOB_ARGS['conversations.import'] }).strict(),
  z.object({ kind: z.literal('classify.run'), args: JOB_ARGS['classify.run'] }).strict(),
  z.object({ kind: z.literal('export.run'), args: JOB_ARGS['export.run'] }).strict(),
  z.object({ kind: z.literal('reconstruct.run'), args: JOB_ARGS['reconstruct.run'] }).strict(),
]);
export type JobStart = z.infer<typeof JobStartSchema>;

/** Claude usage counters: calls sent, answers from the project's cache, tokens, cost, failures. */
export interface ClaudeUsage {
  sent: number;
  cacheHits: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  failures: number;
  /** Answers from the demo server: the cost is what the calls would have cost, nothing was paid. */
  simulated?: true;
}

/** What a phase counts: items (conversations, tasks), k-means iterations, or bytes of a file. */
export type ProgressUnit = 'items' | 'iterations' | 'bytes';

/** One progress event: the same shape for every kind, so one tray renders them all. */
export interface JobProgress {
  /** The engine's short name of the current step, e.g. "L1 propose", "chunk 2/5 task", "reading". */
  phase: string;
  /** The current phase in plain words, e.g. "Screening conversations", "Clustering 18,428 tasks". */
  phaseLabel?: string;
  /** 1-based position of the phase among the job's phaseCount phases. */
  phaseIndex?: number;
  phaseCount?: number;
  /** What done/total count in the current phase (items when absent). */
  unit?: ProgressUnit;
  /** Done and total of the current phase. */
  done: number;
  total: number | null;
  failed: number;
  /** Items answered from checkpoints of an earlier attempt (a resumed job skips them). */
  fromCheckpoint: number;
  /**
   * Share of the WHOLE job done, 0..1, each phase weighted by its expected share of the work; it
   * never goes back, even across a resume.
   */
  fraction?: number;
  elapsedMs: number;
  /** Time left for the whole job when `fraction` is known, else for the current phase. */
  etaMs: number | null;
  /** Claude usage so far in this attempt (absent for jobs that make no calls). */
  claude?: ClaudeUsage;
  /** Claude usage of every attempt of the job (this one included): what the job has cost so far. */
  claudeTotal?: ClaudeUsage;
}

export const JOB_STATUSES = ['running', 'pausing', 'cancelling', 'done', 'failed', 'paused', 'cancelled', 'interrupted'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Claude totals of a job's last attempt: what a finished job (or a terminal) reports. */
export interface ClaudeTotals {
  sent: number;
  /** Answers found in the project's call store (paid for earlier, not again). */
  cacheHits: number;
  /** Retries by reason, e.g. {"HTTP 429": 3}. */
  retries: Record<string, number>;
  invalidAnswers: number;
  failures: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** Answers from the demo server: the cost is what the calls would have cost, nothing was paid. */
  simulated?: true;
}

/** One level of a finished hierarchy build. */
export interface HierarchyLevelSummary {
  level: number;
  target: number;
  neighbourhoods: number;
  proposed: number;
  afterDedupe: number;
  parents: number;
  failures: { propose: number; dedupe: number; assign: number; rename: number };
  /** Children placed by embedding similarity because their assign call failed. */
  assignedByFallback: number;
  claude: { sent: number; cacheHits: number; inputTokens: number; outputTokens: number; costUsd: number };
}

/** A job's result: small summaries, the data itself stays in the project file. */
export interface JobResults {
  'hierarchy.build': {
    id: string;
    sizes: number[];
    targets: number[];
    costUsd: number;
    /** Absent in rows written before these were recorded. */
    claude?: ClaudeTotals;
    levels?: HierarchyLevelSummary[];
  };
  'conversations.import': {
    dataset: string;
    format: string;
    rowsRead: number;
    conversations: number;
    added: number;
    duplicates: number;
    badRows: number;
    badRowSamples: { line: number; reason: string }[];
    file: string;
  };
  'classify.run': {
    run: string;
    conversations: number;
    classified: number;
    screenedOut: number;
    unclassified: number;
    missing: number;
    unclassifiedReasons: Record<string, number>;
    sourceId: string;
    costUsd: number;
    method?: 'claude' | 'offline-embedding';
    claude?: ClaudeTotals;
  };
  /** notes: one line per finished stage ("wrote 12 files to …"). */
  'export.run': { dir: string; files: string[]; notes?: string[] };
  /** The report itself is stored with the run (API call analysis.reconstruction). */
  'reconstruct.run': {
    run: string;
    method: 'claude' | 'offline-embedding';
    conversations: number;
    /** The levels reported, by mean cluster size, and those skipped (too few conversations). */
    levels: number[];
    skipped: number[];
    costUsd: number;
    claude?: ClaudeTotals;
  };
}

export interface JobInfo {
  id: string;
  kind: JobKind;
  /** Human label, e.g. "Classify run pilot-1". */
  label: string;
  args: JobStart['args'];
  status: JobStatus;
  progress: JobProgress | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** How many times the job was started (1 + resumes). */
  attempts: number;
  error: { kind: string; message: string; file?: string; line?: number } | null;
  result: JobResults[JobKind] | null;
}

export const ACTIVE_JOB_STATUSES: readonly JobStatus[] = ['running', 'pausing', 'cancelling'];

export function isActive(job: Pick<JobInfo, 'status'>): boolean {
  return ACTIVE_JOB_STATUSES.includes(job.status);
}

