// One-shot calls a form makes (preview, estimate, import): their state lives with the form, and a
// newer run supersedes an older one still in flight, so a slow stale answer never overwrites it.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ApiErrorPayload } from '../../src-shared/api';
import { toErrorPayload } from './errors';

export type ActionState<R> =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: R }
  | { status: 'error'; error: ApiErrorPayload };

export interface Action<A extends unknown[], R> {
  state: ActionState<R>;
  run: (...args: A) => Promise<R | undefined>;
  reset: () => void;
}

export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>): Action<A, R> {
  const [state, setState] = useState<ActionState<R>>({ status: 'idle' });
  const latest = useRef(0);
  const fnRef = useRef(fn);
  // The latest fn, set after render (refs are not written during render), before any handler runs.
  useLayoutEffect(() => {
    fnRef.current = fn;
  });

  const run = useCallback(async (...args: A) => {
    const ticket = ++latest.current;
    setState({ status: 'running' });
    try {
      const result = await fnRef.current(...args);
      if (ticket === latest.current) setState({ status: 'done', result });
      return result;
    } catch (err) {
      if (ticket === latest.current) setState({ status: 'error', error: toErrorPayload(err) });
      return undefined;
    }
  }, []);

  const reset = useCallback(() => {
    latest.current++;
    setState({ status: 'idle' });
  }, []);

  return { state, run, reset };
}
