// `task-atlas <command>`: the same engine as the app, from a terminal.
import { parseArgs } from 'node:util';
import { IMPORT_KINDS, type ImportKind } from '../../src-shared/api';
import { ImportError } from '../engine/ingest/formats/errors';
import { runReproduce } from './reproduce';
import { runImport } from './import';
import { runServe } from './serve';
import { runBench } from './bench';
import { runClassify, runConversationsImport, runRunReport } from './classify';
import { runModelsImport } from './models';
import { runExport } from './export';
import { runValidateImport, runValidateReport, runValidateSample } from './validate';
import { runHierarchyBuild, runHierarchyExport, runHierarchyImport, runHierarchyShow } from './hierarchy';

const USAGE = `Usage: task-atlas <command> [options]

Commands:
  reproduce [--release DIR] [--project FILE] [--json] [--out DIR]
      Recompute the paper's tables and figures from a published Economic Index release
      (default: the bundled 2025-02-10 release). --json prints the report with stable keys;
      --out writes one CSV per table.
  import --kind KIND --file PATH [--dataset NAME] [--project FILE]
      Import one reference file into a project (kinds: ${IMPORT_KINDS.join(', ')}).
  serve [--port N] [--project FILE] [--config DIR]
      Serve the app to a browser on 127.0.0.1 (prints the URL). Settings, recent projects and logs
      live in --config (default $TASK_ATLAS_HOME or ~/.task-atlas); an API key set in Settings lasts
      the session, ANTHROPIC_API_KEY is used when none is set.
  hierarchy build [--project FILE] [--model M] [--base-url URL] [--fake] [--estimate] [--batches]
                  [--seed N] [--levels L] [--top N] [--dataset D] [--concurrency N] [--rpm N] [--itpm N]
                  [--embedding-model ID] [--model-dir DIR]
      Build the O*NET task hierarchy (paper B.1) with Claude; prints a cost estimate first. Ctrl+C
      stops it; the same command resumes without paying for any call twice. --fake uses the
      built-in demo server instead of the Claude API (needs no key).
  hierarchy show [--id ID] [--depth N] | export [--id ID] [--out FILE] | import --file FILE
  models import DIR [--model all-mpnet-base-v2|all-MiniLM-L6-v2|ID]
      Install an embedding model folder (config.json, tokenizer.json, tokenizer_config.json, onnx/) for
      offline machines; --allow-download on hierarchy build or classify fetches it once instead.
  conversations import FILE [--format auto|jsonl|csv|claude-export|chatgpt-export|openai-messages|sharegpt|oasst|wildchat]
                       [--dataset NAME] [--map text=COL,response=COL,account=COL,model=COL,timestamp=COL,id=COL]
      Stream a conversation file into the project; bad rows are reported with their line numbers.
  classify --run NAME --dataset NAME[,NAME] [--hierarchy ID] [--estimate] [--batches] [--offline] [--fake]
           [--model M] [--concurrency N] [--rpm N] [--itpm N] [--min-conversations 15] [--min-accounts 5] [--privacy-summary]
      Classify every conversation (Appendix F prompts): screening, task by top-down traversal, collaboration
      pattern, skills. Prints a cost estimate first; Ctrl+C stops, the same command resumes.
      --offline maps conversations by embedding similarity instead (no API; labelled as such).
  run report --run NAME [--json] [--compare OTHER_RUN]
      Thresholded task shares as a usage source, Figures 5, 8, 10, patterns per task and occupation,
      and agreement with another run (e.g. offline vs Claude).
  validate sample --run NAME --facet task|pattern --out packet.json [--size 150] [--method stratified|simple] [--seed N] [--redact]
  validate import LABELS.json [MORE.json …]
  validate report --run NAME [--json]
      Human validation: a seeded sample as a packet for validators (they label it in the app's Validate
      page, keyboard-driven), merge their label files, and report accuracy per level with Wilson 95%
      intervals, the pattern confusion matrix, Cohen's kappa / Krippendorff's alpha, disagreements, and
      pattern shares corrected for misclassification beside the raw ones.
  export (--source ID | --run NAME) --out DIR [--formats csv,r,dta,parquet] [--html] [--charts] [--review]
         [--include-text] [--include-accounts]
      Tables as CSV, R-friendly CSV with a codebook, Stata .dta and Parquet, a provenance manifest,
      a self-contained HTML report (--html), every chart as SVG and PNG (--charts; uses Chrome/Chromium)
      and a read-only review bundle (--review). Tasks under the
      privacy thresholds, conversation text and account ids are left out unless you opt in.
  reproduce --source run:NAME [--project FILE]
      Every analysis of the paper on a run instead of a release.
  bench reproduce
      Time the full reproduction, cold (fresh project) and warm.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'reproduce':
        return await runReproduce(parse(rest, { release: 'string', source: 'string', project: 'string', json: 'boolean', out: 'string' }));
      case 'conversations': {
        if (rest[0] !== 'import') break;
        const { values, positionals } = parseArgs({
          args: rest.slice(1),
          options: { project: { type: 'string' }, format: { type: 'string' }, dataset: { type: 'string' }, map: { type: 'string' } },
          allowPositionals: true,
        });
        return await runConversationsImport(positionals[0], values);
      }
      case 'classify':
        return await runClassify(
          parse(rest, {
            project: 'string', run: 'string', dataset: 'string', hierarchy: 'string', batches: 'boolean', estimate: 'boolean',
            offline: 'boolean', fake: 'boolean', concurrency: 'string', model: 'string', 'base-url': 'string', rpm: 'string',
            itpm: 'string', 'min-conversations': 'string', 'min-accounts': 'string', 'embedding-model': 'string', 'model-dir': 'string',
            'privacy-summary': 'boolean', 'allow-download': 'boolean',
          }),
        );
      case 'export':
        return await runExport(
          parse(rest, {
            project: 'string', source: 'string', run: 'string', out: 'string', formats: 'string',
            'include-text': 'boolean', 'include-accounts': 'boolean', html: 'boolean', charts: 'boolean', review: 'boolean',
          }),
        );
      case 'models': {
        if (rest[0] !== 'import') break;
        const { values, positionals } = parseArgs({ args: rest.slice(1), options: { model: { type: 'string' } }, allowPositionals: true });
        return runModelsImport(positionals[0], values);
      }
      case 'validate': {
        const [sub, ...args] = rest;
        if (sub === 'sample') {
          return runValidateSample(
            parse(args, { project: 'string', run: 'string', facet: 'string', size: 'string', method: 'string', seed: 'string', out: 'string', redact: 'boolean' }),
          );
        }
        if (sub === 'report') return runValidateReport(parse(args, { project: 'string', run: 'string', json: 'boolean' }));
        if (sub === 'import') {
          const { values, positionals } = parseArgs({ args, options: { project: { type: 'string' } }, allowPositionals: true });
          return runValidateImport(positionals, values);
        }
        break;
      }
      case 'run':
        if (rest[0] !== 'report') break;
        return runRunReport(parse(rest.slice(1), { project: 'string', run: 'string', json: 'boolean', compare: 'string' }));
      case 'import': {
        const o = parse(rest, { kind: 'string', file: 'string', dataset: 'string', project: 'string' });
        if (!o.kind || !o.file || !(IMPORT_KINDS as readonly string[]).includes(o.kind as string)) {
          process.stderr.write(USAGE);
          return 2;
        }
        return runImport({ ...o, kind: o.kind as ImportKind, file: o.file as string });
      }
      case 'serve':
        return await runServe(parse(rest, { port: 'string', project: 'string', config: 'string' }));
      case 'hierarchy':
        return await runHierarchy(rest);
      case 'bench':
        return await runBench(rest[0] ?? '');
      default:
        break;
    }
    process.stdout.write(USAGE);
    return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
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
          'allow-download': 'boolean',
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
