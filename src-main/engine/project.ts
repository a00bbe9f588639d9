// A project is one .sqlite file plus where the bundled reference data lives.
import { existsSync, readFileSync } from 'node:fs';
import { sha256File } from './base/hash';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase, type Db } from '../db/open';
import type { ImportKind } from '../../src-shared/api';
import { importFile, importRelease, type ImportProgress } from './ingest';

export interface Project {
  db: Db;
  path: string;
  resourcesDir: string;
}

export function openProject(path: string, opts: { resourcesDir?: string } = {}): Project {
  return { db: openDatabase(path), path, resourcesDir: opts.resourcesDir ?? findResourcesDir() };
}

export function closeProject(project: Project): void {
  closeDatabase(project.db);
}

/** TASK_ATLAS_RESOURCES wins (packaged app, tests); else the nearest resources/ above this file. */
export function findResourcesDir(): string {
  const fromEnv = process.env.TASK_ATLAS_RESOURCES;
  if (fromEnv) return resolve(fromEnv);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'resources', 'data', 'bundle.json'))) return join(dir, 'resources');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('bundled resources/ not found; set TASK_ATLAS_RESOURCES');
    dir = parent;
  }
}

type BundleItem =
  | { release: string; id: string; label: string }
  | { kind: ImportKind; file: string; dataset: string };

export interface BundleSummary {
  imported: string[];
  skipped: string[];
}

/**
 * Imports the bundled release and reference files listed in resources/data/bundle.json. Files
 * already imported with the same content hash are skipped, so a warm start does no work.
 */
export function importBundledDefaults(
  project: Project,
  onProgress?: ImportProgress,
  opts: { onlyKinds?: ReadonlySet<ImportKind> } = {},
): BundleSummary {
  const dataDir = join(project.resourcesDir, 'data');
  const items = JSON.parse(readFileSync(join(dataDir, 'bundle.json'), 'utf8')) as BundleItem[];
  const summary: BundleSummary = { imported: [], skipped: [] };
  for (const item of items) {
    // onlyKinds: a throw-away project (reproduce in memory) skips files its analyses never read.
    if ('kind' in item && opts.onlyKinds && !opts.onlyKinds.has(item.kind)) continue;
    if ('release' in item) {
      const dir = join(dataDir, item.release);
      const tasksFile = join(dir, 'onet_task_mappings.csv');
      if (isCurrent(project.db, 'usage-tasks', item.id, tasksFile)) summary.skipped.push(item.release);
      else {
        // replace: the app's own bundled files changed with an update (runs reported against the old
        // ones say so when reported again).
        importRelease(project.db, { dir, id: item.id, label: item.label, replace: true }, onProgress);
        summary.imported.push(item.release);
      }
      continue;
    }
    const file = join(dataDir, item.file);
    if (isCurrent(project.db, item.kind, item.dataset, file)) summary.skipped.push(item.file);
    else {
      importFile(project.db, { kind: item.kind, path: file, dataset: item.dataset, replace: true }, onProgress);
      summary.imported.push(item.file);
    }
  }
  return summary;
}

function isCurrent(db: Db, kind: ImportKind, dataset: string, file: string): boolean {
  const row = db.prepare('SELECT sha256 FROM dataset_import WHERE kind = ? AND dataset = ?').get(kind, dataset) as
    | { sha256: string }
    | undefined;
  return row !== undefined && row.sha256 === sha256File(file);
}

