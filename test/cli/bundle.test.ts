// The prebuilt CLI bundle (scripts/cli-bundle.mjs, run by bin/task-atlas.mjs): it answers exactly as
// the TypeScript sources do, it is what actually runs (CLI, task worker, engine child), a stale one
// is rebuilt before it runs, and when it cannot be built the CLI still works from the sources with
// a one-line notice. Each test builds into its own folder (TASK_ATLAS_CLI_OUT) inside out/, where
// node_modules still resolve, so out/cli and the other test files are left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fork, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mtimeOf, stampState, writeStamp } from '../../scripts/build-stamp.mjs';
import { buildCliBundle, bundleState } from '../../scripts/cli-bundle.mjs';
import { webInputs } from '../../scripts/web-bundle.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
let out: string;
let scratch: string;

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/task-atlas.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, TASK_ATLAS_CLI_OUT: out, ...env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sourceRuns = new Map<string, ReturnType<typeof cli>>();
/** The same command through tsx (each asked once: transpiling takes a second or more). */
function fromSources(args: string[]) {
  const key = args.join(' ');
  if (!sourceRuns.has(key)) sourceRuns.set(key, cli(args, { TASK_ATLAS_FROM_SOURCE: '1' }));
  return sourceRuns.get(key)!;
}
const stampOf = () => JSON.parse(readFileSync(join(out, 'stamp.json'), 'utf8')) as { inputs: [string, number][] };
const bundleFiles = () => readdirSync(out).filter((f) => f.endsWith('.mjs'));

beforeAll(async () => {
  out = mkdtempSync(join(ROOT, 'out', '.cli-test-'));
  scratch = mkdtempSync(join(tmpdir(), 'atlas-bundle-'));
  await buildCliBundle(out);
});

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe('the prebuilt CLI bundle', () => {
  it('holds the CLI, the task worker, the engine child and the embedding worker, none needing tsx', () => {
    // Its stamp covers the sources of all four (other files may be edited meanwhile: not asserted current).
    const stamped = stampOf().inputs.map(([file]) => file);
    for (const f of ['src-main/cli/main.ts', 'src-main/engine/workers/task-worker.ts', 'src-main/engine-process/index.ts', 'package-lock.json']) expect(stamped).toContain(f);
    for (const entry of ['main.mjs', 'task-worker.mjs', 'node-entry.mjs', 'embed-worker.mjs']) expect(existsSync(join(out, entry))).toBe(true);
    const importsTsx = bundleFiles().filter((f) => /from\s*"tsx|import\("tsx/.test(readFileSync(join(out, f), 'utf8')));
    expect(importsTsx).toEqual([]);
  });

  it('loads no package for --help: the command table only, no engine, no zod, no SQLite', () => {
    const loaded = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      // Static imports only: each command's module is a dynamic import(), loaded when it runs.
      for (const [, spec] of readFileSync(join(out, file), 'utf8').matchAll(/^(?:import|export)\b[^;]*?from\s*"([^"]+)"/gm)) {
        if (spec!.startsWith('./')) visit(spec!.slice(2));
        else if (!spec!.startsWith('node:')) packages.add(spec!);
      }
    };
    visit('main.mjs');
    expect([...packages]).toEqual([]);
    expect(loaded.size).toBeLessThan(10);
  });

  it('answers --help, a command help and a usage error exactly as the TypeScript sources do', () => {
    for (const args of [['--help'], ['reproduce', '--help'], ['no-such-command']]) {
      const bundled = cli(args);
      const source = fromSources(args);
      expect(bundled).toEqual(source);
      expect(bundled.code).toBe(args[0] === 'no-such-command' ? 2 : 0);
    }
    expect(cli(['--help']).stdout).toMatch(/^Usage: task-atlas <command> \[options\]\n/);
  });

  it('is what runs: a change made to the bundle alone shows in the output', () => {
    freezeBundle();
    const marked = markBundle();
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('(from the bundle)');
    expect(readFileSync(join(out, marked), 'utf8')).toContain('(from the bundle)');
  });

  it('rebuilds a stale bundle from the sources before running it', () => {
    markBundle();
    // As if src-main/cli/help.ts had been edited since the build.
    writeFileSync(join(out, 'stamp.json'), JSON.stringify({ version: 1, inputs: [['src-main/cli/help.ts', 1000]] }));
    expect(bundleState(out)).toBe('stale');

    const r = cli(['--help']);
    expect(r).toEqual(fromSources(['--help']));
    expect(r.stdout).not.toContain('(from the bundle)');
    expect(stampOf().inputs.find(([file]) => file === 'src-main/cli/help.ts')![1]).not.toBe(1000);
  });

  it('runs from the TypeScript sources, with a one-line notice, when the bundle cannot be built', () => {
    // A bundle folder under a regular file cannot be created.
    const r = cli(['--help'], { TASK_ATLAS_CLI_OUT: join(out, 'main.mjs', 'cli') });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(fromSources(['--help']).stdout);
    expect(r.stderr).toMatch(/^task-atlas: the CLI bundle could not be rebuilt \(.+\); running from the TypeScript sources\n$/);
  });

  it('starts task worker threads from the bundle', () => {
    const csv = join(ROOT, 'test/fixtures/mini-release/SOC_Structure.csv');
    const args = (name: string) => ['import', '--kind', 'soc-structure', '--file', csv, '--project', join(scratch, name)];
    const worker = join(out, 'task-worker.mjs');
    freezeBundle();
    renameSync(worker, `${worker}.away`);
    const missing = cli(args('a.sqlite'));
    renameSync(`${worker}.away`, worker);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`task worker not found next to ${pathToFileURL(out).href}/`);

    const r = cli(args('b.sqlite'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('imported 7 rows of soc-structure');
  });

  it('starts the serve engine child from the bundle, without a TypeScript loader', async () => {
    const child = fork(join(out, 'node-entry.mjs'), [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
    const first = await new Promise<unknown>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`the engine child exited (${code}) before saying hello`)));
    });
    expect(first).toEqual({ type: 'hello' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.disconnect(); // the engine leaves when its parent goes away
    expect(await exited).toBe(0);
  });
});

