// The review bundle's format (a `.taskatlas-review.json` file): aggregated ReproduceReports per
// usage source, RunReports of classification runs, the paper's published numbers and the
// provenance of the data files. One schema for
// the engine that writes bundles and the renderer that opens them (pure zod, so src-shared).
import { z } from 'zod';
import type { DrilldownCategory, PaperReference, ReproduceReport, RunReport, SourceRef } from './report';
import { COMPOSITION_DIMENSIONS, COMPOSITION_LEVELS } from './composition';
import { MEASURES } from './uncertainty';
import { signatureSchema } from './review-integrity';

export { checksumText } from './review-integrity';

/** A classification run as listed by `classify.runs` and carried in a bundle (defined here, not in api.ts, so the two form no cycle). */
export interface RunInfo {
  run: string;
  method: 'claude' | 'offline-embedding';
  datasets: string[];
  hierarchyId: string;
  status: string;
  createdAt: string;
  conversations: number;
  classified: number;
  screenedOut: number;
  unclassified: number;
  /** The thresholded usage source ("run:<name>") once the run has been reported; else null. */
  sourceId: string | null;
  /** What the privacy thresholds kept and dropped, once reported (not carried in review bundles). */
  privacy?: RunPrivacy;
}

/** Tasks and their conversations kept or dropped by a run's privacy thresholds. */
export interface RunPrivacy {
  tasksKept: number;
  tasksDropped: number;
  conversationsKept: number;
  conversationsDropped: number;
  /** False when no conversation has an account id: only the conversation threshold applied. */
  accountsKnown: boolean;
}

export const REVIEW_FORMAT = 'task-atlas.review-bundle';
/** Version written (signed); versions 1 (no Figure 2 drill-down, no runs) and 2 (unsigned) are still read. */
export const REVIEW_VERSION = 3;
export const READABLE_VERSIONS: readonly number[] = [1, 2, 3];
export const REVIEW_EXTENSION = '.taskatlas-review.json';

// Every number a bundle carries has a range the method cannot leave; a value outside it (a share
// of -5, a count of 1e308) is a damaged or edited bundle, refused rather than drawn. Computed
// shares may land a rounding error outside their range, hence the small tolerance.
const EPS = 1e-9;
/** A percentage on the 0-100 scale. */
const pct = z.number().min(-EPS).max(100 + EPS);
/** A fraction on 0..1. */
const fraction = z.number().min(-EPS).max(1 + EPS);
/** A count: a non-negative integer a double holds exactly. */
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A weighted count (an occupation in two zones counts half in each): non-negative, not always whole. */
const tally = z.number().min(0).max(Number.MAX_SAFE_INTEGER);
/** Non-negative amounts without a natural ceiling (ratios, wages, employment, sums of shares). */
const amount = z.number().min(0).max(1e15);
const coefficient = z.number().min(-1 - EPS).max(1 + EPS).nullable();
const zone = z.number().int().min(1).max(5);

// Ids that name an object's own machinery: a source "__proto__" made reports["__proto__"] answer
// with Object.prototype (and zod's records drop such keys silently), so they are refused outright.
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const reservedMessage = (k: string) => `"${k}" cannot be used as an id`;
const safeId = z.string().min(1).refine((k) => !RESERVED_KEYS.has(k), { error: (i) => reservedMessage(String(i.input)) });

/** A record keyed by ids: the keys are checked on the input, before zod builds its output. */
function safeRecord<T extends z.ZodType>(value: T) {
  return z.preprocess((input, ctx) => {
    if (typeof input === 'object' && input !== null) {
      for (const k of Object.keys(input).filter((key) => RESERVED_KEYS.has(key))) {
        ctx.addIssue({ code: 'custom', path: [k], message: reservedMessage(k), input });
      }
    }
    return input;
  }, z.record(safeId, value));
}

const sourceRef = z.object({ id: safeId, label: z.string(), kind: z.enum(['release', 'run']) });

const correlation = z.object({
  n: count,
  pearson: coefficient,
  spearman: coefficient,
  kendallTauB: coefficient,
  mse: amount.nullable(),
});

