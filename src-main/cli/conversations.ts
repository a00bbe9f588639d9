// `task-atlas conversations import FILE [FILE …]`: each file is the app's "conversations.import" job
// run in this process, one after the other. Bad rows are reported with their file and line, as the
// app's import card lists them; a file that cannot be read at all is reported and the next one still
// imports, and the exit code is then 2 (a file of the user's was wrong). `task-atlas conversations
// list` shows the project's datasets, an interrupted import as such.
import { resolve } from 'node:path';
import type { ConversationDatasetInfo } from '../../src-shared/api';
import type { CONVERSATION_FORMATS, JobArgs } from '../../src-shared/jobs';
import { inputFileSize } from '../engine/base/files';
import { errorLine, exitCodeFor, USAGE_EXIT_CODE } from './errors';
import { withSession, type CliSession } from './session';
import { runJob } from './run-job';

type Mapping = NonNullable<JobArgs<'conversations.import'>['mapping']>;

export interface ConversationImportFlags {
  project?: string;
  format?: (typeof CONVERSATION_FORMATS)[number];
  dataset?: string;
  map?: Mapping;
}

export function runConversationsImport(files: readonly string[], flags: ConversationImportFlags): Promise<number> {
  return withSession({ project: flags.project }, async (s) => {
    let refused = 0;
    for (const file of files) {
      const code = await importOne(s, resolve(file), flags, files.length > 1);
      // Ctrl+C pauses this file's job: stop there, the same command resumes it and imports the rest.
      if (code !== 0 && code !== USAGE_EXIT_CODE) return code;
      if (code !== 0) refused++;
    }
    if (refused > 0 && files.length > 1) process.stderr.write(`${refused} of ${files.length} files refused\n`);
    return refused > 0 ? USAGE_EXIT_CODE : 0;
  });
}

/** Imports one file; a refused file is reported on stderr and answers 2, a failure throws. */
async function importOne(s: CliSession, path: string, flags: ConversationImportFlags, several: boolean): Promise<number> {
  try {
    inputFileSize(path); // a folder, a missing or unreadable path: refused here, named
    const outcome = await runJob(s.host, { kind: 'conversations.import', args: importArgsFrom(path, flags) });
    if (!outcome.ok) return outcome.code;
    const r = outcome.result;
    process.stdout.write(
      `${r.dataset}: ${r.conversations} conversations read (${r.format}), ${r.added} added, ${r.duplicates} already present, ${r.badRows} bad rows\n`,
    );
    for (const b of r.badRowSamples) process.stdout.write(`  ${r.file}:${b.line}: ${b.reason}\n`);
    return 0;
  } catch (err) {
    // With one file the caller reports it as any other error; with several, the others go on.
    if (!several || exitCodeFor(err) !== USAGE_EXIT_CODE) throw err;
    process.stderr.write(`error: ${errorLine(err)}\n`);
    return USAGE_EXIT_CODE;
  }
}

export function importArgsFrom(path: string, flags: ConversationImportFlags): JobArgs<'conversations.import'> {
  return {
    path,
    format: flags.format ?? 'auto',
    ...(flags.dataset ? { dataset: flags.dataset } : {}),
    ...(flags.map ? { mapping: flags.map } : {}),
  };
}

export function runConversationsList(flags: { project?: string; json?: boolean }): Promise<number> {
  return withSession({ project: flags.project }, async (s) => {
    const list = await s.call('conversations.datasets', {});
    process.stdout.write(flags.json ? JSON.stringify(list, null, 2) + '\n' : list.map(datasetLine).join(''));
    if (!flags.json && list.length === 0) process.stdout.write('no conversation datasets: import one with `task-atlas conversations import FILE`\n');
    return 0;
  });
}

/** One dataset; an unfinished one says so and how to complete it, so it never passes for whole. */
function datasetLine(d: ConversationDatasetInfo): string {
  const head = `${d.dataset}: ${d.conversations} conversations, ${d.accounts} accounts, ${d.badRows} bad rows (${d.files.join(', ')})`;
  if (d.status === 'complete') return `${head}\n`;
  const files = d.incompleteFiles.join(', ');
  if (d.status === 'importing') return `${head} — importing ${files} now\n`;
  return `${head} — INTERRUPTED: the import of ${files} did not finish (only ${d.conversations} conversations so far); rerun the same \`task-atlas conversations import\` to complete it\n`;
}
