// One Claude client over @anthropic-ai/sdk: rate limits that adapt to the server's refusals, as many
// requests in flight as the allowed rate and the observed latency need (concurrency.ts), retries
// that honour retry-after, every response recorded (and identical calls answered) from SQLite,
// prompt caching of a marked prefix long enough to be cached (caching.ts), and answers validated by
// the prompt's own parser with a correction turn before giving up.
import Anthropic from '@anthropic-ai/sdk';
import type { Db } from '../../db/open';
import { costOf, estimateTokens } from '../../../src-shared/pricing';
import { API_RATE_LIMITS } from '../../../src-shared/settings';
import type { PromptTemplate } from '../../../src-shared/prompts/types';
import { isCancelled } from '../base/cancel';
import { RateLimiter, type Cost, type RateLimits } from './limiter';
import { InFlightGate } from './concurrency';
import { cacheBreakpoint } from './caching';
import { CallStore, requestHash, type CallRecord, type MessageRequest } from './store';
import { countRetry, emptyStats, type LlmStats } from './stats';
import { refusalOf, withRetries, type Refusal } from './retry';

export { LlmApiError } from './retry';

export interface LlmOptions {
  model: string;
  baseURL?: string;
  /** The SDK (1.14) sends it as `authorization: Bearer`. Never stored: it comes from the OS keychain or ANTHROPIC_API_KEY. */
  apiKey?: string;
  /** Sent as Authorization: Bearer. */
  authToken?: string;
  maxTokens: number;
  limits: RateLimits;
  maxAttempts: number;
  maxCorrections: number;
  /** First backoff delay when the server gives no retry-after; doubles per attempt up to retryMaxMs (30 s). */
  retryBaseMs: number;
  retryMaxMs?: number;
  timeoutMs: number;
  promptCaching: boolean;
  /** Hard bound on requests in flight; below it the bound follows rate × latency. */
  maxInFlight: number;
}

export const DEFAULT_LLM_OPTIONS: Omit<LlmOptions, 'model'> = {
  maxTokens: 4096,
  limits: { ...API_RATE_LIMITS },
  maxAttempts: 8,
  maxCorrections: 2,
  retryBaseMs: 500,
  timeoutMs: 120_000,
  promptCaching: true,
  maxInFlight: 256,
};

/** Weight of the newest answer in the running request size (for pacing by token limits). */
const SIZE_ALPHA = 0.05;

export type AskResult<O> =
  | { ok: true; value: O; attempts: number }
  | { ok: false; error: string; kind: 'invalid-answer' | 'api' };

export class LlmClient {
  readonly stats: LlmStats = emptyStats();
  readonly limiter: RateLimiter;
  readonly gate: InFlightGate;
  /** Running size of a request, so the gate knows what rate the token limits allow. */
  private readonly typical: Cost = { inputTokens: 1000, outputTokens: 100 };
  private readonly store: CallStore;
  private readonly sdk: Anthropic;
  private readonly inFlight = new Map<string, Promise<CallRecord>>();

  constructor(
    db: Db,
    readonly options: LlmOptions,
  ) {
    this.store = new CallStore(db);
    this.limiter = new RateLimiter(options.limits);
    this.gate = new InFlightGate(options.maxInFlight ?? DEFAULT_LLM_OPTIONS.maxInFlight, () => this.limiter.requestsPerSecond(this.typical));
    this.sdk = new Anthropic({
      apiKey: options.apiKey ?? null,
      authToken: options.authToken ?? null,
      baseURL: options.baseURL,
      maxRetries: 0, // retries are ours, so they are counted and honour retry-after
      timeout: options.timeoutMs,
    });
  }

  /**
   * Workers a step runs: the user's "requests in flight" (the step's configured concurrency) bounded
   * by the client's maxInFlight; within that, the gate sizes what is really out from the allowed rate
   * and the observed latency, so a high setting does not overshoot the rate limits.
   */
  workersFor(configured: number): number {
    return Math.max(1, Math.min(configured, this.gate.max));
  }

