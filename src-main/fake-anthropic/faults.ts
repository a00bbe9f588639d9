// Fault injection. Every draw is a hash of (seed, request hash, attempt for that request, purpose),
// never Math.random: two runs of the same workload meet the same faults, and a retried identical
// request draws afresh (its attempt number changed), so it can succeed where the first try failed.
import { createHash } from 'node:crypto';
import type { Draft, ResolvedOptions } from './types';

export type Purpose = 'status' | 'answer' | 'variant' | 'latency';

/** A uniform number in [0, 1) fixed by its inputs. */
export function draw(seed: number, requestHash: string, attempt: number, purpose: Purpose): number {
  const digest = createHash('sha256').update(`${seed}|${requestHash}|${attempt}|${purpose}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

export type FaultStatus = 429 | 529 | 500;

/** The rates stack on one draw, so rate429 = 1 means every request is rate limited. */
export function pickStatus(o: ResolvedOptions, u: number): FaultStatus | null {
  if (u < o.rate429) return 429;
  if (u < o.rate429 + o.rate529) return 529;
  if (u < o.rate429 + o.rate529 + o.rate500) return 500;
  return null;
}

export function latencyMs(o: ResolvedOptions, u: number): number {
  return Math.max(0, o.latencyMs + Math.floor(u * o.latencyJitterMs));
}

// Prose that names no option, pattern, skill, "yes" or "no", so no lenient parser can rescue it.
const PROSE = 'I would need more context before I could classify this conversation with confidence.';

/**
 * What a model does when it drifts from the format: stop mid-answer (cut before the closing
 * </answer>, so the structure is incomplete) or ramble in prose. Short answers always ramble,
 * because a cut "Yes</answer>" would still read as "Yes".
 */
export function malformed(text: string, variant: number): string {
  const close = text.lastIndexOf('</answer>');
  if (close < 0 || text.length < 40 || variant < 0.5) return PROSE;
  return text.slice(0, Math.min(close, Math.floor(text.length * 0.6))).trimEnd();
}

export type AnswerFault = 'malformed' | 'outOfOptions' | null;

/** Malformed and out-of-options share one draw; out-of-options applies only to kinds with options. */
export function applyAnswerFault(
  draft: Draft,
  o: ResolvedOptions,
  u: number,
  variant: number,
): { text: string; fault: AnswerFault } {
  if (u < o.malformedRate) return { text: malformed(draft.text, variant), fault: 'malformed' };
  if (draft.outOfOptions && u < o.malformedRate + o.outOfOptionsRate) {
    return { text: draft.outOfOptions(), fault: 'outOfOptions' };
  }
  return { text: draft.text, fault: null };
}

/** Per-request attempt numbers: the n-th time the same body arrives it draws with attempt n. */
export class AttemptCounter {
  private readonly attempts = new Map<string, number>();

  next(requestHash: string): number {
    const n = this.attempts.get(requestHash) ?? 0;
    this.attempts.set(requestHash, n + 1);
    return n;
  }
}
