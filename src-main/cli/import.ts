// `task-atlas import`: one reference file into a project through the app's own import call, with the
// row count or a file:line error.
import { resolve } from 'node:path';
import type { ImportKind } from '../../src-shared/api';
import { withSession } from './session';

export function runImport(opts: { kind: ImportKind; file: string; dataset?: string; project?: string; replace?: boolean }): Promise<number> {
  return withSession({ project: opts.project }, async (s) => {
    const result = await s.call('reference.importFile', {
      kind: opts.kind,
      path: resolve(opts.file),
      ...(opts.dataset !== undefined ? { dataset: opts.dataset } : {}),
      ...(opts.replace === true ? { replace: true } : {}),
    });
    process.stdout.write(`imported ${result.rows} rows of ${result.kind} into dataset "${result.dataset}" (${s.host.project.path})\n`);
    return 0;
  });
}