const depthPoint = z.object({ threshold: fraction, shareOfOccupations: fraction });

const jobZoneRow = z.object({
  zone,
  convPct: pct,
  basePct: pct,
  repRatio: amount,
  occupationPct: pct,
  occupations: tally,
});

/** A ReproduceReport as version-1 bundles hold it: everything but Figure 2's drill-down. */
const reportFieldsV1 = {
  source: sourceRef,
  categories: z.array(
    z.object({ code: z.string(), title: z.string(), usagePct: pct, blsPct: pct.nullable(), blsEmployment: amount.nullable() }),
  ),
  categoryCorrelation: correlation,
  topOccupations: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      category: z.string(),
      usagePct: pct,
      tasks: count,
      tasksWithUsage: count,
    }),
  ),
  topTasks: z.array(z.object({ task: z.string(), usagePct: pct, occupations: count })),
  depth: z.object({ occupations: count, curve: z.array(depthPoint), marks: z.array(depthPoint) }),
  wage: z.object({
    points: z.array(
      z.object({ code: z.string(), title: z.string(), category: z.string(), medianWage: amount, usagePct: pct }),
    ),
    dropped: count,
    correlation,
  }),
  jobZones: z.array(
    z.object({
      variant: z.enum(['release-wage-data', 'onet-crosswalk', 'onet-task-text']),
      label: z.string(),
      rows: z.array(jobZoneRow),
      coverage: z.object({
        tasksMatched: count,
        tasksWithUsage: count,
        usageMatchedPct: pct,
        occupationsMatched: count,
        occupationsTotal: count,
      }),
    }),
  ),
  automation: z
    .object({
      patterns: z.array(z.object({ pattern: z.string(), pct, mode: z.enum(['automation', 'augmentation']) })),
      automationPct: pct,
      augmentationPct: pct,
      excludedPct: pct,
    })
    .nullable(),
  matching: z.object({
    mappingRows: count,
    matchedRows: count,
    unmatched: z.array(z.string()),
    rawSumPct: amount,
  }),
};

const drilldownSchema = z.array(
  z.object({
    code: z.string(),
    title: z.string(),
    usagePct: pct,
    occupations: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        usagePct: pct,
        jobZone: zone.nullable(),
        medianWage: amount.nullable(),
        tasksWithUsage: count,
        tasks: z.array(z.object({ task: z.string(), usagePct: pct })),
        otherTasksPct: pct,
      }),
    ),
  }),
);

export const reproduceReportSchema = z.object({ ...reportFieldsV1, drilldown: drilldownSchema });

/** Version 1 predates Figure 2: its reports read as having an empty drill-down. */
const reproduceReportSchemaV1 = z.object(reportFieldsV1).transform((r) => ({ ...r, drilldown: [] as DrilldownCategory[] }));

export const paperReferenceSchema = z.object({
  citation: z.string(),
  table2: z.array(z.object({ zone, convPct: pct, basePct: pct, repRatio: amount })),
  depth: z.array(depthPoint),
  automationPct: pct,
  augmentationPct: pct,
  categories: z.array(z.object({ title: z.string(), usagePct: pct })),
});

export const dataFileSchema = z.object({
  kind: z.string(),
  dataset: z.string(),
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  rows: count,
});

const patternBreakdown = z.object({
  name: z.string(),
  conversations: count,
  automationPct: pct,
  augmentationPct: pct,
  nonePct: pct,
  patternPct: safeRecord(pct).optional(),
});

// The hierarchy analyses (Figures 11, 12, Figure 8 by task, B.5) are optional: older bundles lack them.
const levelTaskShare = z.object({ nodeId: z.string(), task: z.string(), pct });
const modelTaskRow = z.object({
  nodeId: z.string(),
  task: z.string(),
  shares: safeRecord(pct),
  difference: z.number().min(-100 - EPS).max(100 + EPS).nullable(),
  ratio: amount.nullable(),
});
const modelTaskComparison = z.object({
  models: z.array(z.object({ model: z.string(), conversations: count })),
  compared: z.array(z.string()).max(2),
  levels: z.object({ top: z.array(modelTaskRow), middle: z.array(modelTaskRow), base: z.array(modelTaskRow) }),
});
const characteristicTasks = z.object({
  pattern: z.string(),
  tasks: z.array(z.object({ task: z.string(), conversations: count, pct })),
});

