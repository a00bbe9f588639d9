// Runs the CLI under GNU time, for the tests that bound a whole process's memory (issue #13.1): the
// peak RSS it reports covers the main thread and every worker thread, which share the process.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

export interface TimedRun {
  code: number | null;
  stdout: string;
  /** stderr without GNU time's own lines. */
  stderr: string;
  peakMb: number;
  seconds: number;
}

/** `node bin/task-atlas.mjs …args` to completion, with its peak RSS (MB) and wall time. */
export function timedCli(args: string[], env: NodeJS.ProcessEnv): Promise<TimedRun> {
  return new Promise((done, fail) => {
    const cli = [process.execPath, join(ROOT, 'bin/task-atlas.mjs'), ...args];
    const child = spawn('/usr/bin/time', ['-f', 'PEAK %M %e', ...cli], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.on('error', fail);
    child.on('exit', (code) => {
      const m = /PEAK (\d+) ([\d.]+)/.exec(stderr);
      if (m === null) return fail(new Error(`no peak RSS from /usr/bin/time in: ${stderr}`));
      const own = stderr.slice(0, m.index).replace(/^Command exited with non-zero status \d+\n/m, '');
      done({ code, stdout, stderr: own, peakMb: Number(m[1]) / 1024, seconds: Number(m[2]) });
    });
  });
}
