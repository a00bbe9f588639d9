// Where the CLI and `npm run serve` keep their default project: in the config folder
// ($TASK_ATLAS_HOME or ~/.task-atlas).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfigDir } from '../engine/paths';

export function defaultProjectPath(): string {
  const home = defaultConfigDir();
  mkdirSync(home, { recursive: true });
  return join(home, 'default.sqlite');
}
