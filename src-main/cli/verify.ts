// `task-atlas verify DIR`: checks an export folder against its manifest.json. One line per problem
// (missing, changed, added), then a summary. Exit 0: the folder is exactly what was exported; 1: it
// is not (the lines say how); 2: DIR cannot be checked (no such folder, no manifest, not JSON).
import { resolve } from 'node:path';
import { verifyExport, type VerifyProblem } from '../engine/export/verify';
import { FAILURE_EXIT_CODE } from './errors';

const ORDER: VerifyProblem['kind'][] = ['missing', 'changed', 'added'];

export function runVerify(dir: string, flags: { json?: boolean }): number {
  const result = verifyExport(resolve(dir));
  const ok = result.problems.length === 0;
  if (flags.json) {
    process.stdout.write(JSON.stringify({ dir: result.dir, ok, listed: result.listed, problems: result.problems }, null, 2) + '\n');
    return ok ? 0 : FAILURE_EXIT_CODE;
  }
  if (ok) {
    process.stdout.write(`${result.dir}: all ${result.listed} files match manifest.json (sizes and sha256), and no file was added\n`);
    return 0;
  }
  for (const p of result.problems) process.stdout.write(`${p.kind}: ${p.path} (${p.detail})\n`);
  const counts = ORDER.map((kind) => `${result.problems.filter((p) => p.kind === kind).length} ${kind}`).join(', ');
  process.stderr.write(`${result.dir} does not match its manifest.json: ${counts} (of ${result.listed} files listed)\n`);
  return FAILURE_EXIT_CODE;
}
