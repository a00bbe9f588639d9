// How fast to send after the server refused: the configured limits are an upper bound, the server
// has the last word. A 429 that names a server limit below ours (anthropic-ratelimit-*-limit
// headers) lowers ours to it exactly. A 429 that names the same limit means we were right on
// average but arrived bunched up (network or scheduling jitter): no cut, only the pause the limiter
// adds to give the server its burst margin back (limiter.ts); if that keeps happening (another
// client shares the limit), a third such 429 within a minute cuts the rate (recovering fully). A
// 429 without that knowledge cuts the rate multiplicatively and caps the recovery below
// the rate that was refused, so the client does not overshoot again; a 529 (overload, not our
// limit) cuts too but recovers fully. Recovery is additive over time (AIMD). Refusals of requests
// sent before the last reaction are ignored: they were sent at the old rate.
import type { RateLimits } from './limiter';

export interface RateFeedback {
  status: number;
  /** From retry-after-ms / retry-after; null when the server gave none. */
  retryAfterMs: number | null;
  /** The server's stated limits, when it sent them. */
  serverLimits: Partial<RateLimits>;
  /** When the refused request was sent (same clock as the limiter). */
  sentAt: number;
}

const CUT = 0.7;
/** Refusals at a confirmed limit tolerated per minute before they count as a real overshoot. */
const JITTER_PER_MINUTE = 2;
/** After a 429 the rate recovers to at most this share of the refused rate. */
const CEILING_MARGIN = 0.9;
/**
 * The lowest share of the configured rate a refusal can cut to. The real API names its limits (the
 * learned path), so cuts answer unexplained 429s, which a gateway or a fault may send at random: a
 * lower floor let a steady trickle of them ratchet a run down to a crawl (the retry policy still
 * backs off each refused request).
 */
const FLOOR = 0.5;
/** Recovery speed: the factor grows by 1 per this many ms (+10% of the configured rate every 12 s). */
const RECOVERY_MS = 120_000;
const DEFAULT_PAUSE_MS = 1000;

export class AdaptiveRate {
  private readonly limits: RateLimits;
  private factor = 1;
  private ceiling = 1;
  private pausedUntil = -Infinity;
  private lastReaction = -Infinity;
  private lastUpdate: number;
  private jitterTimes: number[] = [];
  /** Reactions so far, for the bench and the tests. */
  readonly log = { cuts: 0, learned: 0, jitter: 0, ignored: 0 };

  constructor(
    configured: RateLimits,
    private readonly now: () => number,
  ) {
    this.limits = { ...configured };
    this.lastUpdate = now();
  }

  /** The limits to pace by now: the configured (or learned) ones times the recovering factor. */
  effective(): RateLimits {
    const t = this.now();
    this.factor = Math.min(this.ceiling, this.factor + (t - this.lastUpdate) / RECOVERY_MS);
    this.lastUpdate = t;
    const f = this.factor;
    const out = this.limits.outputTokensPerMinute;
    return {
      requestsPerMinute: this.limits.requestsPerMinute * f,
      inputTokensPerMinute: this.limits.inputTokensPerMinute * f,
      ...(out ? { outputTokensPerMinute: out * f } : {}),
    };
  }

  pausedForMs(): number {
    return Math.max(0, Math.ceil(this.pausedUntil - this.now()));
  }

  /**
   * Reacts to a refusal: learned a lower server limit, tolerated at a confirmed limit (jitter), cut
   * the rate, or ignored (sent before the last reaction).
   */
  refused(fb: RateFeedback): 'learned' | 'jitter' | 'cut' | 'ignored' {
    const t = this.now();
    this.pausedUntil = Math.max(this.pausedUntil, t + (fb.retryAfterMs ?? DEFAULT_PAUSE_MS));
    if (fb.sentAt < this.lastReaction) {
      this.log.ignored++;
      return 'ignored';
    }
    this.lastReaction = t;
    if (fb.status === 429 && this.learn(fb.serverLimits)) return 'learned';
    this.effective();
    const refusedAt = this.factor;
    const stated = Object.values(fb.serverLimits).some((x) => x !== undefined && x > 0);
    if (fb.status === 429 && stated) {
      this.jitterTimes = [...this.jitterTimes.filter((at) => at > t - 60_000), t];
      if (this.jitterTimes.length <= JITTER_PER_MINUTE) {
        this.log.jitter++;
        return 'jitter';
      }
    }
    this.factor = Math.max(FLOOR, refusedAt * CUT);
    // Without a stated limit, the refused rate is all we know of it: never climb back that high.
    if (fb.status === 429 && !stated) this.ceiling = Math.max(FLOOR, Math.min(this.ceiling, refusedAt * CEILING_MARGIN));
    this.log.cuts++;
    return 'cut';
  }

  /** Adopts any server limit below ours; true when that explains the refusal. */
  private learn(server: Partial<RateLimits>): boolean {
    let lowered = false;
    for (const key of ['requestsPerMinute', 'inputTokensPerMinute', 'outputTokensPerMinute'] as const) {
      const theirs = server[key];
      const ours = this.limits[key];
      if (theirs && theirs > 0 && (ours === undefined || theirs < ours)) {
        this.limits[key] = theirs;
        lowered = true;
      }
    }
    if (lowered) this.log.learned++;
    return lowered;
  }
}
