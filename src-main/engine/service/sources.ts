// The calls that predate the wizard: app info, usage sources, reference imports, the paper's
// reproduction (Explore) and its published numbers. They act on the host's current project.
import type { DatasetStatus } from '../../../src-shared/api';
import type { SourceRef } from '../../../src-shared/report';
import pkg from '../../../package.json';
import type { Db } from '../../db/open';
import type { AppHost } from '../host';
import { importRelease } from '../ingest';
import { importFileAsync } from '../ingest/formats/xlsx-worker';
import { reproduce } from '../analyze/reproduce';
import { DEFAULT_SOURCE_ID } from '../analyze/inputs';
import { loadPaper } from '../analyze/paper';
import { NotFoundError } from '../errors';
import { expandPath } from '../paths';
import type { HandlerGroup } from './types';

export { DEFAULT_SOURCE_ID };

type SourceCalls =
  | 'app.info'
  | 'sources.list'
  | 'reference.status'
  | 'reference.importFile'
  | 'reference.importRelease'
  | 'analysis.reproduce'
  | 'paper.reference';

export function sourceHandlers(host: AppHost): HandlerGroup<SourceCalls> {
  const db = () => host.project.db;
  return {
    'app.info': async (_args, ctx) => ({ version: pkg.version, projectPath: host.project.path, transport: ctx.transport }),
    'sources.list': async () => db().prepare('SELECT id, label, kind FROM usage_source ORDER BY created_at, id').all() as SourceRef[],
    'reference.status': async () =>
      db()
        .prepare(
          `SELECT kind, dataset, file, sha256, rows, imported_at AS importedAt
           FROM dataset_import ORDER BY dataset, kind`,
        )
        .all() as DatasetStatus[],
    // The parse runs in a task worker: a large .xlsx takes seconds to scan.
    'reference.importFile': async (args, ctx) => importFileAsync(db(), { ...args, path: expandPath(args.path) }, ctx.onProgress, ctx.signal),
    'reference.importRelease': async (args, ctx) => importRelease(db(), { ...args, dir: expandPath(args.dir) }, ctx.onProgress),
    'analysis.reproduce': async (args) => reproduce(db(), args.sourceId ?? defaultSource(db())),
    'paper.reference': async () => {
      const paper = loadPaper(host.resourcesDir);
      if (!paper) throw new NotFoundError("this installation does not ship the paper's published numbers");
      return paper;
    },
  };
}

export function defaultSource(db: Db): string {
  const ids = db.prepare('SELECT id FROM usage_source ORDER BY created_at').pluck().all() as string[];
  if (ids.includes(DEFAULT_SOURCE_ID)) return DEFAULT_SOURCE_ID;
  if (ids[0] === undefined) throw new NotFoundError('the project has no usage source yet: import a release');
  return ids[0];
}
