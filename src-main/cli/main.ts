// `task-atlas <command>`: the same engine as the app, from a terminal.
import { parseArgs } from 'node:util';
import { IMPORT_KINDS, type ImportKind } from '../../src-shared/api';
import { ImportError } from '../engine/ingest/formats/errors';
import { runReproduce } from './reproduce';
import { runImport } from './import';
import { runServe } from './serve';
import { runBench } from './bench';
import { runHierarchyBuild, runHierarchyExport, runHierarchyImport, runHierarchyShow } from './hierarchy';

const USAGE = `Usage: task-atlas <command> [options]

Commands:
  reproduce [--release DIR] [--project FILE] [--json] [--out DIR]
      Recompute the paper's tables and figures from a published Economic Index release
      (default: the bundled 2025-02-10 release). --json prints the report with stable keys;
      --out writes one CSV per table.
  import --kind KIND --file PATH [--dataset NAME] [--project FILE]
      Import one reference file into a project (kinds: ${IMPORT_KINDS.join(', ')}).
  serve [--port N] [--project FILE]
      Serve the app to a browser on 127.0.0.1 (prints the URL).
  hierarchy build [--project FILE] [--model M] [--base-url URL] [--fake] [--estimate] [--batches]
                  [--seed N] [--levels L] [--top N] [--dataset D] [--concurrency N] [--rpm N] [--itpm N]
                  [--embedding-model ID] [--model-dir DIR]
      Build the O*NET task hierarchy (paper B.1) with Claude; prints a cost estimate first. Ctrl+C
      stops it; the same command resumes without paying for any call twice. --fake uses the
      built-in demo server instead of the Claude API (needs no key).
  hierarchy show [--id ID] [--depth N] | export [--id ID] [--out FILE] | import --file FILE
  bench reproduce
      Time the full reproduction, cold (fresh project) and warm.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'reproduce':
        return await runReproduce(parse(rest, { release: 'string', project: 'string', json: 'boolean', out: 'string' }));
      case 'import': {
        const o = parse(rest, { kind: 'string', file: 'string', dataset: 'string', project: 'string' });
        if (!o.kind || !o.file || !(IMPORT_KINDS as readonly string[]).includes(o.kind as string)) {
          process.stderr.write(USAGE);
          return 2;
        }
        return runImport({ ...o, kind: o.kind as ImportKind, file: o.file as string });
      }
      case 'serve':
        return await runServe(parse(rest, { port: 'string', project: 'string' }));
      case 'hierarchy':
        return await runHierarchy(rest);
      case 'bench':
        return await runBench(rest[0] ?? '');
      default:
        process.stdout.write(USAGE);
        return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
    }
  } catch (err) {
    // Bad input is the user's to fix: say where, without a stack trace.
    if (err instanceof ImportError || (err instanceof Error && !process.env.TASK_ATLAS_DEBUG)) {
      process.stderr.write(`error: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

async function runHierarchy(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const common = { project: 'string', id: 'string' } as const;
  switch (sub) {
    case 'build':
      return runHierarchyBuild(
        parse(rest, {
          project: 'string', model: 'string', 'base-url': 'string', fake: 'boolean', estimate: 'boolean',
          batches: 'boolean', seed: 'string', levels: 'string', top: 'string', dataset: 'string',
          concurrency: 'string', rpm: 'string', itpm: 'string', 'embedding-model': 'string', 'model-dir': 'string',
        }),
      );
    case 'show':
      return runHierarchyShow(parse(rest, { ...common, depth: 'string' }));
    case 'export':
      return runHierarchyExport(parse(rest, { ...common, out: 'string' }));
    case 'import':
      return runHierarchyImport(parse(rest, { project: 'string', file: 'string' }));
    default:
      process.stderr.write(USAGE);
      return 2;
  }
}

type Spec = Record<string, 'string' | 'boolean'>;
type Parsed<S extends Spec> = { [K in keyof S]?: S[K] extends 'boolean' ? boolean : string };

function parse<S extends Spec>(args: string[], spec: S): Parsed<S> {
  const options = Object.fromEntries(Object.entries(spec).map(([k, type]) => [k, { type }]));
  return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Parsed<S>;
}
