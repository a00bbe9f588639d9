// A strict command line (issue #12): every command answers --help with exit 0; anything the user got
// wrong (an unknown option, an extra argument, a bad number, a conflict, a dataset or run that does
// not exist, a bad input file) is refused with exit 2 and ONE `error: …` line; `conversations import`
// imports every file it is given (bug 7). In process: main(argv) with stdout and stderr captured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli } from '../support/cli-capture';
import { COMMANDS } from '../../src-main/cli/commands';
import { closeProject, importBundledDefaults, openProject } from '../../src-main/engine/project';
import { generateSynthetic } from '../../src-main/engine/ingest/conversations/synthetic';

const ROOT = resolve(__dirname, '../..');
let dir: string;
let project: string;
const home = process.env.TASK_ATLAS_HOME;

/** Exit 2, nothing on stdout, exactly one stderr line: `error: ` and what was wrong. */
async function refused(argv: string[], message: RegExp | string): Promise<void> {
  const r = await cli(argv);
  expect(r.code, r.err).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
  expect(r.err).toMatch(/^error: /);
  if (typeof message === 'string') expect(r.err).toContain(message);
  else expect(r.err).toMatch(message);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-strict-'));
  // Commands without --project use the default project in TASK_ATLAS_HOME: never the user's.
  process.env.TASK_ATLAS_HOME = join(dir, 'home');
  project = join(dir, 'p.sqlite');
  const p = openProject(project, { resourcesDir: join(ROOT, 'resources') });
  try {
    importBundledDefaults(p);
  } finally {
    closeProject(p);
  }
}, 120_000);

afterAll(() => {
  if (home === undefined) delete process.env.TASK_ATLAS_HOME;
  else process.env.TASK_ATLAS_HOME = home;
  rmSync(dir, { recursive: true, force: true });
});

describe('--help', () => {
  it.each(COMMANDS.map((c) => [c.path.join(' ')]))('%s --help and -h print its usage, exit 0', async (name) => {
    const path = name.split(' ');
    for (const argv of [[...path, '--help'], [...path, '-h'], ['help', ...path], [...path, '--run', 'x', '--bogus', '--help']]) {
      const r = await cli(argv);
      expect(r.code, `${argv.join(' ')}: ${r.err}`).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: task-atlas ${name}\\b`));
      expect(r.out).toContain('-h, --help');
    }
  });

  it.each([['hierarchy'], ['validate'], ['conversations'], ['models'], ['run'], ['bench']])('%s --help lists its subcommands, exit 0', async (group) => {
    for (const argv of [[group, '--help'], [group, '-h'], ['help', group]]) {
      const r = await cli(argv);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: task-atlas ${group} <`));
    }
  });

  it('the global help lists every command, exit 0', async () => {
    for (const argv of [[], ['--help'], ['-h'], ['help']]) {
      const r = await cli(argv);
      expect(r.code).toBe(0);
      for (const c of COMMANDS) expect(r.out).toContain(`  ${c.path.join(' ')} `);
    }
  });
});

