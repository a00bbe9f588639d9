// The one typed API contract. Every call the renderer (or any other client) can make is listed in
// API_CALLS with its argument schema; ApiResults gives its result type and ApiProgress the progress
// events it may emit. Electron IPC (src-main/ipc) and the HTTP transport (src-main/http) both
// dispatch through this table, so a call cannot exist on one transport and not the other.
import { z } from 'zod';
import type { PaperReference, ReproduceReport, RunReport, SourceRef, CorrelationMetrics } from './report';
import { API_CALL_NAMES, type ApiCall } from './calls';
import { JOB_ARGS, JobStartSchema, type JobInfo } from './jobs';
import { SettingsPatchSchema, type ApiKeyStatus, type SettingsView } from './settings';
import type { ReviewBundle, RunInfo } from './review-bundle';
import type { DemoStartResult, DemoStatus } from './demo';
import type { ReconstructEstimate, ReconstructionReport } from './reconstruct';
import type { SensitivityReport } from './sensitivity';

export type { RunInfo } from './review-bundle';
import type { ValidationPacket } from './validation';
import type { CorrectedShares, ValidationReport } from './validation-report';

export { API_CALL_NAMES, type ApiCall };

import { IMPORT_KINDS, type ImportKind } from './kinds';
export { IMPORT_KINDS, type ImportKind };

