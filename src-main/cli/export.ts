// `task-atlas export`: results leave the app as tables (CSV, R-friendly CSV + codebook, Stata .dta,
// Parquet) with a provenance manifest, optionally a self-contained HTML report and a review bundle.
// Privacy by default: thresholds applied, no conversation text and no account ids unless asked.
// The work itself is the app's export job's (engine/jobs/export-run.ts), so both write the same files.
import { resolve } from 'node:path';
import { closeProject, importBundledDefaults, openProject } from '../engine/project';
import type { ExportFormat } from '../engine/export';
import { exportAll } from '../engine/jobs/export-run';
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
    await exportAll(
      project,
      {
        ...(flags.run ? { run: flags.run } : { source: flags.source }),
        outDir: resolve(flags.out),
        formats: flags.formats ? (flags.formats.split(',') as ExportFormat[]) : undefined,
        includeConversationText: flags['include-text'] === true,
        includeAccountIds: flags['include-accounts'] === true,
        html: flags.html,
        charts: flags.charts,
        review: flags.review,
      },
      (s) => s.note && process.stdout.write(s.note + '\n'),
    );
    return 0;
  } finally {
    closeProject(project);
  }
}
