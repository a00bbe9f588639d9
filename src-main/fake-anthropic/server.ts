// A fake Anthropic API on 127.0.0.1 for tests and the app's demo mode: the real SDK talks to it via
// `baseURL`. It answers the product's prompts with rule-based answers (answers.ts) and injects the
// faults a real run meets (faults.ts), deterministically, so whole runs can be compared.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerFor } from './answers';
import { BatchStore, type BatchResult, type Reply } from './batches';
import { AttemptCounter, applyAnswerFault, draw, latencyMs, pickStatus, type FaultStatus, type Purpose } from './faults';
import { StatsRecorder, type Outcome } from './stats';
import { FakeRateLimits, type Refusal } from './rate-limits';
import {
  DEFAULT_OPTIONS,
  mergeOptions,
  type ErrorStatus,
  type FakeAnthropic,
  type FakeStartOptions,
  type ResolvedOptions,
} from './types';
import { errorBody, messageBody, PromptCache, promptView, semanticHash, sha256, validateParams, type ErrorType, type MessageParams } from './wire';

export type { FakeAnthropic, FakeOptions, FakeStartOptions, FakeStats, PromptKind } from './types';

const MAX_BODY = 32 * 1024 * 1024;

type Route =
  | { kind: 'messages' }
  | { kind: 'batch-create' }
  | { kind: 'batch-list' }
  | { kind: 'batch-get' | 'batch-results' | 'batch-cancel'; id: string };

function route(method: string, path: string): Route | null {
  if (path === '/v1/messages') return method === 'POST' ? { kind: 'messages' } : null;
  if (path === '/v1/messages/batches') return method === 'POST' ? { kind: 'batch-create' } : method === 'GET' ? { kind: 'batch-list' } : null;
  const m = /^\/v1\/messages\/batches\/([^/]+)(\/results|\/cancel)?$/.exec(path);
  if (!m) return null;
  const id = decodeURIComponent(m[1]!);
  if (m[2] === '/results') return method === 'GET' ? { kind: 'batch-results', id } : null;
  if (m[2] === '/cancel') return method === 'POST' ? { kind: 'batch-cancel', id } : null;
  return method === 'GET' ? { kind: 'batch-get', id } : null;
}

