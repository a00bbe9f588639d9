// Tasks that exercise the worker machinery itself (tests, benchmarks): one throws an error of a
// chosen kind, one keeps a CPU busy for a while and reports progress, like k-means does.
import { ConflictError, ImportError, InvalidInputError, NotFoundError, UnavailableError } from '../errors';
import type { TaskOutput } from './registry';

export type FailKind = 'import' | 'not-found' | 'conflict' | 'invalid-input' | 'unavailable' | 'internal';

export function failTask(args: { kind: FailKind; message: string }): TaskOutput {
  switch (args.kind) {
    case 'import':
      throw new ImportError(args.message, { file: 'sheet.xlsx', line: 7, column: 'Task ID' });
    case 'not-found':
      throw new NotFoundError(args.message);
    case 'conflict':
      throw new ConflictError(args.message);
    case 'invalid-input':
      throw new InvalidInputError(args.message);
    case 'unavailable':
      throw new UnavailableError(args.message, 'model');
    default:
      throw new TypeError(args.message);
  }
}

/** Busy for `ms` (no awaits: like k-means, only termination can stop it), progress every `every` ms. */
export function spinTask(args: { ms: number; every?: number }, progress: (value: unknown) => void): TaskOutput {
  const start = performance.now();
  let next = start + (args.every ?? 50);
  let spins = 0;
  while (performance.now() - start < args.ms) {
    spins++;
    if (performance.now() >= next) {
      progress(Math.round(performance.now() - start));
      next += args.every ?? 50;
    }
  }
  return { value: spins };
}
