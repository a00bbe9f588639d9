// `task-atlas models import DIR [--model ID]`: install an embedding model folder into the app's cache
// for machines without internet (the folder is made once on a machine that has it).
import { join, resolve } from 'node:path';
import { homedir } from 'node:os';
import { importModelFolder, resolveModelId } from '../engine/embed/models';

export function modelCacheDir(): string {
  return join(resolve(process.env.TASK_ATLAS_HOME ?? join(homedir(), '.task-atlas')), 'models');
}

export function runModelsImport(dir: string | undefined, flags: { model?: string }): number {
  if (!dir) throw new Error('usage: task-atlas models import DIR [--model all-mpnet-base-v2|all-MiniLM-L6-v2|ID]');
  const id = resolveModelId(flags.model ?? 'all-mpnet-base-v2');
  const installed = importModelFolder(resolve(dir), modelCacheDir(), id);
  process.stdout.write(`installed ${id} at ${installed}\n`);
  return 0;
}
