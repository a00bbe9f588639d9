// `task-atlas import`: one reference file into a project, with the row count or a file:line error.
import { resolve } from 'node:path';
import type { ImportKind } from '../../src-shared/api';
import { closeProject, openProject } from '../engine/project';
import { importFile } from '../engine/ingest';
import { defaultProjectPath } from './project-path';

export function runImport(opts: { kind: ImportKind; file: string; dataset?: string; project?: string }): number {
  const project = openProject(opts.project ? resolve(opts.project) : defaultProjectPath());
  try {
    const result = importFile(project.db, { kind: opts.kind, path: resolve(opts.file), dataset: opts.dataset });
    process.stdout.write(`imported ${result.rows} rows of ${result.kind} into dataset "${result.dataset}" (${project.path})\n`);
    return 0;
  } finally {
    closeProject(project);
  }
}