describe('build stamps (out/cli, and out/web for npm run serve)', () => {
  it('say current until a source is edited or deleted, and missing without the build', () => {
    const dir = mkdtempSync(join(scratch, 'stamp-'));
    const [a, b, built, stamp] = ['a.ts', 'b.ts', 'built.js', 'stamp.json'].map((f) => join(dir, f)) as [string, string, string, string];
    for (const f of [a, b, built]) writeFileSync(f, 'x');
    writeStamp(stamp, [a, b].map((f) => [f, mtimeOf(f)]));
    expect(stampState(stamp, built)).toBe('current');
    expect(stampState(stamp, join(dir, 'not-built.js'))).toBe('missing');
    utimesSync(a, new Date(), new Date(Date.now() + 5000));
    expect(stampState(stamp, built)).toBe('stale');
    writeStamp(stamp, [a, b].map((f) => [f, mtimeOf(f)]));
    rmSync(b);
    expect(stampState(stamp, built)).toBe('stale');
  });

  it('cover everything the web build reads: the renderer, src-shared and the configs', () => {
    const files = webInputs().map(([f]) => f.slice(ROOT.length + 1).split('\\').join('/'));
    for (const f of ['src-renderer/index.html', 'src-shared/api.ts', 'vite.web.config.ts', 'package-lock.json']) expect(files).toContain(f);
    expect(webInputs().every(([, mtime]) => mtime > 0)).toBe(true);
  });
});

/**
 * A stamp that lists no source, so the bundle stays current whatever else is edited meanwhile in
 * the working tree: a test's own change to the bundle is not rebuilt away under it.
 */
function freezeBundle(): void {
  writeFileSync(join(out, 'stamp.json'), JSON.stringify({ version: 1, inputs: [] }));
}

/** Appends a marker to the global help's first line, in the bundle only; returns the file changed. */
function markBundle(): string {
  const line = '"Usage: task-atlas <command> [options]';
  const file = bundleFiles().find((f) => readFileSync(join(out, f), 'utf8').includes(line))!;
  const text = readFileSync(join(out, file), 'utf8');
  if (!text.includes(`${line} (from the bundle)`)) writeFileSync(join(out, file), text.replace(`${line}"`, `${line} (from the bundle)"`));
  return file;
}
