// Long synchronous stretches on the engine's thread (bulk SQLite writes, big sorts) stop the HTTP
// transport from answering. Work that must stay on this thread is cut into chunks with a turn of the
// event loop between them, so a ping waits for one chunk (a few ms), never the whole batch.

/** Lets pending I/O callbacks (HTTP requests, timers) run before continuing. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs `write` over `items` in chunks of `size`, each chunk in its own call (callers wrap it in a
 * transaction), yielding to the event loop between chunks.
 */
export async function inChunks<T>(items: readonly T[], size: number, write: (chunk: readonly T[]) => void): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    write(items.slice(i, i + size));
    if (i + size < items.length) await yieldToEventLoop();
  }
}