export const API_CALLS = {
  'app.info': z.object({}).strict(),
  'sources.list': z.object({}).strict(),
  'reference.status': z.object({}).strict(),
  'reference.importFile': z
    .object({
      kind: z.enum(IMPORT_KINDS),
      path: z.string().min(1),
      /** Dataset the rows belong to, e.g. "onet-29.2"; defaults per kind. */
      dataset: z.string().min(1).optional(),
      /** Overwrite the dataset's file of this kind when it holds a different one (refused otherwise). */
      replace: z.boolean().optional(),
    })
    .strict(),
  'reference.importRelease': z
    .object({ dir: z.string().min(1), id: z.string().min(1).optional(), label: z.string().optional(), replace: z.boolean().optional() })
    .strict(),
  'analysis.reproduce': z.object({ sourceId: z.string().min(1).optional() }).strict(),
  'paper.reference': z.object({}).strict(),

  // Wizard: project
  'project.current': z.object({}).strict(),
  'project.open': z.object({ path: z.string().min(1) }).strict(),
  'project.create': z.object({ path: z.string().min(1) }).strict(),
  'project.recent': z.object({}).strict(),
  'project.steps': z.object({}).strict(),

  // Reference data
  'reference.importBundled': z.object({}).strict(),
  'reference.preview': z.object({ kind: z.enum(IMPORT_KINDS), path: z.string().min(1) }).strict(),

  // Hierarchy
  'hierarchy.list': z.object({}).strict(),
  'hierarchy.estimate': z.object({ config: JOB_ARGS['hierarchy.build'] }).strict(),
  'hierarchy.nodes': z
    .object({
      id: z.string().min(1),
      /** Children of this node; absent = the top level. */
      parent: z.string().min(1).optional(),
      /** Case-insensitive substring search over names and descriptions (overrides parent). */
      search: z.string().min(1).max(200).optional(),
      limit: z.number().int().min(1).max(5000).optional(),
    })
    .strict(),
  'hierarchy.import': z
    .object({
      path: z.string().min(1),
      /** Import under this id instead of the file's own (when the project has other content under it). */
      as: z.string().min(1).regex(/^[\w.-]+$/, 'letters, digits, ".", "_" or "-"').optional(),
    })
    .strict(),
  'hierarchy.export': z.object({ id: z.string().min(1), path: z.string().min(1) }).strict(),

  // Conversations
  'conversations.preview': z.object({ path: z.string().min(1), format: z.string().min(1).optional() }).strict(),
  'conversations.datasets': z.object({}).strict(),

  // Classify
  'classify.estimate': z.object({ config: JOB_ARGS['classify.run'] }).strict(),
  'classify.runs': z.object({}).strict(),

  // Analyses of own runs and comparisons
  /** `summary`: only the rows Explore's figures draw of the run's largest tables (RunReport.summary). */
  'analysis.runReport': z.object({ run: z.string().min(1), summary: z.boolean().optional() }).strict(),
  'analysis.compare': z.object({ a: z.string().min(1), b: z.string().min(1) }).strict(),
  /** A reported run's privacy-threshold sweep, from its stored classifications (no API calls). */
  'analysis.sensitivity': z
    .object({
      run: z.string().min(1),
      conversations: z.array(z.number().int().min(1)).min(1).max(20).optional(),
      accounts: z.array(z.number().int().min(1)).min(1).max(20).optional(),
    })
    .strict(),
  /** The cost of a reconstruction with these job arguments, before anything is sent. */
  'reconstruct.estimate': z.object({ config: JOB_ARGS['reconstruct.run'] }).strict(),
  /** A run's Appendix G reconstruction (job "reconstruct.run"); null before one has finished. */
  'analysis.reconstruction': z.object({ run: z.string().min(1) }).strict(),
  'review.bundle': z.object({}).strict(),

  // Human validation, the analyst's side (validators label packets in the Validate step)
  'validate.sample': z
    .object({
      run: z.string().min(1),
      facet: z.enum(['task', 'pattern']),
      size: z.number().int().min(1).max(5000).optional(),
      method: z.enum(['simple', 'stratified']).optional(),
      seed: z.number().int().optional(),
      /** Replace names, e-mail addresses, phone numbers … in the conversations shown to validators. */
      redact: z.boolean().optional(),
      /** Also write the packet to this file (the browser build downloads it instead). */
      outPath: z.string().min(1).optional(),
    })
    .strict(),
  'validate.importLabels': z.object({ paths: z.array(z.string().min(1)).min(1).max(100) }).strict(),
  /** The same, from the contents of files the user chose or dropped (the browser cannot send paths). */
  'validate.importLabelsContent': z
    .object({
      files: z
        .array(z.object({ name: z.string().min(1).max(500), text: z.string().max(10_000_000) }).strict())
        .min(1)
        .max(100),
    })
    .strict(),
  'validate.report': z.object({ run: z.string().min(1) }).strict(),

  // Jobs
  'jobs.start': JobStartSchema,
  'jobs.list': z.object({}).strict(),
  'jobs.cancel': z.object({ id: z.string().min(1), mode: z.enum(['pause', 'cancel']) }).strict(),
  'jobs.resume': z.object({ id: z.string().min(1) }).strict(),
  'jobs.dismiss': z.object({ id: z.string().min(1) }).strict(),

  // Settings
  'settings.get': z.object({}).strict(),
  /** A baseURL that is neither https nor loopback needs confirmInsecureEndpoint (src-shared/endpoint.ts). */
  'settings.update': SettingsPatchSchema.extend({ confirmInsecureEndpoint: z.literal(true).optional() }).strict(),
  /** null removes the stored key. */
  'settings.setApiKey': z.object({ key: z.string().min(8).max(500).nullable() }).strict(),
  // Demo mode: the pipeline on the built-in fake Claude server and the bundled tiny model
  /** Opens (creating) the demo project and imports the bundled data and sample corpus; path: another demo file. */
  'demo.start': z.object({ path: z.string().min(1).optional() }).strict(),
  /** Leaves demo mode and reopens the project that was open before. */
  'demo.stop': z.object({}).strict(),
  'demo.status': z.object({}).strict(),
  /** Checks a model folder (says what is missing) and copies it into the model cache; model defaults to the current one. */
  'settings.installModel': z.object({ path: z.string().min(1), model: z.string().min(1).max(200).optional() }).strict(),
} as const satisfies Record<ApiCall, z.ZodType>;

export type ApiArgs<K extends ApiCall> = z.infer<(typeof API_CALLS)[K]>;

export interface AppInfo {
  version: string;
  projectPath: string;
  transport: 'ipc' | 'http';
}

export interface DatasetStatus {
  kind: ImportKind;
  dataset: string;
  file: string;
  sha256: string;
  rows: number;
  importedAt: string;
}

