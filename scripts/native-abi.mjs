#!/usr/bin/env node
// better-sqlite3 is a native module: Node (CLI, tests, `npm run serve`) and Electron (`npm start`)
// need it compiled for different ABIs. This makes sure the build on disk fits the runtime about to
// start, rebuilding only when it does not, so switching between the two just works.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const target = process.argv[2];
const require = createRequire(import.meta.url);

function run(cmd, args, env = {}) {
  return spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, ...env } });
}

function loadsIn(runtime) {
  const probe = "new (require('better-sqlite3'))(':memory:').close()";
  if (runtime === 'node') return spawnSync(process.execPath, ['-e', probe]).status === 0;
  const electron = require('electron');
  return spawnSync(electron, ['-e', probe], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }).status === 0;
}

if (target === 'node') {
  if (!loadsIn('node')) {
    console.log('Rebuilding better-sqlite3 for Node…');
    process.exit(run('npm', ['rebuild', 'better-sqlite3']).status ?? 1);
  }
} else if (target === 'electron') {
  let electronPath;
  try {
    electronPath = require('electron');
  } catch {
    electronPath = undefined;
  }
  if (typeof electronPath !== 'string') {
    console.error('Electron is not installed (its binary download was skipped?). Run `npm install` with internet, or use `npm run serve`.');
    process.exit(1);
  }
  if (!loadsIn('electron')) {
    // prebuild-install (or node-gyp as a fallback) reads these npm_config_* settings: it fetches the
    // prebuilt binary for this Electron version, or the Electron headers to compile against.
    const { version } = require('electron/package.json');
    console.log(`Rebuilding better-sqlite3 for Electron ${version}…`);
    const env = {
      npm_config_runtime: 'electron',
      npm_config_target: version,
      npm_config_disturl: 'https://electronjs.org/headers',
    };
    process.exit(run('npm', ['rebuild', 'better-sqlite3'], env).status ?? 1);
  }
} else {
  console.error('usage: native-abi.mjs node|electron');
  process.exit(2);
}
