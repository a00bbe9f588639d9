// Long-running work (hierarchy builds, conversation imports, classification, exports) runs as a job
// in the main process. A job is started with typed arguments, reports typed progress, and leaves a
// row in the project file, so a job that was running when the app died is offered for resume.
import { z } from 'zod';

export const JOB_KINDS = ['hierarchy.build', 'conversations.import', 'classify.run', 'export.run'] as const;
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

export const CONVERSATION_FORMATS = [
  'auto',
  'jsonl',
  'csv',
  'claude-export',
  'chatgpt-export',
  'openai-messages',
  'sharegpt',
  'oasst',
  'wildchat',
] as const;

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
    })
    .strict()
    .refine((a) => (a.source === undefined) !== (a.run === undefined), 'give exactly one of source or run'),
} as const satisfies Record<JobKind, z.ZodType>;

export type JobArgs<K extends JobKind> = z.infer<(typeof JOB_ARGS)[K]>;

/** jobs.start's argument: the kind picks the argument schema. */
export const JobStartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hierarchy.build'), args: JOB_ARGS['hierarchy.build'] }).strict(),
  z.object({ kind: z.literal('conversations.import'), args: JOB_ARGS['conversations.import'] }).strict(),
  z.object({ kind: z.literal('classify.run'), args: JOB_ARGS['classify.run'] }).strict(),
  z.object({ kind: z.literal('export.run'), args: JOB_ARGS['export.run'] }).strict(),
]);
export type JobStart = z.infer<typeof JobStartSchema>;

/** One progress event: the same shape for every kind, so one tray renders them all. */
export interface JobProgress {
  /** What is happening now, e.g. "L1 propose", "chunk 2/5 task", "reading". */
  phase: string;
  done: number;
  total: number | null;
  failed: number;
  /** Items answered from checkpoints of an earlier attempt (a resumed job skips them). */
  fromCheckpoint: number;
  elapsedMs: number;
  etaMs: number | null;
  /** Claude usage so far in this attempt (absent for jobs that make no calls). */
  claude?: { sent: number; cacheHits: number; inputTokens: number; outputTokens: number; costUsd: number; failures: number };
}

export const JOB_STATUSES = ['running', 'pausing', 'cancelling', 'done', 'failed', 'paused', 'cancelled', 'interrupted'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A job's result: small summaries, the data itself stays in the project file. */
export interface JobResults {
  'hierarchy.build': { id: string; sizes: number[]; targets: number[]; costUsd: number };
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
  };
  'export.run': { dir: string; files: string[] };
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

