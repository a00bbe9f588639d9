// The review bundle's format (a `.taskatlas-review.json` file): aggregated ReproduceReports per
// usage source, the paper's published numbers and the provenance of the data files. One schema for
// the engine that writes bundles and the renderer that opens them (pure zod, so src-shared).
import { z } from 'zod';
import type { PaperReference, ReproduceReport, SourceRef } from './report';

export const REVIEW_FORMAT = 'task-atlas.review-bundle';
export const REVIEW_VERSION = 1;
export const REVIEW_EXTENSION = '.taskatlas-review.json';

const num = z.number();
const nullableNum = z.number().nullable();

const sourceRef = z.object({ id: z.string().min(1), label: z.string(), kind: z.enum(['release', 'run']) });

const correlation = z.object({
  n: num,
  pearson: nullableNum,
  spearman: nullableNum,
  kendallTauB: nullableNum,
  mse: nullableNum,
});

const depthPoint = z.object({ threshold: num, shareOfOccupations: num });

const jobZoneRow = z.object({
  zone: num,
  convPct: num,
  basePct: num,
  repRatio: num,
  occupationPct: num,
  occupations: num,
});

export const reproduceReportSchema = z.object({
  source: sourceRef,
  categories: z.array(
    z.object({ code: z.string(), title: z.string(), usagePct: num, blsPct: nullableNum, blsEmployment: nullableNum }),
  ),
  categoryCorrelation: correlation,
  topOccupations: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      category: z.string(),
      usagePct: num,
      tasks: num,
      tasksWithUsage: num,
    }),
  ),
  topTasks: z.array(z.object({ task: z.string(), usagePct: num, occupations: num })),
  depth: z.object({ occupations: num, curve: z.array(depthPoint), marks: z.array(depthPoint) }),
  wage: z.object({
    points: z.array(
      z.object({ code: z.string(), title: z.string(), category: z.string(), medianWage: num, usagePct: num }),
    ),
    dropped: num,
    correlation,
  }),
  jobZones: z.array(
    z.object({
      variant: z.enum(['release-wage-data', 'onet-crosswalk']),
      label: z.string(),
      rows: z.array(jobZoneRow),
      coverage: z.object({
        tasksMatched: num,
        tasksWithUsage: num,
        usageMatchedPct: num,
        occupationsMatched: num,
        occupationsTotal: num,
      }),
    }),
  ),
  automation: z
    .object({
      patterns: z.array(z.object({ pattern: z.string(), pct: num, mode: z.enum(['automation', 'augmentation']) })),
      automationPct: num,
      augmentationPct: num,
      excludedPct: num,
    })
    .nullable(),
  matching: z.object({
    mappingRows: num,
    matchedRows: num,
    unmatched: z.array(z.string()),
    rawSumPct: num,
  }),
});

export const paperReferenceSchema = z.object({
  citation: z.string(),
  table2: z.array(z.object({ zone: num, convPct: num, basePct: num, repRatio: num })),
  depth: z.array(depthPoint),
  automationPct: num,
  augmentationPct: num,
  categories: z.array(z.object({ title: z.string(), usagePct: num })),
});

export const dataFileSchema = z.object({
  kind: z.string(),
  dataset: z.string(),
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  rows: z.number().int().nonnegative(),
});

export const reviewBundleSchema = z
  .object({
    format: z.literal(REVIEW_FORMAT),
    version: z.literal(REVIEW_VERSION),
    title: z.string(),
    createdAt: z.string(),
    appVersion: z.string(),
    sources: z.array(sourceRef).min(1),
    reports: z.record(z.string(), reproduceReportSchema),
    paper: paperReferenceSchema.optional(),
    provenance: z.object({ dataFiles: z.array(dataFileSchema) }),
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .superRefine((bundle, ctx) => {
    for (const source of bundle.sources) {
      if (!(source.id in bundle.reports)) {
        ctx.addIssue({ code: 'custom', path: ['reports', source.id], message: `no report for source "${source.id}"` });
      }
    }
  });

export type ReviewBundle = z.infer<typeof reviewBundleSchema>;

// Compile-time guards: the schema's output must stay assignable to the shared report types.
const reportCheck: z.ZodType<ReproduceReport> = reproduceReportSchema;
const paperCheck: z.ZodType<PaperReference> = paperReferenceSchema;
const sourceCheck: z.ZodType<SourceRef> = sourceRef;
void reportCheck;
void paperCheck;
void sourceCheck;
