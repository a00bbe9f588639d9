// `task-atlas export`: results leave the app as tables (CSV, R-friendly CSV + codebook, Stata .dta,
// Parquet) with a provenance manifest, optionally a self-contained HTML report and a review bundle.
// Privacy by default: thresholds applied, no conversation text and no account ids unless asked.
import { join, resolve } from 'node:path';
import pkg from '../../package.json';
import { closeProject, importBundledDefaults, openProject } from '../engine/project';
import { exportResults, type ExportFormat } from '../engine/export';
import { writeHtmlReport } from '../engine/report-html';
import { exportChartImages } from '../engine/export/charts';
import { buildReviewBundle, writeReviewBundle } from '../engine/review/bundle';
import { reproduce } from '../engine/analyze/reproduce';
import { DEFAULT_SOURCE_ID } from '../engine/service';
import { loadPaper } from './reproduce';
import { defaultProjectPath } from './project-path';

export interface ExportFlags {
  project?: string;
  source?: string;
  run?: string;
  out?: string;
  formats?: string;
  'include-text'?: boolean;
  'include-accounts'?: boolean;
  html?: boolean;
  charts?: boolean;
  review?: boolean;
}

export async function runExport(flags: ExportFlags): Promise<number> {
  if (!flags.out) throw new Error('usage: task-atlas export (--source ID | --run NAME) --out DIR [--formats csv,r,dta,parquet] [--html] [--charts] [--review] [--include-text] [--include-accounts]');
  const project = openProject(flags.project ? resolve(flags.project) : defaultProjectPath());
  try {
    importBundledDefaults(project);
    const dir = resolve(flags.out);
    const source = flags.run ? undefined : (flags.source ?? DEFAULT_SOURCE_ID);
    const result = exportResults(project.db, {
      ...(flags.run ? { run: flags.run } : { source }),
      dir,
      formats: flags.formats ? (flags.formats.split(',') as ExportFormat[]) : undefined,
      includeConversationText: flags['include-text'] === true,
      includeAccountIds: flags['include-accounts'] === true,
      resourcesDir: project.resourcesDir,
    });
    process.stdout.write(`wrote ${result.files.length} files to ${dir} (manifest.json lists their sha256)\n`);
    const sourceId = flags.run ? `run:${flags.run}` : source!;
    const paper = loadPaper(project) ?? undefined;
    if (flags.html || flags.charts) {
      const file = join(dir, 'report.html');
      writeHtmlReport(file, {
        report: reproduce(project.db, sourceId),
        paper,
        title: `Task Atlas — ${sourceId}`,
        provenance: { appVersion: pkg.version, source: sourceId, dataFiles: result.manifest.dataFiles },
        methods: '',
      });
      process.stdout.write(`wrote ${file} (self-contained; opens offline)\n`);
      if (flags.charts) {
        const images = await exportChartImages(file, join(dir, 'charts'));
        process.stdout.write(`wrote ${images.length} chart images (SVG and PNG) to ${join(dir, 'charts')}\n`);
      }
    }
    if (flags.review) {
      const file = join(dir, `${sourceId.replace(/[^\w.-]+/g, '_')}.taskatlas-review.json`);
      writeReviewBundle(file, buildReviewBundle(project.db, { sources: [sourceId], appVersion: pkg.version, paper }));
      process.stdout.write(`wrote ${file} (open it in the app: Review)\n`);
    }
    return 0;
  } finally {
    closeProject(project);
  }
}