export interface ImportResult {
  kind: ImportKind;
  dataset: string;
  file: string;
  rows: number;
}

export interface ProjectInfo {
  path: string;
  /** File name without extension. */
  name: string;
  sizeBytes: number;
}

export interface RecentProject {
  path: string;
  openedAt: string;
  exists: boolean;
}

export type StepState = 'done' | 'partial' | 'todo';

/** What each wizard step already has in this project, so a reopened project resumes where it was. */
export interface StepStatus {
  reference: { state: StepState; datasets: number; summary: string };
  hierarchy: { state: StepState; hierarchies: number; summary: string };
  conversations: { state: StepState; conversations: number; summary: string };
  classify: { state: StepState; runs: number; summary: string };
  validate: { state: StepState; summary: string };
  explore: { state: StepState; sources: number; summary: string };
  export: { state: StepState; summary: string };
}

export interface BundledImportSummary {
  imported: number;
  skipped: number;
  files: string[];
}

export interface ReferencePreview {
  kind: ImportKind;
  file: string;
  columns: string[];
  /** First rows as read (strings), at most 20. */
  rows: string[][];
  /** Problems found without importing: missing required columns, bad encoding, … with file:line. */
  problems: { message: string; line?: number; column?: string | number }[];
  sizeBytes: number;
}

export interface HierarchySummary {
  id: string;
  name: string;
  status: string;
  /** Node count per level, base first. */
  sizes: number[];
  createdAt: string;
  taskDataset: string | null;
  model: string | null;
}

export interface HierarchyEstimate {
  model: string;
  priceKnown: boolean;
  baseTasks: number;
  targets: number[];
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  costUsdWithBatches: number;
}

export interface HierarchyNodeView {
  id: string;
  level: number;
  name: string;
  description: string;
  parent: string | null;
  children: number;
  /** Names from the top level down to the parent (search results only). */
  path?: string[];
}

export interface ConversationPreview {
  file: string;
  sizeBytes: number;
  /** The format 'auto' resolves to. */
  format: string;
  /** CSV only: header columns and a guessed mapping. */
  columns?: string[];
  suggestedMapping?: Record<string, string>;
  /** First conversations as they would be imported, or the reason each would be rejected. */
  samples: { line: number; messages?: number; firstUserText?: string; account?: string | null; model?: string | null; error?: string }[];
}

export interface ConversationDatasetInfo {
  dataset: string;
  conversations: number;
  accounts: number;
  /** Conversations that carry an account id (the account threshold counts distinct ones). */
  withAccount: number;
  files: string[];
  importedAt: string;
  badRows: number;
  /**
   * 'interrupted': the latest import of one of its files did not finish (a crash, a pause), so it
   * holds only part of that file; rerunning the import completes it. 'importing': one runs now.
   */
  status: 'complete' | 'interrupted' | 'importing';
  /** The files whose latest import did not finish (empty when complete). */
  incompleteFiles: string[];
}

export interface ClassifyEstimateView {
  conversations: number;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  costUsdWithCaching: number;
  costUsdWithBatches: number;
  priceKnown: boolean;
  note: string;
}


/** Two sources side by side: shares and the Appendix G metrics at each level. */
export interface SourceComparison {
  a: SourceRef;
  b: SourceRef;
  categories: { title: string; a: number; b: number }[];
  occupations: { code: string; title: string; a: number; b: number }[];
  tasks: { task: string; a: number; b: number }[];
  metrics: { level: 'category' | 'occupation' | 'task'; metrics: CorrelationMetrics }[];
  /** Items with usage in both sources, only in A, only in B (src-shared/compare.ts). */
  recovered: { occupation: { both: number; onlyA: number; onlyB: number }; task: { both: number; onlyA: number; onlyB: number } };
  /** 'all': every item with usage; 'top': only the reports' top lists were at hand (review mode), see notes. */
  scope: { occupation: 'all' | 'top'; task: 'all' | 'top' };
  notes: string[];
}

