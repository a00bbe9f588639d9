// `task-atlas models import DIR [--model ID]`: install an embedding model folder into the app's cache
// for machines without internet (the folder is made once on a machine that has it).
import { join, resolve } from 'node:path';
import { importModelFolder, resolveModelId } from '../engine/embed/models';
import { defaultConfigDir } from '../engine/paths';

/** The model cache of the CLI's (in-memory) settings: the same folder the settings default to. */
export function modelCacheDir(): string {
  return join(defaultConfigDir(), 'models');
}

export function runModelsImport(dir: string, flags: { model?: string }): number {
  const id = resolveModelId(flags.model ?? 'all-mpnet-base-v2');
  const installed = importModelFolder(resolve(dir), modelCacheDir(), id);
  process.stdout.write(`installed ${id} at ${installed}\n`);
  return 0;
}
