// Exports a usage source (a release) or a classification run as analysis-ready files: CSV, R-ready
// CSV with a codebook, Stata .dta and Parquet, plus manifest.json with provenance and the size and
// sha256 of every file in the folder. The folder appears only complete (staging.ts); the export job
// adds the HTML report, charts and review bundle to the same staged folder before it commits.
// Privacy by default: tasks under the run's thresholds, conversation text and account ids never
// leave the project unless the caller opts in to the latter two.
import { resolve } from 'node:path';
import type { Db } from '../../db/open';
import { InvalidInputError, NotFoundError } from '../errors';
import type { PaperReference, RunReport, SourceRef } from '../../../src-shared/report';
import { reproduce } from '../analyze/reproduce';
import { loadPaper } from '../analyze/paper';
import { runReport } from '../classify/report';
import { ClassifyConfigSchema, type ClassifyConfig } from '../classify/config';
import { reproduceTables } from './report-tables';
import { conversationsTable, keptTasks, runTables, type PrivacyChoices } from './run-tables';
import { reconstructionTables } from './reconstruct-tables';
import { loadReport as storedReconstruction } from '../reconstruct/store';
import { renderFiles, type ExportFormat } from './write';
import { replicationInputs, replicationScripts } from './replication';
import { appVersion, conversationFiles, dataFiles, manifestUncertainty, MANIFEST_SELF_NOTE, methodParameters, runInfo, softwareVersions, type Manifest } from './manifest';
import { ExportStaging, refuseForeignTarget } from './staging';
import type { Table } from './table';
import { ACCOUNTS_NOT_APPLIED, appliedThresholds } from '../../../src-shared/thresholds';
import { timeSpanText } from '../../../src-shared/time-window';

export type { Manifest } from './manifest';
export type { ExportFormat } from './write';

export interface ExportOptions {
  /** A usage source id, e.g. "aei-2025-02-10". Exactly one of source / run. */
  source?: string;
  /** A classification run id: exports the report of its thresholded source "run:<id>" and the run tables. */
  run?: string;
  dir: string;
  formats?: ExportFormat[];
  includeConversationText?: boolean;
  includeAccountIds?: boolean;
  /** Where reference/paper-figures.json lives: adds the paper's Table 2 next to ours. */
  resourcesDir?: string;
  /** Adds the analyses' input tables and replicate.R/.py/.do, which recompute the headline tables (needs csv). */
  replication?: boolean;
  /** Release whose wage/SOC/BLS files a run's analyses use (default: the one the run used last, else aei-2025-02-10). */
  referenceDataset?: string;
  now?: Date;
}

export interface ExportResult {
  dir: string;
  files: string[];
  manifest: Manifest;
  /** The run's report (Figures 5, 8, 10) when a run was exported: pass it on as the HTML report's `run`. */
  runReport: RunReport | null;
}

export const ALL_FORMATS: ExportFormat[] = ['csv', 'r', 'dta', 'parquet'];

interface Content {
  source: SourceRef;
  tables: Table[];
  cfg: ClassifyConfig | null;
  tasksKept: number;
  runReport: RunReport | null;
}

export function exportResults(db: Db, opts: ExportOptions): ExportResult {
  return stageExport(db, opts).commit();
}

/** An export whose tables are written into its staging folder; more files may be added before commit(). */
export interface StagedExport {
  staging: ExportStaging;
  /** The manifest so far; its file list is made at commit from what the staging folder holds. */
  manifest: Manifest;
  /** Table files written (relative paths), for the caller's message. */
  tableFiles: string[];
  runReport: RunReport | null;
  /** Lists every file written, writes manifest.json last and moves the folder into place. */
  commit(): ExportResult;
}

