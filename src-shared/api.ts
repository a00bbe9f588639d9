// The one typed API contract. Every call the renderer (or any other client) can make is listed in
// API_CALLS with its argument schema; ApiResults gives its result type and ApiProgress the progress
// events it may emit. Electron IPC (src-main/ipc) and the HTTP transport (src-main/http) both
// dispatch through this table, so a call cannot exist on one transport and not the other.
import { z } from 'zod';
import type { PaperReference, ReproduceReport, SourceRef } from './report';
import { API_CALL_NAMES, type ApiCall } from './calls';

export { API_CALL_NAMES, type ApiCall };

export const IMPORT_KINDS = [
  'onet-tasks',
  'onet-occupations',
  'onet-job-zones',
  'onet-skills',
  'soc-structure',
  'soc-crosswalk',
  'bls-major-employment',
  'oews-national',
  'wages',
  'usage-tasks',
  'usage-patterns',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

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
    })
    .strict(),
  'reference.importRelease': z
    .object({ dir: z.string().min(1), id: z.string().min(1).optional(), label: z.string().optional() })
    .strict(),
  'analysis.reproduce': z.object({ sourceId: z.string().min(1).optional() }).strict(),
  'paper.reference': z.object({}).strict(),
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

export interface ApiResults {
  'app.info': AppInfo;
  'sources.list': SourceRef[];
  'reference.status': DatasetStatus[];
  'reference.importFile': ImportResult;
  'reference.importRelease': SourceRef;
  'analysis.reproduce': ReproduceReport;
  'paper.reference': PaperReference;
}

/** Progress events a call may emit while it runs (calls absent here emit none). */
export interface ApiProgress {
  'reference.importFile': { file: string; rowsRead: number; phase: 'parse' | 'write' };
  'reference.importRelease': { file: string; rowsRead: number; phase: 'parse' | 'write' };
}

/** Errors cross transports as data; `kind` lets the UI tell a bad file from a bug. */
export interface ApiErrorPayload {
  kind: 'invalid-args' | 'import' | 'not-found' | 'cancelled' | 'internal';
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
export type ApiClient = {
  [K in ApiCall]: (args: ApiArgs<K>) => Promise<ApiResults[K]>;
};
