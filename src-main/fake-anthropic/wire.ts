// The Anthropic wire format as far as the fake needs it: validating a Messages request, flattening
// its text, hashing its semantic part, token usage with prompt caching, and the response bodies.
import { createHash } from 'node:crypto';
import { sha256 } from '../engine/base/hash';
import { cacheMinimumTokens } from '../../src-shared/pricing';

interface ContentBlock {
  type?: unknown;
  text?: unknown;
  cache_control?: unknown;
}

export interface MessageParams {
  model: string;
  max_tokens: number;
  messages: { role: 'user' | 'assistant'; content: string | ContentBlock[] }[];
  system?: string | ContentBlock[];
  temperature?: number;
  stream?: boolean;
}

export type Validated = { ok: true; params: MessageParams } | { ok: false; message: string };

function isContent(value: unknown): value is string | ContentBlock[] {
  return typeof value === 'string' || (Array.isArray(value) && value.every((b) => typeof b === 'object' && b !== null));
}

/** The checks the real API would fail with a 400 invalid_request_error. */
export function validateParams(body: unknown): Validated {
  if (typeof body !== 'object' || body === null) return { ok: false, message: 'request body must be a JSON object' };
  const b = body as Record<string, unknown>;
  if (typeof b.model !== 'string' || !b.model) return { ok: false, message: 'model: field required' };
  if (typeof b.max_tokens !== 'number' || b.max_tokens < 1) return { ok: false, message: 'max_tokens: must be a positive integer' };
  if (!Array.isArray(b.messages) || b.messages.length === 0) return { ok: false, message: 'messages: at least one message is required' };
  for (const [i, m] of (b.messages as unknown[]).entries()) {
    const msg = m as Record<string, unknown> | null;
    if (!msg || (msg.role !== 'user' && msg.role !== 'assistant') || !isContent(msg.content)) {
      return { ok: false, message: `messages.${i}: needs role user|assistant and string or block content` };
    }
  }
  if (b.system !== undefined && !isContent(b.system)) return { ok: false, message: 'system: must be a string or text blocks' };
  return { ok: true, params: b as unknown as MessageParams };
}

interface FlatBlock {
  role: 'system' | 'user' | 'assistant';
  text: string;
  cached: boolean;
}

function flatten(role: FlatBlock['role'], content: string | ContentBlock[]): FlatBlock[] {
  if (typeof content === 'string') return [{ role, text: content, cached: false }];
  return content.map((b) => ({
    role,
    text: typeof b.text === 'string' ? b.text : '',
    cached: typeof b.cache_control === 'object' && b.cache_control !== null && (b.cache_control as { type?: unknown }).type === 'ephemeral',
  }));
}

/** Every block in cache order: system first, then the messages. */
export function blocksOf(p: MessageParams): FlatBlock[] {
  const system = p.system === undefined ? [] : flatten('system', p.system);
  return [...system, ...p.messages.flatMap((m) => flatten(m.role, m.content))];
}

export interface PromptView {
  /** System and user text: what the prompt asks (earlier assistant answers are left out). */
  prompt: string;
  /** The last turn is the assistant's: the answer continues it (e.g. after "<answer>"). */
  prefilled: boolean;
}

export function promptView(p: MessageParams): PromptView {
  const blocks = blocksOf(p);
  return {
    prompt: blocks.filter((b) => b.role !== 'assistant').map((b) => b.text).join('\n\n'),
    prefilled: p.messages[p.messages.length - 1]?.role === 'assistant',
  };
}

export { sha256 };

/** Identifies "the same request" across retries and runs; transport details are left out. */
export function semanticHash(p: MessageParams): string {
  return sha256(JSON.stringify([p.model, p.system ?? null, p.messages, p.max_tokens, p.temperature ?? null]));
}

export const tokens = (chars: number): number => Math.ceil(chars / 4);

export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

/**
 * Prompt caching as the API bills it: each block marked cache_control ends a cacheable prefix, but
 * only if that prefix reaches the model's minimum cacheable length (shorter ones are billed as plain
 * input, like the real API does). The longest prefix seen before is read from cache; the rest up to
 * the last eligible marker is written to it.
 */
export class PromptCache {
  private readonly seen = new Set<string>();

  usage(p: MessageParams, answer: string): Usage {
    const blocks = blocksOf(p);
    const minimum = cacheMinimumTokens(p.model);
    const prefixes: { hash: string; tokens: number }[] = [];
    let chars = 0;
    const hasher = createHash('sha256').update(p.model);
    for (const b of blocks) {
      chars += b.text.length;
      hasher.update(`\u0000${b.role}\u0000${b.text}`);
      if (b.cached && tokens(chars) >= minimum) prefixes.push({ hash: hasher.copy().digest('hex'), tokens: tokens(chars) });
    }
    const hit = [...prefixes].reverse().find((x) => this.seen.has(x.hash));
    const longest = prefixes[prefixes.length - 1];
    const read = hit?.tokens ?? 0;
    const write = longest && longest !== hit ? longest.tokens - read : 0;
    for (const x of prefixes) this.seen.add(x.hash);
    return {
      input_tokens: Math.max(0, tokens(chars) - read - write),
      output_tokens: tokens(answer.length),
      cache_creation_input_tokens: write,
      cache_read_input_tokens: read,
    };
  }
}

export function messageBody(id: string, model: string, text: string, usage: Usage): Record<string, unknown> {
  return {
    id,
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'text', text, citations: null }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    stop_details: null,
    container: null,
    diagnostics: null,
    usage: { ...usage, cache_creation: null, server_tool_use: null, service_tier: 'standard', inference_geo: null, output_tokens_details: null },
  };
}

export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'api_error'
  | 'overloaded_error';

export function errorBody(type: ErrorType, message: string, requestId: string | null = null): Record<string, unknown> {
  return { type: 'error', error: { type, message }, request_id: requestId };
}
