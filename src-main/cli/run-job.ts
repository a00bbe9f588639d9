// A long command is a job of the app's own kinds, run in this process: its progress events are
// drawn on stderr, Ctrl+C pauses it (the same command resumes it: the job's checkpoints skip what
// is done), and a second Ctrl+C leaves at once (the next run resumes from the last checkpoint too).
import type { JobInfo, JobKind, JobResults, JobStart } from '../../src-shared/jobs';
import type { AppHost } from '../engine/host';
import { UnavailableError } from '../engine/errors';
import { progressPrinter } from './progress';
import { CliError, exitCodeForKind } from './errors';

export const PAUSED_EXIT_CODE = 130;

export type JobOutcome<K extends JobKind> = { ok: true; result: JobResults[K]; job: JobInfo } | { ok: false; code: number };

export async function runJob<K extends JobKind>(host: AppHost, start: JobStart & { kind: K }): Promise<JobOutcome<K>> {
  const bar = progressPrinter(process.stderr);
  let id: string | null = null;
  const onUpdate = (job: JobInfo) => {
    if (job.id === id && job.progress) bar.update(job.progress);
  };
  let interrupts = 0;
  const onSigint = () => {
    if (++interrupts > 1 || id === null) process.exit(PAUSED_EXIT_CODE);
    host.jobs.cancel(id, 'pause');
  };
  host.jobs.on('update', onUpdate);
  process.on('SIGINT', onSigint);
  try {
    const started = withCliHint(() => host.startOrResume(start));
    id = started.id;
    if (started.attempts > 1) process.stderr.write(`resuming: ${started.label} (attempt ${started.attempts})\n`);
    const job = await host.jobs.wait(started.id);
    bar.done();
    return finished<K>(job);
  } finally {
    process.off('SIGINT', onSigint);
    host.jobs.off('update', onUpdate);
  }
}

function finished<K extends JobKind>(job: JobInfo): JobOutcome<K> {
  switch (job.status) {
    case 'done':
      return { ok: true, result: job.result as JobResults[K], job };
    case 'paused':
      process.stderr.write('paused: run the same command again to resume\n');
      return { ok: false, code: PAUSED_EXIT_CODE };
    case 'cancelled':
      process.stderr.write('cancelled\n');
      return { ok: false, code: PAUSED_EXIT_CODE };
    default: {
      const e = job.error;
      const message = e?.message ?? `job ended ${job.status}`;
      // An import error's message already starts with its file:line:column.
      const where = e?.file && !message.startsWith(e.file) ? `${e.file}${e.line ? `:${e.line}` : ''}: ` : '';
      const hint = e?.kind === 'unavailable' ? hintFor(message) : '';
      throw new CliError(`${where}${message}${hint}`, exitCodeForKind(e?.kind));
    }
  }
}

/** Runs `fn`, adding the terminal's way to supply what an UnavailableError says is missing. */
function withCliHint<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof UnavailableError) throw new Error(err.message + CLI_HINTS[err.need]);
    throw err;
  }
}

const CLI_HINTS: Record<UnavailableError['need'], string> = {
  'api-key': ' (in a terminal: set ANTHROPIC_API_KEY, or use --fake for the built-in demo server)',
  model: ' (in a terminal: `task-atlas models import DIR`, --model-dir DIR, or --allow-download)',
  network: '',
  data: '',
  other: '',
};

/** A job's recorded error keeps only its kind: recover the need from the message. */
function hintFor(message: string): string {
  if (/API key/i.test(message)) return CLI_HINTS['api-key'];
  if (/Embedding model/i.test(message)) return CLI_HINTS.model;
  return '';
}