  get anthropic(): Anthropic {
    return this.sdk;
  }

  /** Sends one request, or answers it from the store when the identical request was made before. */
  async complete(
    req: MessageRequest,
    meta: { promptId: string; promptVersion: string },
    opts: { signal?: AbortSignal; cacheMessageIndex?: number } = {},
  ): Promise<CallRecord & { cached: boolean }> {
    const hash = requestHash(req);
    const hit = this.store.get(hash);
    if (hit) {
      this.stats.cacheHits++;
      return { ...hit, cached: true };
    }
    // Identical requests in flight at once (duplicate conversations are common) are sent once.
    const pending = this.inFlight.get(hash);
    if (pending) {
      this.stats.cacheHits++;
      return { ...(await pending), cached: true };
    }
    const send = this.sendWithRetries(req, opts).then((rec) => {
      this.store.put(hash, meta, req, rec);
      this.account(meta.promptId, rec);
      return rec;
    });
    this.inFlight.set(hash, send);
    try {
      return { ...(await send), cached: false };
    } finally {
      this.inFlight.delete(hash);
    }
  }

  /** Renders a template, asks, parses; an invalid answer gets a correction turn, then a failure. */
  async ask<V, O>(
    template: PromptTemplate<V, O>,
    vars: V,
    opts: { signal?: AbortSignal; model?: string; maxTokens?: number } = {},
  ): Promise<AskResult<O>> {
    const rendered = template.render(vars);
    const messages = [...rendered.messages];
    const meta = { promptId: template.id, promptVersion: template.version };
    let lastError = '';
    for (let attempt = 0; attempt <= this.options.maxCorrections; attempt++) {
      const req: MessageRequest = {
        model: opts.model ?? this.options.model,
        ...(rendered.system ? { system: rendered.system } : {}),
        messages,
        max_tokens: opts.maxTokens ?? this.options.maxTokens,
      };
      let rec: CallRecord;
      try {
        rec = await this.complete(req, meta, { signal: opts.signal, cacheMessageIndex: rendered.cacheMessageIndex });
      } catch (err) {
        if (isCancelled(err)) throw err;
        this.stats.failures++;
        return { ok: false, error: err instanceof Error ? err.message : String(err), kind: 'api' };
      }
      const last = messages[messages.length - 1]!;
      const prefill = last.role === 'assistant' ? last.content : '';
      const parsed = template.parse(prefill + rec.text, vars);
      if (parsed.ok) return { ok: true, value: parsed.value, attempts: attempt + 1 };
      this.stats.invalidAnswers++;
      lastError = parsed.error;
      // Continue the conversation: the model sees its answer and what was wrong with it.
      if (last.role === 'assistant') messages[messages.length - 1] = { role: 'assistant', content: prefill + rec.text };
      else messages.push({ role: 'assistant', content: rec.text || '(empty answer)' });
      messages.push({ role: 'user', content: template.correction(parsed.error) });
    }
    this.stats.failures++;
    return { ok: false, error: `answer still invalid after ${this.options.maxCorrections} corrections: ${lastError}`, kind: 'invalid-answer' };
  }

  private async sendWithRetries(
    req: MessageRequest,
    opts: { signal?: AbortSignal; cacheMessageIndex?: number },
  ): Promise<CallRecord> {
    const estimate: Cost = {
      inputTokens: estimateTokens((req.system ?? '') + req.messages.map((m) => m.content).join('')),
      outputTokens: Math.min(req.max_tokens, Math.ceil(this.typical.outputTokens)),
    };
    return withRetries(
      async () => {
        await this.gate.enter(opts.signal);
        let latency: number | undefined;
        try {
          await this.limiter.acquire(estimate, opts.signal);
          this.stats.sent++;
          const sentAt = this.limiter.time();
          try {
            const rec = await this.sendOnce(req, opts);
            latency = this.limiter.time() - sentAt;
            this.observe(estimate, rec);
            return rec;
          } catch (err) {
            const refusal = refusalOf(err);
            if (refusal) this.refused(refusal, sentAt);
            throw err;
          }
        } finally {
          this.gate.leave(latency);
        }
      },
      this.options,
      { signal: opts.signal, onRetry: (reason) => countRetry(this.stats, reason) },
    );
  }

