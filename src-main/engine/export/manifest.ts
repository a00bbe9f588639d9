// manifest.json: enough provenance to say exactly what produced an export (software versions, method
// parameters, inputs with their hashes, run configuration, thresholds, privacy choices) and the size
// and sha256 of every other file in the folder, which `task-atlas verify DIR` checks (verify.ts).
import { sha256 } from '../base/hash';
import type { Db } from '../../db/open';
import type { RunReport, SourceRef } from '../../../src-shared/report';
import { NO_INTERVALS_OFF, NO_INTERVALS_RELEASE, uncertaintyText, type UncertaintySettings } from '../../../src-shared/uncertainty';
import { DEMO_PROVENANCE } from '../../../src-shared/demo';
import type { ClassifyConfig } from '../classify/config';
import type { PrivacyChoices } from './run-tables';
import type { TimeSpan } from '../../../src-shared/time-window';
import { inputFiles, type DataFile } from './input-files';
import type { Software } from './software';
import type { MethodParameters } from './method';

export type { DataFile } from './input-files';
export { appVersion, softwareVersions } from './software';
export { methodParameters } from './method';

/** Said in the manifest itself: it lists every file but one. */
export const MANIFEST_SELF_NOTE = 'every file in this folder except manifest.json itself, which cannot hold its own hash';

export interface Manifest {
  format: 'task-atlas.export';
  version: 1;
  app: { name: string; version: string };
  /** App version and commit, Node, Electron, SQLite and package versions. */
  software: Software;
  exportedAt: string;
  source: SourceRef;
  run: {
    id: string;
    method: string;
    datasets: string[];
    models: Record<string, string>;
    promptVersions: Record<string, string>;
    /** The sentence-embedding model (offline classification, reconstruction). */
    embeddingModel: string;
    tasksKept: number;
    /** "demo (simulated answers)" for a run made in demo mode. */
    provenance?: string;
  } | null;
  hierarchyId: string | null;
  /** With accountsApplied false (and a note) when the conversations carry no account ids. */
  thresholds: { minConversations: number; minAccounts: number; accountsApplied: boolean; note?: string } | null;
  /** How the run's 95% intervals were drawn (confidence_intervals table), or why there are none. */
  uncertainty: (UncertaintySettings & { note: string }) | { note: string };
  /** The run's time window and the span of timestamps it covers; null for a release. */
  timeSpan: (TimeSpan & { note: string }) | null;
  /** Matching rule, occupation split, Figure 4 steps, wage cutoff, "none", BLS denominator, the run's settings. */
  method: MethodParameters;
  /** The imported reference files the numbers came from: the same list as a review bundle of this source. */
  dataFiles: DataFile[];
  conversationFiles: { dataset: string; file: string; sha256: string; rows: number }[];
  privacy: PrivacyChoices & { tasksBelowThresholds: 'excluded' | 'not-applicable' };
  formats: string[];
  tables: { name: string; rows: number; truncatedInDta?: string[] }[];
  /** What `files` covers (MANIFEST_SELF_NOTE). */
  filesNote: string;
  files: { path: string; bytes: number; sha256: string }[];
}

export { sha256 };

/** A release has no conversations to resample; a run reported with 0 replicates has no intervals. */
export function manifestUncertainty(run: RunReport | null | undefined): Manifest['uncertainty'] {
  if (!run) return { note: NO_INTERVALS_RELEASE };
  if (!run.uncertainty) return { note: NO_INTERVALS_OFF };
  return { ...run.uncertainty, note: uncertaintyText(run.uncertainty) };
}

/** The imported reference files a source's analyses read (usage, tasks, wages, SOC, BLS, O*NET). */
export function dataFiles(db: Db, sourceId: string): DataFile[] {
  return inputFiles(db, [sourceId]);
}

export function conversationFiles(db: Db, cfg: ClassifyConfig | null): Manifest['conversationFiles'] {
  if (!cfg) return [];
  return db
    .prepare(
      `SELECT dataset, file, sha256, rows_read AS rows FROM conversation_import
       WHERE dataset IN (${cfg.datasets.map(() => '?').join(', ')}) ORDER BY dataset, file`,
    )
    .all(...cfg.datasets) as Manifest['conversationFiles'];
}

export function runInfo(cfg: ClassifyConfig | null, tasksKept: number): Manifest['run'] {
  if (!cfg) return null;
  return {
    id: cfg.name,
    method: cfg.method,
    datasets: cfg.datasets,
    models: cfg.models,
    promptVersions: cfg.promptVersions,
    embeddingModel: cfg.embeddingModel,
    tasksKept,
    ...(cfg.demo ? { provenance: DEMO_PROVENANCE } : {}),
  };
}
