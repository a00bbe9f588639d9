// The engine's pushed events, whichever shell the renderer runs in: the Electron preload's
// subscription when present, otherwise the HTTP server's Server-Sent Events stream read with fetch
// (EventSource cannot send the token header), reconnecting with a growing delay when it drops.
import { EVENTS_PATH, type EngineEvent, type EngineEventListener } from '../../src-shared/events';
import { readToken, RESTARTED_MESSAGE, TOKEN_HEADER, usesShellTransport } from './client';

/**
 * open: events flow (after a reconnect, the subscriber refetches what it may have missed);
 * closed: the stream dropped and a reconnect is scheduled; unsupported: this server pushes nothing
 * (the subscriber falls back to polling).
 */
export type EventStatus = 'open' | 'closed' | 'unsupported';

export type SubscribeEvents = (listener: EngineEventListener, onStatus: (status: EventStatus) => void) => () => void;

export interface Delay {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const browserDelay: Delay = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** 1 s, 2 s, 4 s … at most 30 s between reconnect attempts; back to 1 s once a stream opened. */
export function reconnectDelay(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}

/** Splits a Server-Sent Events text stream into the `data` of each message; comments are skipped. */
export function sseParser(onData: (data: string) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = message
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5));
      if (data.length > 0) onData(data.join('\n'));
    }
  };
}

export function subscribeHttpEvents(token: () => string, fetchImpl: typeof fetch = fetch, delay: Delay = browserDelay): SubscribeEvents {
  return (listener, onStatus) => {
    let stopped = false;
    let failures = 0;
    let timer: unknown;
    let controller: AbortController | undefined;

    const retry = () => {
      if (stopped) return;
      failures++;
      onStatus('closed');
      timer = delay.set(() => void connect(), reconnectDelay(failures));
    };

    const connect = async () => {
      controller = new AbortController();
      try {
        const res = await fetchImpl(EVENTS_PATH, { headers: { [TOKEN_HEADER]: token() }, signal: controller.signal });
        // 204: this server has no events to push; 404: a server older than the event stream.
        if (res.status === 204 || res.status === 404) return onStatus('unsupported');
        if (res.status === 401) {
          // The server was restarted with a new token: only a reload of the page can fix that.
          return listener({ type: 'engine', status: 'stale', message: RESTARTED_MESSAGE });
        }
        if (!res.ok || !res.body) return retry();
        failures = 0;
        onStatus('open');
        const parse = sseParser((data) => listener(JSON.parse(data) as EngineEvent));
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parse(decoder.decode(value, { stream: true }));
        }
        retry();
      } catch {
        if (!stopped) retry();
      }
    };

    void connect();
    return () => {
      stopped = true;
      delay.clear(timer);
      controller?.abort();
    };
  };
}

/** The Electron preload's subscription: always open while the window lives. */
export function subscribeBridgeEvents(bridge: NonNullable<Window['taskAtlasEvents']>): SubscribeEvents {
  return (listener, onStatus) => {
    onStatus('open');
    return bridge.subscribe(listener);
  };
}

/** The shell's own event source, chosen once per subscription. */
export const subscribeEngineEvents: SubscribeEvents = (listener, onStatus) => {
  // Review mode reads a bundle, not the engine: no stream to the server (the jobs store then polls
  // the read-only review client, which answers from memory).
  if (!usesShellTransport()) {
    onStatus('unsupported');
    return () => undefined;
  }
  const bridge = window.taskAtlasEvents;
  if (bridge) return subscribeBridgeEvents(bridge)(listener, onStatus);
  // The Electron shell without the events bridge (an older preload) pushes nothing: poll.
  if (window.taskAtlas) {
    onStatus('unsupported');
    return () => undefined;
  }
  return subscribeHttpEvents(() => readToken())(listener, onStatus);
};