describe('refused with exit 2 and one line', () => {
  it.each<[string, string[], RegExp | string]>([
    ['unknown command', ['frobnicate'], 'unknown command "frobnicate"'],
    ['missing subcommand', ['hierarchy'], 'hierarchy needs a subcommand: build, show, export, import'],
    ['unknown subcommand', ['validate', 'check'], 'unknown subcommand "validate check"'],
    ['unknown option', ['classify', '--run', 'r', '--dataset', 'd', '--bogus'], 'unknown option --bogus for classify'],
    ['near-miss option', ['classify', '--run', 'r', '--datset', 'd'], 'did you mean --dataset?'],
    ['unknown single-dash option', ['reproduce', '-x'], 'unknown option -x'],
    ['extra positional', ['reproduce', 'extra'], 'unexpected argument "extra": reproduce takes no arguments'],
    ['extra positional (one allowed)', ['models', 'import', 'a', 'b'], 'unexpected argument "b": models import takes one DIR'],
    ['missing positional', ['conversations', 'import'], 'conversations import needs FILE'],
    ['unknown --formats entry', ['export', '--out', 'o', '--formats', 'csv,xlsx'], '--formats: unknown "xlsx" (use csv, r, dta, parquet)'],
    ['unknown --map key', ['conversations', 'import', 'a.jsonl', '--map', 'text=prompt,foo=bar'], '--map: unknown field "foo"'],
    ['malformed --map', ['conversations', 'import', 'a.jsonl', '--map', 'text'], '--map: "text" is not FIELD=COLUMN'],
    ['unknown --format', ['conversations', 'import', 'a.jsonl', '--format', 'xml'], '--format must be one of auto, jsonl'],
    ['--fake with --base-url (build)', ['hierarchy', 'build', '--fake', '--base-url', 'http://x'], '--fake and --base-url cannot be used together'],
    ['--fake with --base-url (classify)', ['classify', '--run', 'r', '--dataset', 'd', '--fake', '--base-url', 'http://x'], '--fake and --base-url cannot be used together'],
    ['--run with --source', ['export', '--out', 'o', '--run', 'r', '--source', 's'], '--source and --run cannot be used together'],
    ['non-numeric --concurrency', ['classify', '--run', 'r', '--dataset', 'd', '--concurrency', 'abc'], '--concurrency needs a whole number ≥ 1, not "abc"'],
    ['fractional --min-accounts', ['classify', '--run', 'r', '--dataset', 'd', '--min-accounts', '1.5'], '--min-accounts needs a whole number ≥ 1, not "1.5"'],
    ['negative --limit', ['classify', '--run', 'r', '--dataset', 'd', '--limit', '-3'], '--limit needs a whole number ≥ 1, not "-3"'],
    ['zero --rpm', ['hierarchy', 'build', '--rpm', '0'], '--rpm needs a whole number ≥ 1, not "0"'],
    ['--levels out of range', ['hierarchy', 'build', '--levels', '9'], '--levels needs a whole number from 2 to 6, not "9"'],
    ['non-numeric --port', ['serve', '--port', 'http'], '--port needs a whole number from 0 to 65535'],
    ['non-numeric --depth', ['hierarchy', 'show', '--depth', 'deep'], '--depth needs a whole number ≥ 1'],
    ['non-numeric --size', ['validate', 'sample', '--run', 'r', '--facet', 'task', '--out', 'p.json', '--size', '1e2'], '--size needs a whole number'],
    ['unknown --facet', ['validate', 'sample', '--run', 'r', '--facet', 'skill', '--out', 'p.json'], '--facet must be one of task, pattern, not "skill"'],
    ['missing value', ['export', '--out'], '--out DIR: the value is missing'],
    ['flag as a value', ['export', '--out', '--html'], '--out DIR: the value is missing'],
    ['value for a boolean', ['reproduce', '--json=yes'], '--json takes no value'],
    ['option given twice', ['run', 'report', '--run', 'a', '--run', 'b'], '--run is given more than once'],
    ['required option missing', ['classify', '--run', 'r'], 'classify needs --dataset NAME[,NAME]'],
    ['required option missing (import)', ['import', '--kind', 'wages'], 'import needs --file PATH'],
    ['unknown --kind', ['import', '--kind', 'nope', '--file', 'x'], '--kind must be one of onet-tasks'],
    ['bad run name', ['classify', '--run', 'my run', '--dataset', 'd'], '--run: "my run" must be letters, digits'],
    ['--release with --source', ['reproduce', '--release', 'd', '--source', 's'], '--release and --source cannot be used together'],
  ])('%s', async (_, argv, message) => {
    await refused(argv, message);
  });

  it.each<[string, string[], string]>([
    ['run report of a missing run', ['run', 'report', '--run', 'nosuch'], 'no classification run "nosuch" in this project'],
    ['run report comparing with a missing run', ['run', 'report', '--run', 'nosuch', '--compare', 'x'], 'no classification run "nosuch"'],
    ['validate report of a missing run', ['validate', 'report', '--run', 'nosuch'], 'no classification run "nosuch"'],
    ['validate sample of a missing run', ['validate', 'sample', '--run', 'nosuch', '--facet', 'task', '--out', 'p.json'], 'no classification run "nosuch"'],
    ['hierarchy show of a missing id', ['hierarchy', 'show', '--id', 'nosuch'], 'no hierarchy "nosuch" in this project'],
    ['hierarchy show without any', ['hierarchy', 'show'], 'no hierarchy in this project yet'],
    ['export of a missing run', ['export', '--run', 'nosuch', '--out', 'o'], 'no classification run "nosuch"'],
    ['export of a missing source', ['export', '--source', 'nosuch', '--out', 'o'], 'no usage source "nosuch" in this project (it has: aei-2025-02-10'],
    ['reproduce of a missing source', ['reproduce', '--source', 'run:nosuch'], 'no usage source "run:nosuch"'],
    ['classify of a missing dataset', ['classify', '--run', 'r', '--dataset', 'nosuch', '--fake'], 'no conversation dataset "nosuch" in this project'],
    ['hierarchy build on a missing task dataset', ['hierarchy', 'build', '--dataset', 'nosuch', '--fake', '--estimate'], 'no task dataset "nosuch" in this project'],
  ])('%s', async (_, argv, message) => {
    await refused([...argv, '--project', project], message);
  }, 60_000);

  it('a bad reference file: file:line:column and exit 2', async () => {
    const bad = join(dir, 'wages.csv');
    writeFileSync(bad, 'SOCcode,JobName,JobZone,MedianSalary\n11-1011.00,CE,5,abc\n');
    await refused(['import', '--kind', 'wages', '--file', bad, '--project', join(dir, 'ref.sqlite')], `${bad}:2:MedianSalary`);
  });

  it('a conversation file with no text column: file:line and exit 2, the location once', async () => {
    const csv = join(dir, 'nocol.csv');
    writeFileSync(csv, 'a,b\n1,2\n');
    await refused(['conversations', 'import', csv, '--project', join(dir, 'conv-bad.sqlite')], `error: ${csv}:1: no text or messages column`);
  }, 60_000);

  it.each<[string, string[], string]>([
    ['a missing label file', ['validate', 'import', 'nope.json'], 'nope.json: file does not exist'],
    ['a file that is not a hierarchy', ['hierarchy', 'import', '--file', 'package.json'], 'package.json: not a Task Atlas hierarchy'],
    ['a folder that is not a model', ['models', 'import', 'test'], 'is not a transformers.js model folder'],
  ])('%s: exit 2', async (_, argv, message) => {
    await refused([...argv, ...(argv[0] === 'models' ? [] : ['--project', join(dir, 'files.sqlite')])], message);
  }, 60_000);
});

