// Runs the CLI in a child process and kills it with SIGKILL (no handler, no cleanup runs: what a
// crash or a power cut does) as soon as `ready()` is true, to test what an interrupted command leaves.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const CLI = join(ROOT, 'bin/task-atlas.mjs');

/** Resolves once the child is gone; `ready` is polled every `everyMs` until then. */
export async function killCliWhen(args: string[], ready: () => boolean, everyMs = 20): Promise<void> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: 'ignore' });
  let ended = false;
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      ended = true;
      done();
    }),
  );
  while (!ended && !ready()) await new Promise((r) => setTimeout(r, everyMs));
  child.kill('SIGKILL');
  await exited;
}
