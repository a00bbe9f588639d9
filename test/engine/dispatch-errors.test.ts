// What a person sees when a call fails: typed engine errors keep their own kind and message, a bug
// becomes "Something went wrong (...); see the log" and is logged with its stack.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/engine/dispatch';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  UnavailableError,
  apiFailure,
  toUserError,
} from '../../src-main/engine/errors';
import { createLogger } from '../../src-main/engine/log';
import type { ApiHandlers } from '../../src-main/engine/service';

/** A handler table whose 'hierarchy.list' throws `err`. */
const throwing = (err: unknown) =>
  ({ 'hierarchy.list': async () => Promise.reject(err) }) as unknown as ApiHandlers;

async function failure(err: unknown) {
  const logger = createLogger(null);
  const r = await dispatch(throwing(err), 'hierarchy.list', {}, { transport: 'http', logger });
  if (r.ok) throw new Error('the call was expected to fail');
  return { error: r.error, log: logger.recent().map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('dispatch errors', () => {
  it('keeps the kind and message of every typed error and logs none of them', async () => {
    const cases: [Error, string][] = [
      [new NotFoundError('no hierarchy "h-1"'), 'not-found'],
      [new ConflictError('a build is already running'), 'conflict'],
      [new InvalidInputError('sample size must be a non-negative integer, got -1'), 'invalid-input'],
      [new UnavailableError('the Claude method needs an API key', 'api-key'), 'unavailable'],
    ];
    for (const [err, kind] of cases) {
      const { error, log } = await failure(err);
      expect(error).toEqual({ kind, message: err.message });
      expect(log).toEqual([]);
    }
  });

  it('turns a bug into "Something went wrong" and logs it with its stack', async () => {
    const { error, log } = await failure(new TypeError("Cannot read properties of undefined (reading 'id')\n    at somewhere"));
    expect(error).toEqual({
      kind: 'internal',
      message: "Something went wrong (Cannot read properties of undefined (reading 'id')); see the log",
    });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ level: 'error', event: 'api.error', call: 'hierarchy.list' });
    expect(log[0]!.stack).toMatch(/^TypeError: Cannot read properties/);
    expect(log[0]!.stack).toContain('dispatch-errors.test.ts');
  });

  it('shortens a long internal message and copes with a thrown non-Error', () => {
    const long = toUserError(new Error('x'.repeat(500)), undefined, 'api.error');
    expect(long.message.length).toBeLessThan(160);
    expect(long.message).toMatch(/^Something went wrong \(x+…\); see the log$/);
    expect(toUserError('plain string', undefined, 'api.error')).toEqual({ kind: 'internal', message: 'Something went wrong (plain string); see the log' });
  });

  it('answers unknown calls and bad arguments in the same shape, through one helper', async () => {
    expect(apiFailure('conflict', 'busy')).toEqual({ ok: false, error: { kind: 'conflict', message: 'busy' } });
    expect(await dispatch(throwing(null), 'no.such', {}, { transport: 'ipc' })).toEqual(apiFailure('not-found', 'unknown call "no.such"'));
    const bad = await dispatch(throwing(null), 'hierarchy.list', { extra: 1 }, { transport: 'ipc' });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid-args' } });
  });
});