describe('folders, missing files and a missing project folder are named (issue #13.1)', () => {
  it('exit 2 with the path and what is wrong with it', async () => {
    const project = ['--project', join(dir, 'paths.sqlite')];
    const missing = join(dir, 'nope.csv');
    const cases: [string[], string][] = [
      [['import', '--kind', 'wages', '--file', dir, ...project], `error: ${dir}: this is a folder, not a file`],
      [['import', '--kind', 'wages', '--file', missing, ...project], `error: ${missing}: file does not exist`],
      [['conversations', 'import', dir, ...project], `error: ${dir}: this is a folder, not a file`],
      [['hierarchy', 'import', '--file', dir, ...project], `error: ${dir}: this is a folder, not a file`],
      [['validate', 'import', dir, ...project], `error: ${dir}: this is a folder, not a file`],
      [['import', '--kind', 'wages', '--file', missing, '--project', join(dir, 'no/such/p.sqlite')], `project folder "${join(dir, 'no/such')}" does not exist`],
      [['conversations', 'list', '--project', join(dir, 'gone', 'p.sqlite')], `project folder "${join(dir, 'gone')}" does not exist`],
    ];
    for (const [argv, message] of cases) await refused(argv, message);
  }, 60_000);
});

describe('conversations import FILE FILE … (bug 7)', () => {
  it('imports every file, each into its own dataset, and reports each', async () => {
    const a = join(dir, 'first.jsonl');
    const b = join(dir, 'second.jsonl');
    await generateSynthetic(a, 12, 1);
    await generateSynthetic(b, 7, 2);
    const r = await cli(['conversations', 'import', a, b, '--project', join(dir, 'multi.sqlite')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('first: 12 conversations read (jsonl), 12 added');
    expect(r.out).toContain('second: 7 conversations read (jsonl), 7 added');
  }, 60_000);

  it('with --dataset every file goes into that dataset', async () => {
    const a = join(dir, 'first.jsonl');
    const b = join(dir, 'second.jsonl');
    const r = await cli(['conversations', 'import', a, b, '--dataset', 'both', '--project', join(dir, 'one.sqlite')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out.match(/^both: /gm)).toHaveLength(2);
    expect(r.out).toContain('both: 12 conversations read (jsonl), 12 added');
    // The synthetic generator numbers its conversations: the second file's are already there.
    expect(r.out).toContain('both: 7 conversations read (jsonl), 0 added, 7 already present');
  }, 60_000);

  it('a refused file is reported and the others still import; exit 2', async () => {
    const a = join(dir, 'first.jsonl');
    const b = join(dir, 'second.jsonl');
    const missing = join(dir, 'missing.jsonl');
    const r = await cli(['conversations', 'import', a, missing, b, '--project', join(dir, 'partial.sqlite')]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('first: 12 conversations read');
    expect(r.out).toContain('second: 7 conversations read');
    expect(r.err).toContain(`error: ${missing}: file does not exist`);
    expect(r.err).toContain('1 of 3 files refused');
  }, 60_000);
});

describe('export without --source or --run', () => {
  it('says on stderr which source it chose', async () => {
    const out = join(dir, 'export');
    const r = await cli(['export', '--out', out, '--formats', 'csv', '--project', project]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('exporting the bundled release (--source aei-2025-02-10)');
    expect(r.out).toMatch(/^wrote \d+ files to /m);
  }, 120_000);
});