export interface ApiResults {
  'app.info': AppInfo;
  'sources.list': SourceRef[];
  'reference.status': DatasetStatus[];
  'reference.importFile': ImportResult;
  'reference.importRelease': SourceRef;
  'analysis.reproduce': ReproduceReport;
  'paper.reference': PaperReference;
  'project.current': ProjectInfo;
  'project.open': ProjectInfo;
  'project.create': ProjectInfo;
  'project.recent': RecentProject[];
  'project.steps': StepStatus;
  'reference.importBundled': BundledImportSummary;
  'reference.preview': ReferencePreview;
  'hierarchy.list': HierarchySummary[];
  'hierarchy.estimate': HierarchyEstimate;
  'hierarchy.nodes': HierarchyNodeView[];
  /** unchanged: the project already held this exact content under this id. */
  'hierarchy.import': { id: string; nodes: number; contentHash: string; unchanged: boolean };
  'hierarchy.export': { path: string };
  'conversations.preview': ConversationPreview;
  'conversations.datasets': ConversationDatasetInfo[];
  'classify.estimate': ClassifyEstimateView;
  'classify.runs': RunInfo[];
  'analysis.runReport': RunReport;
  'analysis.compare': SourceComparison;
  'analysis.reconstruction': ReconstructionReport | null;
  'reconstruct.estimate': ReconstructEstimate;
  'analysis.sensitivity': SensitivityReport;
  /** A review bundle of the current project (every source and run), for download from the browser build. */
  'review.bundle': ReviewBundle;
  'validate.sample': { packetId: string; items: number; file: string | null; packet: ValidationPacket };
  'validate.importLabels': LabelImportResult;
  'validate.importLabelsContent': LabelImportResult;
  'validate.report': ValidationReport & { correctedPatternShares: CorrectedShares | null };
  'jobs.start': JobInfo;
  'jobs.list': JobInfo[];
  'jobs.cancel': JobInfo;
  'jobs.resume': JobInfo;
  'jobs.dismiss': { id: string };
  'settings.get': SettingsView;
  'settings.update': SettingsView;
  'settings.setApiKey': ApiKeyStatus;
  'demo.start': DemoStartResult;
  'demo.stop': DemoStatus;
  'demo.status': DemoStatus;
  'settings.installModel': ModelInstallResult;
}

export interface LabelImportResult {
  files: number;
  added: number;
  replaced: number;
  keptExisting: number;
}

/** An embedding model installed from a folder: where it now lives, and the settings that use it. */
export interface ModelInstallResult {
  model: string;
  folder: string;
  view: SettingsView;
}

/** Progress events a call may emit while it runs (calls absent here emit none). */
export interface ApiProgress {
  'reference.importFile': { file: string; rowsRead: number; phase: 'parse' | 'write' };
  'reference.importRelease': { file: string; rowsRead: number; phase: 'parse' | 'write' };
}

/** Errors cross transports as data; `kind` lets the UI tell a bad file from a bug. */
export interface ApiErrorPayload {
  /**
   * invalid-args: the call's arguments break the contract; invalid-input: well-formed but not usable
   * (a value the method cannot have); import: a bad input file (file:line); unavailable: something the
   * work needs is missing right now (no API key, no embedding model, offline); internal: a bug, logged
   * with its stack, shown as "Something went wrong".
   */
  kind: 'invalid-args' | 'invalid-input' | 'import' | 'not-found' | 'unavailable' | 'cancelled' | 'conflict' | 'internal';
  /** A user-facing sentence; never names a CLI flag (the CLI adds its own hints). */
  message: string;
  file?: string;
  line?: number;
  /** 1-based column index or the column's header name. */
  column?: number | string;
}

export type ApiResponse<K extends ApiCall> =
  | { ok: true; result: ApiResults[K] }
  | { ok: false; error: ApiErrorPayload };

/** What preload exposes on window.taskAtlas and what the HTTP client implements. */
/** Per-call options: aborting `signal` cancels the call (the HTTP transport; IPC calls run to the end). */
export interface CallOptions {
  signal?: AbortSignal;
}

export type ApiClient = {
  [K in ApiCall]: (args: ApiArgs<K>, opts?: CallOptions) => Promise<ApiResults[K]>;
};
