// Prices in USD per million tokens, for cost previews and the running cost. Prompt-cache writes cost
// 1.25x input, cache reads 0.1x input; the Message Batches API halves everything. Matched by model-id
// prefix so dated snapshots ("claude-3-5-haiku-20241022") find their family. Users can override.

export interface ModelPrice {
  input: number;
  output: number;
}

export const MODEL_PRICES: readonly [prefix: string, price: ModelPrice][] = [
  ['claude-opus-4-5', { input: 5, output: 25 }],
  ['claude-opus-4-1', { input: 15, output: 75 }],
  ['claude-opus-4', { input: 15, output: 75 }],
  ['claude-sonnet-4', { input: 3, output: 15 }],
  ['claude-3-7-sonnet', { input: 3, output: 15 }],
  ['claude-3-5-sonnet', { input: 3, output: 15 }],
  ['claude-haiku-4-5', { input: 1, output: 5 }],
  ['claude-3-5-haiku', { input: 0.8, output: 4 }],
  ['claude-3-haiku', { input: 0.25, output: 1.25 }],
  // Family fallbacks for model ids newer than this table: the latest known price of the family.
  ['claude-opus-', { input: 5, output: 25 }],
  ['claude-sonnet-', { input: 3, output: 15 }],
  ['claude-haiku-', { input: 1, output: 5 }],
];

export const CACHE_WRITE_FACTOR = 1.25;
export const CACHE_READ_FACTOR = 0.1;
export const BATCH_DISCOUNT = 0.5;

/**
 * The shortest prefix (in tokens) the API will cache, per model family, from Anthropic's prompt
 * caching documentation: a cache_control breakpoint on a shorter prefix is silently not cached (no
 * write, no read, full input price). Most specific prefix first, like MODEL_PRICES.
 */
export const CACHE_MINIMUM_TOKENS: readonly [prefix: string, tokens: number][] = [
  ['claude-opus-4-6', 4096],
  ['claude-opus-4-5', 4096],
  ['claude-opus-4-1', 1024],
  ['claude-opus-4', 1024],
  ['claude-sonnet-4', 1024],
  ['claude-3-7-sonnet', 1024],
  ['claude-3-5-sonnet', 1024],
  ['claude-haiku-4-5', 4096],
  ['claude-3-5-haiku', 2048],
  ['claude-3-haiku', 2048],
  ['claude-opus-', 4096],
  ['claude-sonnet-', 1024],
  ['claude-haiku-', 4096],
];

/** Unknown model ids get the API's usual floor, so nothing is assumed cached that might not be. */
export const DEFAULT_CACHE_MINIMUM_TOKENS = 1024;

export function cacheMinimumTokens(model: string): number {
  for (const [prefix, tokens] of CACHE_MINIMUM_TOKENS) if (model.startsWith(prefix)) return tokens;
  return DEFAULT_CACHE_MINIMUM_TOKENS;
}

export function priceOf(model: string): ModelPrice | null {
  for (const [prefix, price] of MODEL_PRICES) if (model.startsWith(prefix)) return price;
  return null;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
}

/** Cost in USD; 0 for an unknown model (the UI says the price is unknown rather than guessing). */
export function costOf(model: string, usage: TokenUsage, viaBatch = false): number {
  const price = priceOf(model);
  if (!price) return 0;
  const input =
    usage.inputTokens +
    (usage.cacheWriteTokens ?? 0) * CACHE_WRITE_FACTOR +
    (usage.cacheReadTokens ?? 0) * CACHE_READ_FACTOR;
  const usd = (input * price.input + usage.outputTokens * price.output) / 1e6;
  return viaBatch ? usd * BATCH_DISCOUNT : usd;
}

/** Rough token count for previews (about four characters a token in English). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
