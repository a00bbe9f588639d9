// Review bundles: one JSON file a colleague can open in Task Atlas's read-only review mode. It holds
// only aggregated results (ReproduceReports, already thresholded for classification runs), the
// paper's published numbers and the provenance of the imported data files: never conversation
// text, account ids or local paths.
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from '../../db/open';
import type { PaperReference, ReproduceReport, SourceRef } from '../../../src-shared/report';
import { reproduce } from '../analyze/reproduce';
import { NotFoundError } from '../analyze/inputs';
import { REVIEW_FORMAT, REVIEW_VERSION, reviewBundleSchema, type ReviewBundle } from './schema';

export { REVIEW_EXTENSION, REVIEW_FORMAT, REVIEW_VERSION, reviewBundleSchema, type ReviewBundle } from './schema';

export interface ReviewBundleOptions {
  /** Usage source ids, e.g. 'aei-2025-02-10' or 'run:NAME'; the first is the bundle's default. */
  sources: string[];
  title?: string;
  appVersion: string;
  paper?: PaperReference;
  /** Injected for reproducible tests; defaults to now. */
  now?: Date;
}

/** sha256 (hex) of JSON.stringify(reports): what the renderer recomputes with crypto.subtle. */
export function reportsChecksum(reports: Record<string, ReproduceReport>): string {
  return createHash('sha256').update(JSON.stringify(reports), 'utf8').digest('hex');
}

export function buildReviewBundle(db: Db, opts: ReviewBundleOptions): ReviewBundle {
  const ids = [...new Set(opts.sources)];
  if (ids.length === 0) throw new Error('a review bundle needs at least one usage source');
  const sources: SourceRef[] = ids.map((id) => {
    const row = db.prepare('SELECT id, label, kind FROM usage_source WHERE id = ?').get(id) as SourceRef | undefined;
    if (!row) throw new NotFoundError(`no usage source "${id}"`);
    return { id: row.id, label: row.label, kind: row.kind };
  });
  const reports: Record<string, ReproduceReport> = {};
  for (const source of sources) reports[source.id] = reproduce(db, source.id);

  // Provenance: which data files (by name and content hash) the numbers came from. `file` is
  // stored as a base name by the importers; basename() again so no local path can leak.
  const dataFiles = (
    db.prepare('SELECT kind, dataset, file, sha256, rows FROM dataset_import ORDER BY dataset, kind').all() as {
      kind: string;
      dataset: string;
      file: string;
      sha256: string;
      rows: number;
    }[]
  ).map((f) => ({ kind: f.kind, dataset: f.dataset, file: basename(f.file), sha256: f.sha256, rows: f.rows }));

  const bundle: ReviewBundle = {
    format: REVIEW_FORMAT,
    version: REVIEW_VERSION,
    title: opts.title ?? `Task Atlas review: ${sources.map((s) => s.label).join(', ')}`,
    createdAt: (opts.now ?? new Date()).toISOString(),
    appVersion: opts.appVersion,
    sources,
    reports,
    ...(opts.paper ? { paper: opts.paper } : {}),
    provenance: { dataFiles },
    checksum: reportsChecksum(reports),
  };
  // Validate what we are about to hand out with the same schema the reader uses.
  reviewBundleSchema.parse(bundle);
  return bundle;
}

/** Writes the bundle atomically: a temp file in the same directory, fsync, then rename over. */
export function writeReviewBundle(file: string, bundle: ReviewBundle): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, `${JSON.stringify(bundle, null, 2)}\n`);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  try {
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
