#!/usr/bin/env node
// Runs the CLI from its prebuilt bundle (out/cli, built by `npm run build` or
// `node scripts/cli-bundle.mjs`): plain JavaScript, so `--help` answers in a fraction of a second.
//
// Never stale code: when a source file changed since the bundle was built (a developer edited the
// TypeScript without rebuilding, a checkout) or there is no bundle yet, this rebuilds it first —
// esbuild takes well under a second, once, quietly. Only if that fails (esbuild missing, a read-only
// install folder) does it fall back to transpiling the sources with tsx, with a one-line notice on
// stderr. TASK_ATLAS_FROM_SOURCE=1 forces the tsx path (tests compare the two, the bench times it).
import { buildCliBundle, bundleState, cliEntry } from '../scripts/cli-bundle.mjs';

async function loadMain() {
  if (process.env.TASK_ATLAS_FROM_SOURCE !== '1') {
    if (await bundleReady()) {
      if (process.env.TASK_ATLAS_DEBUG) process.setSourceMapsEnabled(true);
      return (await import(cliEntry())).main;
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src-main/cli/main.ts')).main;
}

/** True when out/cli is current, after rebuilding it if needed; false (with a notice) if that failed. */
async function bundleReady() {
  if (bundleState() === 'current') return true;
  try {
    await buildCliBundle();
    return true;
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    process.stderr.write(`task-atlas: the CLI bundle could not be rebuilt (${reason}); running from the TypeScript sources\n`);
    return false;
  }
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
