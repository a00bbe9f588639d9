// Where embedding models live on disk. A model is a folder in the layout transformers.js loads
// (config.json, tokenizer.json, tokenizer_config.json, onnx/<model>.onnx) at
// <cacheDir>/<owner>/<name>: the same path transformers.js's file cache writes a download to, so a
// downloaded model and one imported from a folder by an offline user are found the same way.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { InvalidInputError, UnavailableError } from '../errors';
import { dirname, join } from 'node:path';

/** Short names users pick from, mapped to the transformers.js ONNX exports on the Hugging Face hub. */
export const MODEL_ALIASES: Readonly<Record<string, string>> = {
  'all-mpnet-base-v2': 'Xenova/all-mpnet-base-v2',
  'all-MiniLM-L6-v2': 'Xenova/all-MiniLM-L6-v2',
};

const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

// transformers.js names weight files onnx/model<suffix>.onnx by dtype. Full precision first: the
// sentence-transformers reference vectors are fp32, and any quantised file is only a fallback.
const DTYPE_FILES: readonly (readonly [dtype: string, file: string])[] = [
  ['fp32', 'model.onnx'],
  ['fp16', 'model_fp16.onnx'],
  ['q8', 'model_quantized.onnx'],
  ['int8', 'model_int8.onnx'],
  ['uint8', 'model_uint8.onnx'],
  ['q4', 'model_q4.onnx'],
  ['bnb4', 'model_bnb4.onnx'],
  ['q4f16', 'model_q4f16.onnx'],
];

// Mirrors transformers.js's hub-id check: anything else it treats as a path relative to the cwd.
const MODEL_ID = /^(\b[\w\-.]+\b\/)?\b[\w\-.]{1,96}\b$/;

export function resolveModelId(model: string): string {
  const id = MODEL_ALIASES[model] ?? model;
  if (!MODEL_ID.test(id) || id.includes('..') || id.includes('--')) {
    throw new InvalidInputError(`invalid model id "${model}": use "name" or "owner/name" (letters, digits, - _ .)`);
  }
  return id;
}

export function modelDir(cacheDir: string, modelId: string): string {
  return join(cacheDir, ...resolveModelId(modelId).split('/'));
}

/** Problems that keep `dir` from loading as a model; empty when it looks complete. */
export function modelFolderProblems(dir: string): string[] {
  if (!existsSync(dir)) return [`folder ${dir} does not exist`];
  const problems = REQUIRED_FILES.filter((f) => !existsSync(join(dir, f))).map((f) => `missing ${f}`);
  const onnxDir = join(dir, 'onnx');
  const onnxFiles = existsSync(onnxDir) ? readdirSync(onnxDir).filter((f) => f.endsWith('.onnx')) : [];
  if (onnxFiles.length === 0) problems.push('missing onnx/*.onnx (the ONNX export of the model)');
  return problems;
}

export function isModelAvailable(cacheDir: string, modelId: string): boolean {
  return modelFolderProblems(modelDir(cacheDir, modelId)).length === 0;
}

/** The dtype transformers.js must be asked for so it opens a weight file the folder really has. */
export function pickDtype(dir: string): string | undefined {
  return DTYPE_FILES.find(([, file]) => existsSync(join(dir, 'onnx', file)))?.[0];
}

/**
 * Copies a user-provided model folder (e.g. a clone of Xenova/all-MiniLM-L6-v2 made on a machine
 * with internet) into the cache, so offline machines can embed. Returns the installed folder.
 */
export function importModelFolder(src: string, cacheDir: string, modelId: string): string {
  const problems = modelFolderProblems(src);
  if (problems.length > 0) {
    throw new InvalidInputError(
      `${src} is not a transformers.js model folder: ${problems.join('; ')}. ` +
        'Expected config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx ' +
        '(e.g. a download of the Xenova/all-MiniLM-L6-v2 repository).',
    );
  }
  if (!pickDtype(src)) throw new InvalidInputError(`${src}/onnx has no model file transformers.js recognises (e.g. model.onnx)`);
  const dest = modelDir(cacheDir, modelId);
  // Copy beside the destination then rename, so an interrupted copy never looks like a model.
  const staging = `${dest}.importing-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(dirname(dest), { recursive: true });
  cpSync(src, staging, { recursive: true });
  rmSync(dest, { recursive: true, force: true });
  renameSync(staging, dest);
  return dest;
}

/**
 * The model folder to load `modelId` from: <dir>/<owner>/<name> in the first search dir that has it
 * complete, or a search dir that is itself a complete model folder (a "local model folder" setting
 * pointing at the model, as users naturally pick it). Undefined when none is complete.
 */
export function findModelFolder(dirs: readonly string[], modelId: string): string | undefined {
  for (const dir of dirs) {
    const nested = modelDir(dir, modelId);
    if (modelFolderProblems(nested).length === 0) return nested;
    if (modelFolderProblems(dir).length === 0) return dir;
  }
  return undefined;
}

/** The error for a model that is neither on disk nor allowed to be downloaded: which, and where it looked. */
export function missingModelError(searchDirs: string | readonly string[], modelId: string): Error {
  const dirs = typeof searchDirs === 'string' ? [searchDirs] : searchDirs;
  const looked = dirs.map((d) => `${modelDir(d, modelId)} (${modelFolderProblems(modelDir(d, modelId)).join('; ')})`);
  return new UnavailableError(
    `Embedding model "${modelId}" is not available offline: looked in ${looked.join(' and ')}. Downloads are ` +
      'off, so import a model folder first (Settings, "Install a model from a folder"), point Settings\' ' +
      '"Local model folder" at one, or allow downloading models.',
    'model',
  );
}
