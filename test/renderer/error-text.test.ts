// How the wizard words a failure by kind: every kind of the contract gets a label, "unavailable"
// points to Settings, and the engine's "Something went wrong (...)" is not labelled twice.
import { describe, expect, it } from 'vitest';
import type { ApiErrorPayload } from '../../src-shared/api';
import { errorHint, errorKindText, toErrorPayload } from '../../src-renderer/components/errors';

const KINDS: ApiErrorPayload['kind'][] = ['invalid-args', 'invalid-input', 'import', 'not-found', 'unavailable', 'cancelled', 'conflict', 'internal'];

describe('error text', () => {
  it('labels every kind in words, never with the raw kind', () => {
    for (const kind of KINDS) {
      const text = errorKindText({ kind, message: 'x' });
      expect(text).toMatch(/^[A-Z][a-z ]+$/);
    }
    expect(errorKindText({ kind: 'invalid-input', message: 'sample size must be positive' })).toBe('That value cannot be used');
    expect(errorKindText({ kind: 'unavailable', message: 'the Claude method needs an API key' })).toBe('Not available');
  });

  it('sends a missing key or model to Settings and a bug to the log', () => {
    expect(errorHint({ kind: 'unavailable', message: 'no key' })).toContain('Settings');
    expect(errorHint({ kind: 'internal', message: 'boom' })).toContain('log');
    expect(errorHint({ kind: 'not-found', message: 'no run "r"' })).toBeNull();
  });

  it('does not repeat "Something went wrong" beside the engine message that starts with it', () => {
    expect(errorKindText({ kind: 'internal', message: 'Something went wrong (boom); see the log' })).toBeNull();
    expect(errorKindText(toErrorPayload(new Error('Failed to fetch')))).toBe('Something went wrong');
  });
});
