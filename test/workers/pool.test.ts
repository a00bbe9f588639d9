// The task-worker pool: results and progress come back, errors keep their kind and fields, and
// aborting terminates the thread (a busy task never checks a signal, like k-means).
import { describe, expect, it } from 'vitest';
import { CancelledError, ConflictError, ImportError, InvalidInputError, NotFoundError, UnavailableError, toErrorPayload } from '../../src-main/engine/errors';
import { liveWorkers, runTask } from '../../src-main/engine/workers/pool';

async function failure(kind: string): Promise<unknown> {
  return runTask('diagnostics.fail', { kind, message: `a ${kind} failure` }).then(
    () => expect.unreachable('the task should have thrown'),
    (err: unknown) => err,
  );
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('runTask', () => {
  it('returns the result and forwards progress', async () => {
    const seen: number[] = [];
    // 30 progress ticks' worth of spinning, so a heavily loaded machine still shows at least three.
    const spins = await runTask<number, number>('diagnostics.spin', { ms: 600, every: 20 }, { onProgress: (v) => seen.push(v) });
    expect(spins).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('rethrows an ImportError with its file, line, column and message', async () => {
    const err = await failure('import');
    expect(err).toBeInstanceOf(ImportError);
    const e = err as ImportError;
    expect(e.message).toBe('sheet.xlsx:7:Task ID: a import failure');
    expect([e.file, e.line, e.column, e.reason]).toEqual(['sheet.xlsx', 7, 'Task ID', 'a import failure']);
    expect(toErrorPayload(e)).toEqual({ kind: 'import', message: e.message, file: 'sheet.xlsx', line: 7, column: 'Task ID' });
    expect(e.stack).toContain('in the task worker');
  });

  it.each([
    ['not-found', NotFoundError, 'not-found'],
    ['conflict', ConflictError, 'conflict'],
    ['invalid-input', InvalidInputError, 'invalid-input'],
    ['unavailable', UnavailableError, 'unavailable'],
  ] as const)('keeps the kind of a %s error', async (kind, cls, payloadKind) => {
    const err = await failure(kind);
    expect(err).toBeInstanceOf(cls);
    expect(toErrorPayload(err).kind).toBe(payloadKind);
    expect((err as Error).message).toBe(`a ${kind} failure`);
    if (err instanceof UnavailableError) expect(err.need).toBe('model');
  });

  it('keeps the name of an unexpected error, which stays internal', async () => {
    const err = (await failure('internal')) as Error;
    expect(err.name).toBe('TypeError');
    expect(toErrorPayload(err)).toEqual({ kind: 'internal', message: 'a internal failure' });
  });

  it('refuses an unknown task by name', async () => {
    await expect(runTask('no.such.task', {})).rejects.toThrow('unknown worker task "no.such.task"');
  });

  it('cancels a busy task by terminating its thread', async () => {
    const ac = new AbortController();
    const started = Date.now();
    const task = runTask('diagnostics.spin', { ms: 30_000, every: 20 }, { signal: ac.signal, onProgress: () => ac.abort() });
    await expect(task).rejects.toBeInstanceOf(CancelledError);
    expect(Date.now() - started).toBeLessThan(10_000);
    await until(() => liveWorkers() === 0);
    expect(liveWorkers()).toBe(0);
  });

  it('rejects at once when already aborted, without starting a thread', async () => {
    await expect(runTask('diagnostics.spin', { ms: 10 }, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(CancelledError);
    expect(liveWorkers()).toBe(0);
  });
});