// Single vs multi-task shares of a k = 3 run (src-shared/multi-task.ts); null for a single-task run.
const singleMultiShare = z.object({ key: z.string(), label: z.string(), single: pct, multi: pct });
const singleMultiRecovered = z.object({ both: count, singleOnly: count, multiOnly: count });
const multiTaskReport = z.object({
  k: count,
  conversations: count,
  meanTasksPerConversation: amount,
  tasksChosen: z.array(z.object({ tasks: count, conversations: count })),
  tasks: z.object({ single: z.object({ total: count, kept: count }), multi: z.object({ total: count, kept: count }) }),
  metrics: z.object({ category: correlation, occupation: correlation, task: correlation }),
  recovered: z.object({ occupation: singleMultiRecovered, task: singleMultiRecovered }),
  shares: z.object({ category: z.array(singleMultiShare), occupation: z.array(singleMultiShare), task: z.array(singleMultiShare) }),
});

// B.7 composition (src-shared/composition.ts); null when the run did not ask, absent in older bundles.
const compositionLevelShare = z.object({
  level: z.enum(COMPOSITION_LEVELS), label: z.string(), conversations: count, pct, cumulativePct: pct,
});
const compositionShares = z.object({
  conversations: count,
  dimensions: z.array(z.object({ dimension: z.enum(COMPOSITION_DIMENSIONS), levels: z.array(compositionLevelShare) })),
});
const compositionReport = z.object({
  promptVersion: z.string(),
  beforeScreening: compositionShares,
  afterScreening: compositionShares,
  unclassified: count,
  topTasks: z.array(z.object({
    group: z.enum(['non-work', 'coursework']), label: z.string(), conversations: count, tasksUnderThresholds: count,
    tasks: z.array(z.object({ nodeId: z.string(), task: z.string(), conversations: count, pct })),
  })),
});

// Bootstrap intervals (src-shared/uncertainty.ts): settings and, per measure, shares with bounds.
const shareInterval = z.object({ key: z.string(), label: z.string(), pct, ciLow: pct, ciHigh: pct });
const uncertaintySettings = z.object({
  method: z.literal('percentile bootstrap'), replicates: count, seed: count, clusteredBy: z.enum(['account', 'conversation']),
  clusters: count, level: z.number().min(0).max(1),
});
const runIntervals = z.object(Object.fromEntries(MEASURES.map((m) => [m, z.array(shareInterval)])) as Record<(typeof MEASURES)[number], z.ZodArray<typeof shareInterval>>);

/** A classification run's aggregates (Figures 5, 8, 10): counts and shares only, never conversations. */
export const runReportSchema = z.object({
  run: safeId,
  method: z.enum(['claude', 'offline-embedding']),
  sourceId: safeId,
  thresholds: z.object({ minConversations: count, minAccounts: count, accountsApplied: z.boolean().optional() }),
  accountsKnown: z.boolean(),
  tasks: z.object({ total: count, kept: count, dropped: count, conversationsKept: count, conversationsDropped: count }),
  conversationVsAccount: z.object({
    categories: z.array(z.object({ title: z.string(), byConversations: pct, byAccounts: pct })),
    correlation,
  }),
  skills: z.array(z.object({ skill: z.string(), pct })),
  skillsNonePct: pct.optional(),
  byModel: z.array(
    z.object({ model: z.string(), conversations: count, categories: z.array(z.object({ title: z.string(), usagePct: pct })) }),
  ),
  patternsByTask: z.array(patternBreakdown),
  patternsByOccupation: z.array(patternBreakdown),
  multiTask: multiTaskReport.nullable().optional(),
  topLevelTasks: z.array(levelTaskShare).optional(),
  middleLevelTasks: z.array(levelTaskShare).optional(),
  modelTasks: modelTaskComparison.optional(),
  characteristicTasks: z.array(characteristicTasks).optional(),
  composition: compositionReport.nullable().optional(),
  uncertainty: uncertaintySettings.nullable().optional(),
  intervals: runIntervals.nullable().optional(),
  timeSpan: z.object({
    window: z.object({ from: z.string().optional(), to: z.string().optional() }).nullable(),
    first: z.string().nullable(), last: z.string().nullable(), dated: count, undated: count,
  }).optional(),
});

