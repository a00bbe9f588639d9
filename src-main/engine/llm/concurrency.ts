// Requests in flight at once, sized by Little's law: to sustain a rate r with a latency L about
// r × L requests must be in flight, so the bound follows the rate the limiter allows now and the
// latency observed (a moving average), with some headroom, between 1 and a hard maximum. Fixed
// concurrency either starves a fast limit (too few in flight) or piles requests onto a slow server.
import { throwIfAborted } from '../base/cancel';

/** Headroom over r × L, so latency jitter does not leave the rate limit unused. */
const HEADROOM = 1.3;
/** Weight of the newest latency sample in the moving average. */
const ALPHA = 0.1;
/** Assumed before the first answer: a typical API latency, so the first requests are not serialised. */
const INITIAL_LATENCY_MS = 1000;

export class InFlightGate {
  private inFlight = 0;
  private latencyMs = INITIAL_LATENCY_MS;
  private readonly waiters: (() => void)[] = [];
  /** The most in flight at once so far (for the bench). */
  peak = 0;

  constructor(
    /** The hard bound, whatever the arithmetic says. */
    readonly max: number,
    /** Requests per second the limiter allows now. */
    private readonly rate: () => number,
  ) {}

  get target(): number {
    const littles = Math.ceil(this.rate() * (this.latencyMs / 1000) * HEADROOM) + 1;
    return Math.max(1, Math.min(this.max, littles));
  }

  get observedLatencyMs(): number {
    return this.latencyMs;
  }

  async enter(signal?: AbortSignal): Promise<void> {
    while (this.inFlight >= this.target) {
      throwIfAborted(signal);
      await new Promise<void>((resolve) => {
        // A waiter must notice a cancel even if no slot ever frees, and leave the line when it does.
        const onAbort = () => {
          this.waiters.splice(this.waiters.indexOf(wake), 1);
          resolve();
        };
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        this.waiters.push(wake);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
    throwIfAborted(signal);
    this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
  }

  /** Leaves, with the request's latency when it got an answer (not for errors before sending). */
  leave(latencyMs?: number): void {
    this.inFlight--;
    if (latencyMs !== undefined) this.latencyMs += ALPHA * (latencyMs - this.latencyMs);
    // The target may have grown with the new latency: wake as many as fit.
    let room = this.target - this.inFlight;
    while (room-- > 0 && this.waiters.length > 0) this.waiters.shift()!();
  }
}
