// Transport and store behaviour with fake fetch/bridge: no DOM, no server.
import { describe, expect, it } from 'vitest';
import { API_CALL_NAMES, type ApiClient, type ApiResponse } from '../../src-shared/api';
import {
  ApiError,
  createBridgeClient,
  createHttpClient,
  errorLocation,
  readToken,
  TOKEN_STORAGE_KEY,
  type TaskAtlasBridge,
  type TokenSource,
} from '../../src-renderer/transport/client';
import { createExploreStore } from '../../src-renderer/features/explore/store';
import { makePaper, makeReport } from './fixture';

interface Sent {
  url: string;
  init: RequestInit;
}

function fakeFetch(sent: Sent[], reply: (url: string) => Response): typeof fetch {
  return async (input, init) => {
    const url = String(input);
    sent.push({ url, init: init ?? {} });
    return reply(url);
  };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

describe('HTTP client', () => {
  it('has exactly one method per contract call', () => {
    const client = createHttpClient(() => 't', fakeFetch([], () => json({})));
    expect(Object.keys(client).sort()).toEqual([...API_CALL_NAMES].sort());
  });

  it('POSTs JSON args with the token header and unwraps the result', async () => {
    const sent: Sent[] = [];
    const report = makeReport();
    const client = createHttpClient(() => 'secret', fakeFetch(sent, () => json({ ok: true, result: report })));
    await expect(client['analysis.reproduce']({ sourceId: 'r1' })).resolves.toEqual(report);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('/api/analysis.reproduce');
    expect(sent[0]?.init.method).toBe('POST');
    expect(sent[0]?.init.body).toBe('{"sourceId":"r1"}');
    expect((sent[0]?.init.headers as Record<string, string>)['x-task-atlas-token']).toBe('secret');
  });

  it('passes a call\'s signal to fetch, and an aborted call fails as "cancelled" (the Cancel button)', async () => {
    const sent: Sent[] = [];
    const abortingFetch: typeof fetch = async (input, init) => {
      sent.push({ url: String(input), init: init ?? {} });
      return new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    };
    const client = createHttpClient(() => 't', abortingFetch);
    const controller = new AbortController();
    const call = client['reference.preview']({ kind: 'onet-tasks', path: '/x.xlsx' }, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    const failure = (await call) as ApiError;
    expect(sent[0]?.init.signal).toBe(controller.signal);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure.payload).toEqual({ kind: 'cancelled', message: 'cancelled' });
  });

  it('throws ApiError with the payload, so the UI can show file:line', async () => {
    const error = { kind: 'import', message: 'bad row', file: 'tasks.csv', line: 12, column: 3 };
    const client = createHttpClient(() => 't', fakeFetch([], () => json({ ok: false, error }, 400)));
    const failure = await client['reference.status']({}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).payload).toEqual(error);
    expect((failure as ApiError).call).toBe('reference.status');
    expect(errorLocation((failure as ApiError).payload)).toBe('tasks.csv:12:3');
  });

  it('turns a non-JSON answer into an internal ApiError that keeps the status', async () => {
    const client = createHttpClient(() => 't', fakeFetch([], () => new Response('forbidden', { status: 403 })));
    const failure = (await client['app.info']({}).catch((e: unknown) => e)) as ApiError;
    expect(failure.payload).toEqual({ kind: 'internal', message: 'HTTP 403 from /api/app.info: forbidden' });
  });

  // One test, in this order: readToken keeps the token taken from a launch URL for the page's life.
  it('takes the token from the launch URL, keeps it in the session, clears the address bar, and fails loudly without one', () => {
    const win = (hash: string) => {
      const storage = new Map<string, string>();
      const replaced: string[] = [];
      const source: TokenSource = {
        location: { hash, pathname: '/', search: '' },
        history: { replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) },
        sessionStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
      };
      return { source, storage, replaced };
    };
    expect(() => readToken(win('#/explore').source)).toThrow(/#token=/);

    const launched = win('#/explore&token=abc-_9');
    expect(readToken(launched.source)).toBe('abc-_9');
    expect(launched.storage.get(TOKEN_STORAGE_KEY)).toBe('abc-_9');
    expect(launched.replaced).toEqual(['/#/explore']); // the step stays, the token leaves

    const bare = win('#token=xyz');
    expect(readToken(bare.source)).toBe('xyz');
    expect(bare.replaced).toEqual(['/']);
    // A reload: no token in the URL any more, the session still has it.
    const reloaded = win('');
    reloaded.storage.set(TOKEN_STORAGE_KEY, 'kept');
    expect(readToken(reloaded.source)).toBe('kept');
    expect(reloaded.replaced).toEqual([]);
  });
});

describe('Electron bridge client', () => {
  it('unwraps envelopes from the preload bridge', async () => {
    const calls: string[] = [];
    const bridge = Object.fromEntries(
      API_CALL_NAMES.map((name) => [
        name,
        async (): Promise<ApiResponse<'paper.reference'>> => {
          calls.push(name);
          return name === 'paper.reference'
            ? { ok: true, result: makePaper() }
            : { ok: false, error: { kind: 'not-found', message: `no ${name}` } };
        },
      ]),
    ) as unknown as TaskAtlasBridge;
    const client = createBridgeClient(bridge);
    await expect(client['paper.reference']({})).resolves.toEqual(makePaper());
    await expect(client['sources.list']({})).rejects.toThrow('no sources.list');
    expect(calls).toEqual(['paper.reference', 'sources.list']);
  });
});

describe('Explore store', () => {
  const clientWith = (reproduce: () => Promise<unknown>) =>
    ({ 'analysis.reproduce': reproduce, 'paper.reference': async () => makePaper() }) as unknown as ApiClient;

  it('goes idle -> loading -> ready with the report and paper', async () => {
    const store = createExploreStore(() => clientWith(async () => makeReport()));
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.getSnapshot().status));
    expect(store.getSnapshot().status).toBe('idle');
    await store.load();
    expect(seen).toEqual(['loading', 'ready']);
    expect(store.getSnapshot().report?.depth.occupations).toBe(1234);
    expect(store.getSnapshot().paper?.citation).toBe('Handa et al. (2025)');
  });

  it('keeps the error payload of a failed call', async () => {
    const payload = { kind: 'import' as const, message: 'no usage data', file: 'usage.csv', line: 2 };
    const store = createExploreStore(() => clientWith(async () => Promise.reject(new ApiError('analysis.reproduce', payload))));
    await store.load();
    expect(store.getSnapshot()).toEqual({ status: 'error', error: payload });
  });

  it('wraps non-API failures in the same shape', async () => {
    const store = createExploreStore(() => clientWith(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await store.load();
    expect(store.getSnapshot().error).toEqual({ kind: 'internal', message: 'Failed to fetch' });
  });
});
