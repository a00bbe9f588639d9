// Job "export.run" (the app's export and `task-atlas export`): tables, then optionally the
// self-contained HTML report, chart images and a review bundle, all in one staged folder that
// appears at outDir only complete, with a manifest of every file.
import { join } from 'node:path';
import pkg from '../../../package.json';
import { stageExport, type ExportFormat } from '../export';
import { writeHtmlReport } from '../report-html';
import { exportChartImages } from '../export/charts';
import { buildReviewBundle, writeReviewBundle } from '../review/bundle';
import { reproduce } from '../analyze/reproduce';
import type { Project } from '../project';
import { expandPath } from '../paths';
import { DEFAULT_SOURCE_ID } from '../analyze/inputs';
import { loadPaper } from '../analyze/paper';
import { loadReport as storedReconstruction } from '../reconstruct/store';
import { throwIfAborted } from '../pipeline/cancel';
import { stage } from './progress';
import type { JobKindDef } from './types';

export interface FullExportOptions {
  source?: string;
  run?: string;
  outDir: string;
  formats?: ExportFormat[];
  html?: boolean;
  charts?: boolean;
  review?: boolean;
  includeConversationText?: boolean;
  includeAccountIds?: boolean;
  /** Input tables and replicate.R/.py/.do that recompute the headline tables (needs csv). */
  replication?: boolean;
}

export interface FullExportStage {
  stage: 'tables' | 'report' | 'charts' | 'review';
  index: number;
  of: number;
  /** What the finished stage wrote, for a terminal. */
  note?: string;
}

/**
 * Writes everything asked for into a staging folder next to outDir and moves it into place at the
 * end with manifest.json (which lists every file) written last: a kill or a cancel at any stage
 * leaves no half export at outDir. Returns the final paths of the files written.
 */
export async function exportAll(
  project: Project,
  opts: FullExportOptions,
  onStage: (s: FullExportStage) => void = () => {},
  signal?: AbortSignal,
): Promise<{ dir: string; files: string[] }> {
  const dir = opts.outDir;
  const source = opts.run ? undefined : (opts.source ?? DEFAULT_SOURCE_ID);
  const sourceId = opts.run ? `run:${opts.run}` : source!;
  const stages = 1 + (opts.html || opts.charts ? 1 : 0) + (opts.charts ? 1 : 0) + (opts.review ? 1 : 0);
  let index = 0;
  const staged = stageExport(project.db, {
    ...(opts.run ? { run: opts.run } : { source }),
    dir,
    formats: opts.formats,
    includeConversationText: opts.includeConversationText === true,
    includeAccountIds: opts.includeAccountIds === true,
    replication: opts.replication === true,
    resourcesDir: project.resourcesDir,
  });
  const { staging } = staged;
  try {
    onStage({ stage: 'tables', index: ++index, of: stages, note: `wrote ${staged.tableFiles.length} files to ${dir} (manifest.json lists their sha256)` });
    const paper = loadPaper(project.resourcesDir) ?? undefined;
    if (opts.html || opts.charts) {
      throwIfAborted(signal);
      const demo = staged.manifest.run?.provenance;
      writeHtmlReport(staging.path('report.html'), {
        report: reproduce(project.db, sourceId),
        run: staged.runReport ?? undefined,
        reconstruction: (opts.run ? storedReconstruction(project.db, opts.run) : null) ?? undefined,
        paper,
        title: `Task Atlas — ${sourceId}${demo ? ` — ${demo}` : ''}`,
        provenance: { ...(demo ? { provenance: demo } : {}), appVersion: pkg.version, source: sourceId, dataFiles: staged.manifest.dataFiles },
        methods: '',
      });
      onStage({ stage: 'report', index: ++index, of: stages, note: `wrote ${join(dir, 'report.html')} (self-contained; opens offline)` });
      if (opts.charts) {
        throwIfAborted(signal);
        const images = await exportChartImages(staging.path('report.html'), staging.path('charts'));
        onStage({ stage: 'charts', index: ++index, of: stages, note: `wrote ${images.length} chart images (SVG and PNG) to ${join(dir, 'charts')}` });
      }
    }
    if (opts.review) {
      throwIfAborted(signal);
      const name = `${sourceId.replace(/[^\w.-]+/g, '_')}.taskatlas-review.json`;
      const bundle = buildReviewBundle(project.db, { sources: [sourceId], appVersion: pkg.version, paper });
      writeReviewBundle(staging.path(name), bundle);
      // The fingerprint a reviewer compares with the one shown when the bundle is opened.
      const signer = 'signature' in bundle ? `, signed by this installation's key ${bundle.signature.fingerprint}` : '';
      onStage({ stage: 'review', index: ++index, of: stages, note: `wrote ${join(dir, name)}${signer} (open it in the app: Review)` });
    }
    throwIfAborted(signal);
  } catch (err) {
    staging.abandon();
    throw err;
  }
  const result = staged.commit();
  return { dir: result.dir, files: result.files };
}

export const exportRun: JobKindDef<'export.run'> = {
  label: (args) => `Export ${args.run ? `run ${args.run}` : (args.source ?? DEFAULT_SOURCE_ID)}`,
  async run(args, env, ctx) {
    const started = performance.now();
    const { outDir, ...rest } = args;
    const notes: string[] = [];
    const r = await exportAll(
      env.project,
      { ...rest, outDir: expandPath(outDir) },
      (s) => {
        if (s.note) notes.push(s.note);
        ctx.onProgress(stage(s.stage, s.index, s.of, performance.now() - started));
      },
      ctx.signal,
    );
    return { dir: r.dir, files: r.files, notes };
  },
};
