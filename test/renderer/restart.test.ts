// A tab left open across a server restart holds a stale per-launch token: every call answers 401.
// The client turns that into one "restarted: reload" error the error box offers a Reload button for.
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  RESTARTED_MESSAGE,
  createHttpClient,
  isRestartError,
} from '../../src-renderer/transport/client';
import { errorHint, errorKindText } from '../../src-renderer/components/errors';

const stale = () =>
  new Response(JSON.stringify({ ok: false, error: { kind: 'invalid-args', message: 'missing or wrong token' } }), {
    status: 401,
  });

describe('a stale token after a restart', () => {
  it('becomes an unavailable ApiError that says to reload, not "missing or wrong token"', async () => {
    const client = createHttpClient(() => 'old-token', async () => stale());
    const failure = (await client['project.steps']({}).catch((e: unknown) => e)) as ApiError;
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure.payload).toEqual({ kind: 'unavailable', message: RESTARTED_MESSAGE });
    expect(failure.message).toBe(RESTARTED_MESSAGE);
    expect(failure.call).toBe('project.steps');
    expect(isRestartError(failure.payload)).toBe(true);
  });

  it('is told apart from other unavailable errors, which point to Settings instead', () => {
    const noKey = { kind: 'unavailable' as const, message: 'No Claude API key: add one in Settings.' };
    expect(isRestartError(noKey)).toBe(false);
    expect(errorHint(noKey)).toMatch(/Settings/);
    const restarted = { kind: 'unavailable' as const, message: RESTARTED_MESSAGE };
    expect(errorHint(restarted)).toBeNull();
    expect(errorKindText(restarted)).toBeNull();
  });
});
