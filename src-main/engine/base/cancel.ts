// Cancellation is its own outcome, not a failure: a cancelled run leaves its checkpoints in place
// and resumes where it stopped; nothing about the cancelled items is recorded as failed. It lives in
// base/ because every layer (the Claude client, the pipeline, jobs) stops on the same signal.
import { CancelledError } from '../errors';

export { CancelledError };

export function isCancelled(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || err instanceof CancelledError);
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/** setTimeout as a promise that rejects with CancelledError when the signal fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
