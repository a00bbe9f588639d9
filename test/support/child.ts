// Child processes for the tests that drive the CLI: run one to completion, or start one and poll
// until something is true. Every wait also ends when the child exits, failing with its stderr, so
// a child that crashes early fails the test at once instead of spinning until the test timeout.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const KEEP = 4000; // characters of stderr kept for the failure message

export interface Child {
  process: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal) once the child has exited. */
  exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
}

/** Starts `node bin/task-atlas.mjs …args`; stdout is kept whole, stderr only its tail. */
export function startCli(args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, [join(ROOT, 'bin/task-atlas.mjs'), ...args], { cwd: ROOT, env });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (err = (err + c).slice(-KEEP)));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { process: child, exited, stdout: () => out, stderr: () => err };
}

/** Runs the CLI to completion and resolves with its stdout; rejects with its stderr if it fails. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = startCli(args, env);
  const code = await child.exited;
  if (code !== 0) throw new Error(`task-atlas ${args.slice(0, 2).join(' ')} failed (${code}):\n${child.stderr()}`);
  return child.stdout();
}

/**
 * Polls `done` every `everyMs` until it returns true. Rejects as soon as the child exits first,
 * with the child's exit code and stderr: the condition can no longer come true.
 */
export async function waitWhileRunning(child: Child, done: () => boolean, everyMs = 200): Promise<void> {
  let exitCode: number | null | undefined;
  void child.exited.then((code) => (exitCode = code));
  for (;;) {
    if (done()) return;
    if (exitCode !== undefined) {
      throw new Error(`the child exited (${exitCode}) before the awaited state:\n${child.stderr()}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** SIGKILLs the child and waits until it is gone. */
export async function killHard(child: Child): Promise<void> {
  child.process.kill('SIGKILL');
  await child.exited;
}