/** Either header will do, as with the real API; the key's value is not checked. */
function authorised(req: IncomingMessage): boolean {
  const key = req.headers['x-api-key'];
  if (typeof key === 'string' && key.trim()) return true;
  return /^Bearer\s+\S+/i.test(req.headers.authorization ?? '');
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

const FAULT_TYPES: Record<FaultStatus, ErrorType> = { 429: 'rate_limit_error', 529: 'overloaded_error', 500: 'api_error' };

const POLL_FAULTS: readonly FaultStatus[] = [529, 429, 500];

class Fake {
  opts: ResolvedOptions;
  private readonly limits = new FakeRateLimits();
  baseURL = '';
  readonly stats = new StatsRecorder();
  private readonly attempts = new AttemptCounter();
  private readonly cache = new PromptCache();
  readonly batches: BatchStore;
  /** 200 answers still allowed before requests are held; null = no limit. */
  hangBudget: number | null = null;
  readonly held = new Set<ServerResponse>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private requestSeq = 0;
  /** Credentials seen, so a test can check which key the product actually sent. */
  readonly apiKeys = new Set<string>();
  readonly bearerTokens = new Set<string>();

  constructor(opts: ResolvedOptions) {
    this.opts = opts;
    this.batches = new BatchStore({
      process: (params) => this.processBatchItem(params as MessageParams),
      baseURL: () => this.baseURL,
      delayMs: () => this.opts.batchDelayMs,
    });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/\/+$/, '');
    const r = route(req.method ?? 'GET', path);
    if (!r) return this.sendError(res, 404, 'not_found_error', `${req.method} ${path} does not exist`);
    if (r.kind === 'messages') this.stats.requests++;
    if (!authorised(req)) return this.sendError(res, 401, 'authentication_error', 'x-api-key or Authorization: Bearer required');
    this.recordCredentials(req);
    const raw = await readBody(req);
    if (raw === null) return this.sendError(res, 400, 'invalid_request_error', 'request body too large');
    switch (r.kind) {
      case 'messages':
        return this.messages(req, res, raw);
      case 'batch-create':
        return this.sendReply(res, this.batches.create(parseJson(raw)));
      case 'batch-list':
        return this.sendReply(res, this.batches.list());
      case 'batch-get':
        return this.batchPoll(res, path, () => this.batches.retrieve(r.id));
      case 'batch-results':
        return this.batchPoll(res, path, () => this.batches.results(r.id));
      case 'batch-cancel':
        return this.sendReply(res, this.batches.cancel(r.id));
    }
  }

  private recordCredentials(req: IncomingMessage): void {
    const key = req.headers['x-api-key'];
    if (typeof key === 'string' && key.trim()) this.apiKeys.add(key);
    const bearer = /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? '');
    if (bearer) this.bearerTokens.add(bearer[1]!);
  }

  private async messages(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    const valid = validateParams(parseJson(raw));
    if (!valid.ok) return this.sendError(res, 400, 'invalid_request_error', valid.message);
    if (valid.params.stream === true) return this.sendError(res, 400, 'invalid_request_error', 'the fake server does not stream');
    if (this.hangBudget === 0) return this.hold(res);
    this.limits.configure(this.opts); // cheap: buckets restart only when a limit changed
    const refused = this.limits.admit();
    if (refused) return this.sendRateLimited(res, refused);
    const hash = semanticHash(valid.params);
    const attempt = this.attempts.next(hash);
    const d = (p: Purpose) => draw(this.opts.seed, hash, attempt, p);
    const fault = pickStatus(this.opts, d('status'));
    // Decided on arrival, so concurrent clients cannot push more than n answers past hangAfter(n).
    if (fault === null && this.hangBudget !== null) this.hangBudget--;
    const answer = fault === null ? this.answer(valid.params, hash, attempt) : null;
    if (answer) this.limits.debit(answer.usage.input_tokens + answer.usage.cache_creation_input_tokens, answer.usage.output_tokens);
    await this.sleep(latencyMs(this.opts, d('latency')));
    if (answer) this.sendAnswer(req, res, answer, hash);
    else this.sendFault(res, fault!);
  }

  private answer(params: MessageParams, hash: string, attempt: number): Outcome & { body: Record<string, unknown> } {
    const { kind, draft } = answerFor(promptView(params));
    const d = (p: Purpose) => draw(this.opts.seed, hash, attempt, p);
    const { text, fault } = applyAnswerFault(draft, this.opts, d('answer'), d('variant'));
    const usage = this.cache.usage(params, text);
    const id = `msg_fake${sha256(`${hash}|${attempt}`).slice(0, 24)}`;
    return { kind, fault, usage, body: messageBody(id, params.model, text, usage) };
  }

  /** Batch items meet the same faults as direct calls, but a fault is an errored line, not a status. */
  private processBatchItem(params: MessageParams): BatchResult {
    const hash = semanticHash(params);
    const attempt = this.attempts.next(hash);
    const fault = pickStatus(this.opts, draw(this.opts.seed, hash, attempt, 'status'));
    if (fault !== null) return { type: 'errored', error: errorBody('api_error', `injected fault (${fault})`) };
    const answer = this.answer(params, hash, attempt);
    this.stats.answered(answer);
    return { type: 'succeeded', message: answer.body };
  }

  /** Polls meet transient faults too (batchPollFaultRate); the n-th poll of a path draws with attempt n. */
  private batchPoll(res: ServerResponse, path: string, reply: () => Reply): void {
    const attempt = this.attempts.next(`poll ${path}`);
    if (draw(this.opts.seed, path, attempt, 'status') < this.opts.batchPollFaultRate) {
      return this.sendFault(res, POLL_FAULTS[attempt % POLL_FAULTS.length]!);
    }
    this.sendReply(res, reply());
  }

  private sendAnswer(req: IncomingMessage, res: ServerResponse, answer: Outcome & { body: unknown }, hash: string): void {
    const socket = req.socket;
    if (socket.destroyed) return;
    // 'finish' means handed to the OS; a socket destroyed by then never delivered it.
    res.once('finish', () => {
      if (!socket.destroyed) this.stats.completedMessage(answer, hash);
    });
    this.sendJson(res, 200, answer.body, this.limits.headers());
  }

  /** Over a configured rate limit: 429 with when to come back, like the API. */
  private sendRateLimited(res: ServerResponse, refused: Refusal): void {
    const headers = {
      ...this.limits.headers(),
      'retry-after': String(Math.max(1, Math.ceil(refused.retryAfterMs / 1000))),
      'retry-after-ms': String(refused.retryAfterMs),
    };
    this.sendError(res, 429, 'rate_limit_error', `rate limit exceeded: ${refused.limit} per minute`, headers);
  }

  private sendFault(res: ServerResponse, status: FaultStatus): void {
    const s = this.opts.retryAfterSeconds;
    // Sent with 529 too: both mean "come back later", and it keeps SDK retries in tests short.
    const headers: Record<string, string> = status === 500 ? {} : { 'retry-after': String(s), 'retry-after-ms': String(Math.round(s * 1000)) };
    this.sendError(res, status, FAULT_TYPES[status], `injected ${status}`, headers);
  }

  private hold(res: ServerResponse): void {
    this.held.add(res);
    res.once('close', () => this.held.delete(res));
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  /** Pending latency timers never fire after close: their responses are abandoned like held ones. */
  clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private sendReply(res: ServerResponse, reply: Reply): void {
    if ('jsonl' in reply) {
      res.writeHead(200, { 'content-type': 'application/x-jsonl', 'request-id': this.requestId() });
      res.end(reply.jsonl);
      return;
    }
    if (reply.status >= 400) this.stats.error(reply.status as ErrorStatus);
    this.sendJson(res, reply.status, reply.json);
  }

  sendError(res: ServerResponse, status: ErrorStatus, type: ErrorType, message: string, headers: Record<string, string> = {}): void {
    this.stats.error(status);
    const requestId = this.requestId();
    this.sendJson(res, status, errorBody(type, message, requestId), { ...headers, 'request-id': requestId });
  }

  private sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...headers,
      'request-id': headers['request-id'] ?? this.requestId(),
    });
    res.end(text);
  }

  private requestId(): string {
    return `req_fake${(++this.requestSeq).toString().padStart(12, '0')}`;
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startFakeAnthropic(opts: FakeStartOptions = {}): Promise<FakeAnthropic> {
  const fake = new Fake(mergeOptions(DEFAULT_OPTIONS, opts));
  const server = createServer((req, res) => {
    fake.handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) fake.sendError(res, 500, 'api_error', `fake server error: ${String(err)}`);
      else res.destroy();
    });
  });
  const port = await listen(server, opts.port ?? 0);
  fake.baseURL = `http://127.0.0.1:${port}`;
  return {
    baseURL: fake.baseURL,
    stats: () => fake.stats.snapshot({ hanging: fake.held.size, batches: fake.batches.created, batchRequests: fake.batches.requestCount }),
    setOptions: (partial) => {
      fake.opts = mergeOptions(fake.opts, partial);
    },
    credentials: () => ({ apiKeys: [...fake.apiKeys], bearerTokens: [...fake.bearerTokens] }),
    hangAfter: (n) => {
      fake.hangBudget = n === null ? null : Math.max(0, Math.floor(n));
    },
    close: () =>
      new Promise<void>((resolve) => {
        fake.clearTimers();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
