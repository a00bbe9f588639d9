// Review bundles: one JSON file a colleague can open in Task Atlas's read-only review mode. It holds
// only aggregated results (ReproduceReports, already thresholded for classification runs, and the
// runs' RunReports: shares and counts, no conversation or account level data), the
// paper's published numbers and the provenance of the imported data files: never conversation
// text, account ids or local paths. Signed by the installation's key (sign.ts, settings/signing-key.ts).
import { sha256 } from '../base/hash';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from '../../db/open';
import type { RunInfo } from '../../../src-shared/api';
import type { PaperReference, ReproduceReport, RunReport, SourceRef } from '../../../src-shared/report';
import { reproduce } from '../analyze/reproduce';
import { InvalidInputError, NotFoundError } from '../errors';
import { checksumText, REVIEW_FORMAT, REVIEW_VERSION, reviewBundleSchema, type ReviewBundle } from './schema';
import { completeRuns, reportRun, runInfoOf } from './runs';
import { sealBundle } from './sign';
import { installationSigningKey, type SigningKey } from '../settings/signing-key';
import { inputFiles } from '../export/input-files';

export { REVIEW_EXTENSION, REVIEW_FORMAT, REVIEW_VERSION, reviewBundleSchema, type ReviewBundle } from './schema';

export interface ReviewBundleOptions {
  /** Usage source ids, e.g. 'aei-2025-02-10' or 'run:NAME'; the first is the bundle's default. */
  sources: string[];
  /**
   * Classification runs to include with their run reports (Figures 5, 8, 10). Default: the runs
   * behind any "run:NAME" source listed. A run's usage source is added to `sources` if missing.
   */
  runs?: string[];
  title?: string;
  appVersion: string;
  paper?: PaperReference;
  /** Injected for reproducible tests; defaults to now. */
  now?: Date;
  /**
   * Default: the installation's key. A task worker has no key of its own (the desktop's comes from
   * the keychain into the engine's main thread), so the engine passes it along with the job.
   */
  signingKey?: SigningKey;
}

/** sha256 (hex) of checksumText(bundle): what the renderer recomputes with crypto.subtle (and the signature signs). */
export function bundleChecksum(bundle: Parameters<typeof checksumText>[0]): string {
  return sha256(checksumText(bundle));
}

function sourceRef(db: Db, id: string): SourceRef {
  const row = db.prepare('SELECT id, label, kind FROM usage_source WHERE id = ?').get(id) as SourceRef | undefined;
  if (!row) throw new NotFoundError(`no usage source "${id}"`);
  return { id: row.id, label: row.label, kind: row.kind };
}

function runsBehind(db: Db, sources: readonly string[]): string[] {
  const names = sources.filter((s) => s.startsWith('run:')).map((s) => s.slice('run:'.length));
  const exists = db.prepare('SELECT 1 FROM classify_run WHERE id = ?');
  return names.filter((name) => exists.get(name) !== undefined);
}

export function buildReviewBundle(db: Db, opts: ReviewBundleOptions): ReviewBundle {
  // Runs first: reporting a run rewrites its usage source, which the reports below then read.
  const runNames = [...new Set(opts.runs ?? runsBehind(db, opts.sources))];
  const runs: Record<string, RunReport> = {};
  const runInfo: Record<string, RunInfo> = {};
  for (const name of runNames) {
    runs[name] = reportRun(db, name);
    runInfo[name] = runInfoOf(db, name);
  }
  const ids = [...new Set([...opts.sources, ...Object.values(runs).map((r) => r.sourceId)])];
  if (ids.length === 0) throw new InvalidInputError('a review bundle needs at least one usage source');
  const sources = ids.map((id) => sourceRef(db, id));
  const reports: Record<string, ReproduceReport> = {};
  for (const source of sources) reports[source.id] = reproduce(db, source.id);

  // Provenance: which data files (by name and content hash) the numbers came from, the same list an
  // export's manifest gives for these sources (input-files.ts, base names only).
  const dataFiles = inputFiles(db, ids);

  // Checksum and signature cover all of this (review-integrity.ts: checksumText).
  const content: Omit<Extract<ReviewBundle, { version: typeof REVIEW_VERSION }>, 'checksum' | 'signature'> = {
    format: REVIEW_FORMAT,
    version: REVIEW_VERSION,
    title: opts.title ?? `Task Atlas review: ${sources.map((s) => s.label).join(', ')}`,
    createdAt: (opts.now ?? new Date()).toISOString(),
    appVersion: opts.appVersion,
    sources,
    reports,
    runs,
    runInfo,
    ...(opts.paper ? { paper: opts.paper } : {}),
    provenance: { dataFiles },
  };
  const bundle: ReviewBundle = { ...content, ...sealBundle(content, opts.signingKey ?? installationSigningKey()) };
  // Validate what we are about to hand out with the same schema the reader uses.
  reviewBundleSchema.parse(bundle);
  return bundle;
}

/**
 * The whole project in one bundle (API call review.bundle): every finished classification run with
 * its report, then every usage source, releases and run sources alike, in the project's order.
 */
export function buildProjectReviewBundle(db: Db, opts: Omit<ReviewBundleOptions, 'sources' | 'runs'>): ReviewBundle {
  const runs = completeRuns(db);
  const existing = db.prepare('SELECT id FROM usage_source ORDER BY created_at, id').pluck().all() as string[];
  if (existing.length === 0) throw new NotFoundError('the project has no usage source yet: import a release');
  // A run never reported has no sources yet; buildReviewBundle reports runs before reading sources.
  const runSources = runs.flatMap((name) => [`run:${name}`, `run:${name}:accounts`]);
  const releases = db.prepare("SELECT label FROM usage_source WHERE kind = 'release' ORDER BY created_at, id").pluck().all() as string[];
  const title = `Task Atlas review: ${[...releases, ...runs.map((r) => `run ${r}`)].join(', ') || 'project'}`;
  return buildReviewBundle(db, { ...opts, title: opts.title ?? title, sources: [...new Set([...existing, ...runSources])], runs });
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
