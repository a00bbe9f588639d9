// The engine's implementation of the API contract. Transports (IPC, HTTP, tests) call these
// handlers only through dispatch(), which validates arguments with the contract's zod schemas.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiArgs, ApiCall, ApiProgress, ApiResults, DatasetStatus } from '../../src-shared/api';
import type { PaperReference, SourceRef } from '../../src-shared/report';
import pkg from '../../package.json';
import type { Project } from './project';
import { importFile, importRelease } from './ingest';
import { reproduce } from './analyze/reproduce';
import { NotFoundError } from './analyze/inputs';

export interface CallContext<K extends ApiCall> {
  signal?: AbortSignal;
  onProgress?: (event: K extends keyof ApiProgress ? ApiProgress[K] : never) => void;
  transport: 'ipc' | 'http';
}

export type ApiHandlers = {
  [K in ApiCall]: (args: ApiArgs<K>, ctx: CallContext<K>) => Promise<ApiResults[K]>;
};

export const DEFAULT_SOURCE_ID = 'aei-2025-02-10';

export function createService(project: Project): ApiHandlers {
  const { db } = project;
  return {
    'app.info': async (_args, ctx) => ({ version: pkg.version, projectPath: project.path, transport: ctx.transport }),
    'sources.list': async () =>
      db.prepare('SELECT id, label, kind FROM usage_source ORDER BY created_at, id').all() as SourceRef[],
    'reference.status': async () =>
      db
        .prepare(
          `SELECT kind, dataset, file, sha256, rows, imported_at AS importedAt
           FROM dataset_import ORDER BY dataset, kind`,
        )
        .all() as DatasetStatus[],
    'reference.importFile': async (args, ctx) => importFile(db, args, ctx.onProgress),
    'reference.importRelease': async (args, ctx) => importRelease(db, args, ctx.onProgress),
    'analysis.reproduce': async (args) => reproduce(db, args.sourceId ?? defaultSource(project)),
    'paper.reference': async () =>
      JSON.parse(readFileSync(join(project.resourcesDir, 'reference', 'paper-figures.json'), 'utf8')) as PaperReference,
  };
}

function defaultSource(project: Project): string {
  const ids = project.db.prepare('SELECT id FROM usage_source ORDER BY created_at').pluck().all() as string[];
  if (ids.includes(DEFAULT_SOURCE_ID)) return DEFAULT_SOURCE_ID;
  if (ids[0] === undefined) throw new NotFoundError('the project has no usage source yet: import a release');
  return ids[0];
}
