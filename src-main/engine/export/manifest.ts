// manifest.json: enough provenance to say exactly what produced an export (app version, inputs
// with their hashes, run configuration, thresholds, privacy choices) and to check every file.
import { sha256 } from '../base/hash';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/open';
import type { SourceRef } from '../../../src-shared/report';
import { DEMO_PROVENANCE } from '../../../src-shared/demo';
import type { ClassifyConfig } from '../classify/config';
import type { PrivacyChoices } from './run-tables';

export interface DataFile {
  kind: string;
  dataset: string;
  file: string;
  sha256: string;
  rows: number;
}

export interface Manifest {
  format: 'task-atlas.export';
  version: 1;
  app: { name: string; version: string };
  exportedAt: string;
  source: SourceRef;
  run: {
    id: string;
    method: string;
    datasets: string[];
    models: Record<string, string>;
    promptVersions: Record<string, string>;
    tasksKept: number;
    /** "demo (simulated answers)" for a run made in demo mode. */
    provenance?: string;
  } | null;
  hierarchyId: string | null;
  /** With accountsApplied false (and a note) when the conversations carry no account ids. */
  thresholds: { minConversations: number; minAccounts: number; accountsApplied: boolean; note?: string } | null;
  dataFiles: DataFile[];
  conversationFiles: { dataset: string; file: string; sha256: string; rows: number }[];
  privacy: PrivacyChoices & { tasksBelowThresholds: 'excluded' | 'not-applicable' };
  formats: string[];
  tables: { name: string; rows: number; truncatedInDta?: string[] }[];
  files: { path: string; bytes: number; sha256: string }[];
}

export { sha256 };

/** The version in the app's package.json, found above this file (dev, tests) or "unknown". */
export function appVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'task-atlas') return pkg.version ?? 'unknown';
    }
    const parent = dirname(dir);
    if (parent === dir) return process.env.npm_package_version ?? 'unknown';
    dir = parent;
  }
}

/** The imported reference files a source's analyses read (usage, tasks, wages, SOC, BLS, O*NET). */
export function dataFiles(db: Db, sourceId: string): DataFile[] {
  const src = db.prepare('SELECT task_dataset, wage_dataset, soc_dataset, bls_dataset FROM usage_source WHERE id = ?').get(sourceId) as
    | Record<string, string | null>
    | undefined;
  const datasets = [sourceId, ...Object.values(src ?? {}), 'onet-29.2', 'onet-2010-2019'].filter((d): d is string => d !== null);
  const unique = [...new Set(datasets)];
  return db
    .prepare(`SELECT kind, dataset, file, sha256, rows FROM dataset_import WHERE dataset IN (${unique.map(() => '?').join(', ')}) ORDER BY dataset, kind`)
    .all(...unique) as DataFile[];
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
    tasksKept,
    ...(cfg.demo ? { provenance: DEMO_PROVENANCE } : {}),
  };
}
