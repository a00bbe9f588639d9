// `task-atlas export`: the app's "export.run" job run in this process, so both write the same files:
// tables (CSV, R-friendly CSV + codebook, Stata .dta, Parquet) with a provenance manifest, optionally
// a self-contained HTML report, chart images and a review bundle. Privacy by default: thresholds
// applied, no conversation text and no account ids unless asked.
import { resolve } from 'node:path';
import type { JobArgs } from '../../src-shared/jobs';
import { DEFAULT_SOURCE_ID } from '../engine/service';
import { withSession } from './session';
import { runJob } from './run-job';
import { requireRun, requireSource } from './lookups';

type ExportFormat = NonNullable<JobArgs<'export.run'>['formats']>[number];

export interface ExportFlags {
  project?: string;
  source?: string;
  run?: string;
  out: string;
  formats?: ExportFormat[];
  'include-text'?: boolean;
  'include-accounts'?: boolean;
  html?: boolean;
  charts?: boolean;
  review?: boolean;
  replication?: boolean;
}

export function runExport(flags: ExportFlags): Promise<number> {
  const args = exportArgsFrom(flags, resolve(flags.out));
  return withSession({ project: flags.project, bundled: true }, async (s) => {
    const db = s.host.project.db;
    if (args.run !== undefined) requireRun(db, args.run);
    else requireSource(db, args.source!);
    if (flags.run === undefined && flags.source === undefined) {
      process.stderr.write(`exporting the bundled release (--source ${DEFAULT_SOURCE_ID}); choose with --source ID or --run NAME\n`);
    }
    const outcome = await runJob(s.host, { kind: 'export.run', args });
    if (!outcome.ok) return outcome.code;
    for (const note of outcome.result.notes ?? []) process.stdout.write(note + '\n');
    return 0;
  });
}

export function exportArgsFrom(flags: ExportFlags, outDir: string): JobArgs<'export.run'> {
  return {
    // Without --run or --source: the bundled release.
    ...(flags.run ? { run: flags.run } : { source: flags.source ?? DEFAULT_SOURCE_ID }),
    outDir,
    ...(flags.formats ? { formats: flags.formats } : {}),
    includeConversationText: flags['include-text'] === true,
    includeAccountIds: flags['include-accounts'] === true,
    ...(flags.html ? { html: true } : {}),
    ...(flags.charts ? { charts: true } : {}),
    ...(flags.review ? { review: true } : {}),
    ...(flags.replication ? { replication: true } : {}),
  };
}
