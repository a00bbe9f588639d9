// Where the CLI and `npm run serve` keep their default project.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultProjectPath(): string {
  const home = process.env.TASK_ATLAS_HOME ?? join(homedir(), '.task-atlas');
  mkdirSync(home, { recursive: true });
  return join(home, 'default.sqlite');
}