/** What the source project's run list said about each run (classify.runs in review mode). */
export const runInfoSchema = z.object({
  run: safeId,
  method: z.enum(['claude', 'offline-embedding']),
  datasets: z.array(z.string()),
  hierarchyId: z.string(),
  status: z.string(),
  createdAt: z.string(),
  conversations: count,
  classified: count,
  screenedOut: count,
  unclassified: count,
  sourceId: safeId.nullable(),
});

const bundleFields = {
  format: z.literal(REVIEW_FORMAT),
  title: z.string(),
  createdAt: z.string(),
  appVersion: z.string(),
  sources: z.array(sourceRef).min(1),
  paper: paperReferenceSchema.optional(),
  provenance: z.object({ dataFiles: z.array(dataFileSchema) }),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
};

const bundleV1 = z.object({ ...bundleFields, version: z.literal(1), reports: safeRecord(reproduceReportSchemaV1) });

const bundleV2Fields = {
  ...bundleFields,
  reports: safeRecord(reproduceReportSchema),
  /** Run reports by run name; each run's usage source is one of `sources`. */
  runs: safeRecord(runReportSchema).optional(),
  runInfo: safeRecord(runInfoSchema).optional(),
};

const bundleV2 = z.object({ ...bundleV2Fields, version: z.literal(2) });

/** Version 3: the same content, signed by the installation that wrote it (review-integrity.ts). */
const bundleV3 = z.object({ ...bundleV2Fields, version: z.literal(3), signature: signatureSchema });

export const reviewBundleSchema = z
  .discriminatedUnion('version', [bundleV1, bundleV2, bundleV3])
  .superRefine((bundle, ctx) => {
    for (const source of bundle.sources) {
      if (!Object.hasOwn(bundle.reports, source.id)) {
        ctx.addIssue({ code: 'custom', path: ['reports', source.id], message: `no report for source "${source.id}"` });
      }
    }
    if (bundle.version === 1) return;
    for (const [name, run] of Object.entries(bundle.runs ?? {})) {
      if (run.run !== name) ctx.addIssue({ code: 'custom', path: ['runs', name], message: `run "${name}" holds the report of "${run.run}"` });
      if (!Object.hasOwn(bundle.reports, run.sourceId)) {
        ctx.addIssue({ code: 'custom', path: ['runs', name, 'sourceId'], message: `no report for the run's source "${run.sourceId}"` });
      }
      if (!bundle.runInfo || !Object.hasOwn(bundle.runInfo, name)) ctx.addIssue({ code: 'custom', path: ['runInfo', name], message: `no run info for run "${name}"` });
    }
  })
  // One shape for readers: a version-1 bundle simply has no runs.
  .transform((bundle) => ({ ...bundle, runs: 'runs' in bundle ? (bundle.runs ?? {}) : {}, runInfo: 'runInfo' in bundle ? (bundle.runInfo ?? {}) : {} }));

export type ReviewBundle = z.output<typeof reviewBundleSchema>;

// Compile-time guards: the schema's output must stay assignable to the shared report types.
const reportCheck: z.ZodType<ReproduceReport> = reproduceReportSchema;
const reportV1Check: z.ZodType<ReproduceReport> = reproduceReportSchemaV1;
const runCheck: z.ZodType<RunReport> = runReportSchema;
const runInfoCheck: z.ZodType<RunInfo> = runInfoSchema;
const paperCheck: z.ZodType<PaperReference> = paperReferenceSchema;
const sourceCheck: z.ZodType<SourceRef> = sourceRef;
void [reportCheck, reportV1Check, runCheck, runInfoCheck, paperCheck, sourceCheck];