  /** The limiter learns the answer's real size; the typical size follows it. */
  private observe(estimate: Cost, rec: CallRecord): void {
    // The API's input limit counts uncached input and cache writes; cache reads are free of it.
    const actual = { inputTokens: rec.inputTokens + rec.cacheWriteTokens, outputTokens: rec.outputTokens };
    this.limiter.settle(estimate, actual);
    this.typical.inputTokens += SIZE_ALPHA * (actual.inputTokens - this.typical.inputTokens);
    this.typical.outputTokens += SIZE_ALPHA * (actual.outputTokens - this.typical.outputTokens);
  }

  private refused(r: Refusal, sentAt: number): void {
    this.stats.refused[r.status]++;
    const header = (name: string) => Number(r.headers?.get(`anthropic-ratelimit-${name}-limit`)) || undefined;
    this.limiter.refused({
      status: r.status,
      retryAfterMs: r.retryAfterMs,
      serverLimits: { requestsPerMinute: header('requests'), inputTokensPerMinute: header('input-tokens'), outputTokensPerMinute: header('output-tokens') },
      sentAt,
    });
  }

  private async sendOnce(req: MessageRequest, opts: { signal?: AbortSignal; cacheMessageIndex?: number }): Promise<CallRecord> {
    const messages = toApiMessages(req.messages, cacheBreakpoint(req, opts.cacheMessageIndex, this.options.promptCaching));
    const msg = await this.sdk.messages.create(
      {
        model: req.model,
        max_tokens: req.max_tokens,
        ...(req.system ? { system: req.system } : {}),
        messages,
      },
      // Deliberately not aborted on cancel: a request already sent is paid for, so it is allowed to
      // finish and be recorded. Cancelling stops new requests and retry waits, never a paid answer.
    );
    return toRecord(req.model, msg, false);
  }

  /** Adds a response paid for elsewhere (a batch) to the running counters. */
  account(promptId: string, rec: CallRecord): void {
    const s = this.stats;
    s.inputTokens += rec.inputTokens;
    s.outputTokens += rec.outputTokens;
    s.cacheReadTokens += rec.cacheReadTokens;
    s.cacheWriteTokens += rec.cacheWriteTokens;
    s.costUsd += rec.costUsd;
    const p = (s.byPrompt[promptId] ??= { sent: 0, inputTokens: 0, outputTokens: 0 });
    p.sent++;
    p.inputTokens += rec.inputTokens + rec.cacheReadTokens + rec.cacheWriteTokens;
    p.outputTokens += rec.outputTokens;
  }

  storeFor(): CallStore {
    return this.store;
  }
}

/** Marks one message as the end of a cacheable prefix (Anthropic prompt caching). */
export function toApiMessages(messages: MessageRequest['messages'], cacheIndex?: number): Anthropic.MessageParam[] {
  return messages.map((m, i) =>
    i === cacheIndex
      ? { role: m.role, content: [{ type: 'text' as const, text: m.content, cache_control: { type: 'ephemeral' as const } }] }
      : m,
  );
}

export function toRecord(model: string, msg: Anthropic.Message, viaBatch: boolean): CallRecord {
  const text = msg.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
  const usage = {
    inputTokens: msg.usage.input_tokens,
    outputTokens: msg.usage.output_tokens,
    cacheReadTokens: msg.usage.cache_read_input_tokens ?? 0,
    cacheWriteTokens: msg.usage.cache_creation_input_tokens ?? 0,
  };
  return { text, ...usage, costUsd: costOf(model, usage, viaBatch), viaBatch };
}
