// `task-atlas reproduce`: import the release (bundled or --release DIR) and print every analysis.
import { existsSync } from 'node:fs';
import { NotFoundError } from '../engine/errors';
import { resolve } from 'node:path';
import { closeProject, importBundledDefaults, openProject, type Project } from '../engine/project';
import { importRelease } from '../engine/ingest';
import { reproduce } from '../engine/analyze/reproduce';
import { loadPaper } from '../engine/analyze/paper';
import { ANALYSIS_REFERENCE_KINDS, DEFAULT_SOURCE_ID } from '../engine/analyze/inputs';
import { formatReport } from './format';
import { reportTables } from './tables';
import { writeCsvFiles } from './csv';
import { defaultProjectPath } from './project-path';
import { requireSource } from './lookups';

export interface ReproduceOptions {
  release?: string;
  /** A usage source already in the project, e.g. "run:NAME" from `task-atlas run report`. */
  source?: string;
  project?: string;
  json?: boolean;
  out?: string;
}

export async function runReproduce(opts: ReproduceOptions): Promise<number> {
  // Without --project the work happens in memory: nothing is left behind on disk.
  const path = opts.project ? resolve(opts.project) : opts.source ? defaultProjectPath() : ':memory:';
  const project = openProject(path);
  try {
    if (opts.source !== undefined) requireSource(project.db, opts.source);
    const sourceId = opts.source ?? prepareSource(project, opts.release);
    const report = reproduce(project.db, sourceId);
    const paper = loadPaper(project.resourcesDir);
    if (opts.out) {
      const files = writeCsvFiles(resolve(opts.out), reportTables(report, paper));
      process.stderr.write(`wrote ${files.length} CSV files to ${resolve(opts.out)}\n`);
    }
    if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else process.stdout.write(formatReport(report, paper) + '\n');
    return 0;
  } finally {
    closeProject(project);
  }
}

/** Imports the bundled data, and the user's release when given; returns the source to analyse. */
export function prepareSource(project: Project, releaseDir?: string): string {
  const log = (e: { file: string; phase: string }) => {
    if (e.phase === 'parse' && process.stderr.isTTY) process.stderr.write(`reading ${e.file}\n`);
  };
  // A throw-away in-memory project needs only what the analyses read (not Skills, OEWS, ...).
  const onlyKinds = project.path === ':memory:' ? ANALYSIS_REFERENCE_KINDS : undefined;
  importBundledDefaults(project, log, { onlyKinds });
  if (!releaseDir) return DEFAULT_SOURCE_ID;
  const dir = resolve(releaseDir);
  if (!existsSync(dir)) throw new NotFoundError(`release folder not found: ${dir}`);
  // A scratch source: each `reproduce --release DIR` replaces the previous one.
  return importRelease(project.db, { dir, id: 'cli-release', label: `Release at ${dir}`, replace: true }, log).id;
}
