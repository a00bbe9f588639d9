#!/usr/bin/env node
// The prebuilt CLI bundle (out/cli): `task-atlas` starts from plain JavaScript instead of transpiling
// TypeScript with tsx at every start. esbuild (installed as tsx's own dependency, so it is there
// wherever the CLI can run from source) bundles six entries, code-split so `--help` loads only the
// command table while each command's module stays a lazily imported chunk:
//   main.mjs          the CLI (src-main/cli/main.ts)
//   task-worker.mjs   the task worker thread (workers/pool.ts looks for ./task-worker.mjs beside itself)
//   node-entry.mjs    the `serve` engine child (node-child.ts forks ./node-entry.mjs beside itself)
//   embed-worker.mjs  the embedding worker thread (embedder.ts looks for ./embed-worker.mjs)
//   conversation-worker.mjs, checkpoint-worker.mjs  a large conversation import's reader and
//                     checkpointer threads (reader-thread.ts, checkpointer.ts look for them beside themselves)
// The three .mjs bootstraps register tsx when run from source; here `tsx/esm/api` becomes a no-op,
// so the very same files are the bundled entries. Packages stay external (native modules; node_modules
// resolve from out/cli as from src-main), except the Claude SDK: ~400 files that take the engine
// ~0.3 s to resolve and load one by one, 0.1 s as one chunk. stamp.json (build-stamp.mjs) says
// whether the bundle is current.
// `node scripts/cli-bundle.mjs` (npm run build:cli) builds it.
import { mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mtimeOf, ROOT, stampState, writeAtomic, writeStamp } from './build-stamp.mjs';

const STAMP = 'stamp.json';

/** Chunks left by an earlier build are removed once this old (a running `serve` may still load them). */
const PRUNE_AFTER_MS = 60 * 60 * 1000;

const ENTRIES = {
  main: 'src-main/cli/main.ts',
  'task-worker': 'src-main/engine/workers/task-worker.mjs',
  'node-entry': 'src-main/engine-process/node-entry.mjs',
  'embed-worker': 'src-main/engine/embed/embed-worker.mjs',
  'conversation-worker': 'src-main/engine/ingest/conversations/conversation-worker.mjs',
  'checkpoint-worker': 'src-main/engine/ingest/conversations/checkpoint-worker.mjs',
};

/** out/cli, or TASK_ATLAS_CLI_OUT (tests build a throwaway copy: it must stay inside the project). */
export function cliOutDir() {
  return resolve(ROOT, process.env.TASK_ATLAS_CLI_OUT ?? 'out/cli');
}

/** The URL of the bundled CLI entry in `outDir`. */
export function cliEntry(outDir = cliOutDir()) {
  return pathToFileURL(join(outDir, 'main.mjs')).href;
}

/** 'missing', 'stale' (a source changed since it was built) or 'current'. */
export function bundleState(outDir = cliOutDir()) {
  return stampState(join(outDir, STAMP), join(outDir, 'main.mjs'));
}

/** Bundled rather than loaded from node_modules (pure JavaScript, slow to load as many files). */
const BUNDLED_PACKAGES = /^@anthropic-ai\/sdk(\/|$)/;

/**
 * Package imports from our sources stay external, resolved by Node from node_modules at run time;
 * a bundled package takes what it imports along (esbuild resolves it from the package's folder).
 */
const externalPackages = {
  name: 'task-atlas:external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const bundled = BUNDLED_PACKAGES.test(args.path) || args.path === 'tsx/esm/api' || /[\\/]node_modules[\\/]/.test(args.importer);
      return bundled ? undefined : { path: args.path, external: true };
    });
  },
};

const tsxStub = {
  name: 'task-atlas:tsx-stub',
  setup(build) {
    build.onResolve({ filter: /^tsx\/esm\/api$/ }, () => ({ path: 'tsx', namespace: 'tsx-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'tsx-stub' }, () => ({ contents: 'export function register() {}', loader: 'js' }));
  },
};

/**
 * Builds the bundle into `outDir`. Every file is written under a temporary name and renamed, chunks
 * before entries and the stamp last, so a CLI starting meanwhile (or a second build racing this
 * one: the output is deterministic) never reads half a file or a stamp ahead of its files.
 */
export async function buildCliBundle(outDir = cliOutDir()) {
  const started = Date.now();
  mkdirSync(outDir, { recursive: true }); // first: an unwritable place fails before any work
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [tsxStub, externalPackages],
  });
  const isEntry = (path) => Object.keys(ENTRIES).some((n) => baseName(path).startsWith(`${n}.mjs`));
  const files = [...result.outputFiles].sort((a, b) => Number(isEntry(a.path)) - Number(isEntry(b.path)));
  for (const f of files) writeAtomic(f.path, f.contents);
  writeStamp(join(outDir, STAMP), inputsOf(result.metafile, started));
  prune(outDir, new Set([STAMP, ...files.map((f) => baseName(f.path))]));
  return { ms: Date.now() - started, files: files.length };
}

/**
 * Each source esbuild read with its mtime, and these build scripts. Bundled packages are covered by
 * npm's lockfiles (an install rewrites node_modules/.package-lock.json) instead of their hundreds
 * of files. A file modified after the build started may have been read before or after the change:
 * it gets an impossible mtime, so the next start rebuilds. The second of margin covers coarse clocks.
 */
function inputsOf(metafile, started) {
  const files = Object.keys(metafile.inputs).filter((p) => !p.includes(':') && !p.startsWith('node_modules/'));
  files.push(relative(ROOT, fileURLToPath(import.meta.url)), 'scripts/build-stamp.mjs', 'package-lock.json', 'node_modules/.package-lock.json');
  return files.map((file) => {
    const mtime = mtimeOf(join(ROOT, file));
    return [file, mtime >= started - 1000 ? -2 : mtime];
  });
}

function prune(outDir, keep) {
  const cutoff = Date.now() - PRUNE_AFTER_MS;
  for (const name of readdirSync(outDir)) {
    if (keep.has(name)) continue;
    try {
      const path = join(outDir, name);
      if (statSync(path).mtimeMs < cutoff) unlinkSync(path);
    } catch {
      // a concurrent build removed it first
    }
  }
}

const baseName = (path) => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { ms, files } = await buildCliBundle();
  console.log(`CLI bundle: ${files} files in ${relative(ROOT, cliOutDir())} (${ms} ms)`);
}
