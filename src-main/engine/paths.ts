// Paths typed by a user (in the wizard or a browser, where no file picker gives absolute paths):
// a leading "~" is the home folder and relative paths are taken from the working directory.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function expandPath(path: string): string {
  const p = path.trim();
  if (p === '~') return homedir();
  if (p.startsWith('~/') || p.startsWith('~\\')) return join(homedir(), p.slice(2));
  return resolve(p);
}

/** Where the CLI and the browser build keep settings, logs, models and the default project. */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.TASK_ATLAS_HOME ?? join(homedir(), '.task-atlas'));
}