/** Builds the content first (a bad request is refused before anything is written), then stages it. */
export function stageExport(db: Db, opts: ExportOptions): StagedExport {
  if ((opts.source === undefined) === (opts.run === undefined)) throw new InvalidInputError('export needs exactly one of source or run');
  refuseForeignTarget(resolve(opts.dir));
  const privacy: PrivacyChoices = {
    includeConversationText: opts.includeConversationText === true,
    includeAccountIds: opts.includeAccountIds === true,
  };
  const formats = opts.formats ?? ALL_FORMATS;
  const now = opts.now ?? new Date();
  const paper = loadPaper(opts.resourcesDir);
  const content = opts.run !== undefined ? runContent(db, opts.run, opts, privacy, paper) : sourceContent(db, opts.source as string, paper);
  if (opts.replication === true) content.tables.push(...replicationInputs(db, content.source.id, formats));
  const { files, truncated } = renderFiles(content.tables, formats, `Task Atlas export of ${content.source.label}`, now);
  if (opts.replication === true) for (const [rel, bytes] of replicationScripts()) files.set(rel, bytes);
  const manifest: Manifest = {
    format: 'task-atlas.export',
    version: 1,
    app: { name: 'task-atlas', version: appVersion() },
    software: softwareVersions(db),
    exportedAt: now.toISOString(),
    source: content.source,
    run: runInfo(content.cfg, content.tasksKept),
    hierarchyId: content.cfg?.hierarchyId ?? null,
    thresholds: manifestThresholds(content),
    uncertainty: manifestUncertainty(content.runReport),
    timeSpan: content.runReport?.timeSpan ? { ...content.runReport.timeSpan, note: timeSpanText(content.runReport.timeSpan) } : null,
    method: methodParameters(content.cfg),
    dataFiles: dataFiles(db, content.source.id),
    conversationFiles: conversationFiles(db, content.cfg),
    privacy: { ...privacy, tasksBelowThresholds: content.cfg ? 'excluded' : 'not-applicable' },
    formats,
    tables: content.tables.map((t) => ({ name: t.name, rows: t.rows.length, ...(truncated.has(t.name) ? { truncatedInDta: truncated.get(t.name) } : {}) })),
    filesNote: MANIFEST_SELF_NOTE,
    files: [],
  };
  const staging = ExportStaging.begin(opts.dir);
  try {
    for (const [rel, bytes] of files) staging.write(rel, bytes);
  } catch (err) {
    staging.abandon();
    throw err;
  }
  const staged: StagedExport = {
    staging,
    manifest,
    tableFiles: [...files.keys()],
    runReport: content.runReport,
    commit: () => {
      try {
        staged.manifest = { ...staged.manifest, files: staging.list() };
        const written = staging.commit(Buffer.from(JSON.stringify(staged.manifest, null, 2) + '\n', 'utf8'));
        return { dir: staging.target, files: written, manifest: staged.manifest, runReport: content.runReport };
      } finally {
        staging.abandon();
      }
    },
  };
  return staged;
}

function sourceContent(db: Db, sourceId: string, paper: PaperReference | null): Content {
  const report = reproduce(db, sourceId);
  return { source: report.source, tables: reproduceTables(report, paper), cfg: null, tasksKept: 0, runReport: null };
}

function runContent(db: Db, runId: string, opts: ExportOptions, privacy: PrivacyChoices, paper: PaperReference | null): Content {
  const json = db.prepare('SELECT config_json FROM classify_run WHERE id = ?').pluck().get(runId) as string | undefined;
  if (!json) throw new NotFoundError(`no classification run "${runId}"`);
  const cfg = ClassifyConfigSchema.parse(JSON.parse(json));
  const reference = opts.referenceDataset ?? previousReference(db, `run:${cfg.name}`) ?? 'aei-2025-02-10';
  // runReport (re)writes the thresholded source run:<id>, so the shared analyses below see only kept tasks.
  const report = runReport(db, runId, reference);
  const shared = reproduce(db, report.sourceId);
  const kept = keptTasks(db, cfg);
  const tables = [...reproduceTables(shared, paper), ...runTables(report, kept), ...reconstructionTables(storedReconstruction(db, runId))];
  if (privacy.includeConversationText || privacy.includeAccountIds) tables.push(conversationsTable(db, runId, kept, privacy));
  return { source: shared.source, tables, cfg, tasksKept: kept.length, runReport: report };
}

function previousReference(db: Db, sourceId: string): string | undefined {
  const row = db.prepare('SELECT wage_dataset FROM usage_source WHERE id = ?').pluck().get(sourceId) as string | null | undefined;
  return row ?? undefined;
}

/** The run's thresholds as they applied: the account threshold only when accounts are known. */
function manifestThresholds(content: Content): Manifest['thresholds'] {
  if (!content.cfg) return null;
  const applied = content.runReport ? appliedThresholds(content.runReport).accountsApplied : true;
  return { ...content.cfg.thresholds, accountsApplied: applied, ...(applied ? {} : { note: ACCOUNTS_NOT_APPLIED }) };
}
