// Where a request's cache_control breakpoint goes, if anywhere. The API caches a prefix only when it
// reaches the model's minimum cacheable length (src-shared/pricing.ts); a breakpoint on a shorter
// prefix buys nothing, and the estimate (classify/estimate.ts) assumes exactly this rule, so the
// decision lives in one place for direct calls and batches alike.
import { cacheMinimumTokens, estimateTokens } from '../../../src-shared/pricing';
import type { MessageRequest } from './store';

/** Tokens up to and including message `index` (system first), counted as the estimate counts them. */
export function prefixTokens(req: MessageRequest, index: number): number {
  return estimateTokens((req.system ?? '') + req.messages.slice(0, index + 1).map((m) => m.content).join(''));
}

/** The message to mark, or undefined when caching is off, unasked for, or the prefix is too short. */
export function cacheBreakpoint(req: MessageRequest, index: number | undefined, caching: boolean): number | undefined {
  if (!caching || index === undefined || index >= req.messages.length) return undefined;
  return prefixTokens(req, index) >= cacheMinimumTokens(req.model) ? index : undefined;
}
