// One progress for a whole job made of named phases. Each phase carries a weight, its expected
// share of the work (item counts times a fixed cost per item), so the fraction of the whole job
// moves smoothly from one phase to the next and never goes back; the ETA covers the whole job.
import type { ProgressUnit } from '../../../src-shared/jobs';
import type { RunContext, StepProgress } from './steps';

export interface PhaseSpec {
  /** Matches the engine's step name for the phase, e.g. "L1 propose" or "c2 screen". */
  key: string;
  /** Plain words for a person, e.g. "Clustering 18,428 tasks". */
  label: string;
  /** Expected share of the work, in any unit common to the job's phases (see COST). */
  weight: number;
  unit?: ProgressUnit;
}

/** The whole-job view attached to a step's progress. */
export interface WholeJob {
  label: string;
  phaseIndex: number;
  phaseCount: number;
  unit: ProgressUnit;
  fraction: number;
  etaMs: number | null;
}

/**
 * Expected cost of one unit of work, in "one Claude call" (about 0.4 s at the default concurrency).
 * A fixed table: the weights only need to be right within a factor of two or so to keep the ETA honest.
 */
export const COST = {
  call: 1,
  /** One text through the local embedding model (cached texts cost less, which only moves the bar on sooner). */
  embedText: 0.03,
  /** One point × one centroid of a k-means run (all iterations together). */
  kmeansPointCentroid: 1e-6,
  /** One row written or aggregated in SQLite. */
  row: 1e-4,
} as const;

/** Below this share of the job done by real work (not checkpoints), an ETA would be a guess. */
const MIN_MEASURED = 0.002;

export class PhaseTracker {
  private readonly position = new Map<string, number>();
  private readonly share: number[];
  private readonly skipped: number[];
  private readonly totalWeight: number;
  private readonly started: number;
  private fraction = 0;

  constructor(
    private readonly specs: readonly PhaseSpec[],
    private readonly now: () => number = () => performance.now(),
  ) {
    specs.forEach((s, i) => this.position.set(s.key, i));
    this.share = specs.map(() => 0);
    this.skipped = specs.map(() => 0);
    this.totalWeight = specs.reduce((sum, s) => sum + Math.max(0, s.weight), 0) || 1;
    this.started = now();
  }

  get phaseCount(): number {
    return this.specs.length;
  }

  /**
   * Progress of phase `key`: `done` of `total` units, `fromCheckpoint` of them answered by an earlier
   * attempt. Every phase before it counts as finished (phases run in order; one that had nothing to do
   * reports nothing). An unknown key leaves the fraction where it is.
   */
  update(key: string, done: number, total: number | null, fromCheckpoint = 0, label?: string): WholeJob {
    const i = this.position.get(key);
    const spec = i === undefined ? undefined : this.specs[i]!;
    if (i !== undefined) {
      for (let j = 0; j < i; j++) this.share[j] = 1;
      const part = total && total > 0 ? Math.min(1, done / total) : 0;
      this.share[i] = Math.max(this.share[i]!, part);
      if (total && total > 0) this.skipped[i] = Math.max(this.skipped[i]!, Math.min(1, fromCheckpoint / total));
      this.fraction = Math.max(this.fraction, this.weighted(this.share));
    }
    return {
      label: label ?? spec?.label ?? key,
      phaseIndex: (i ?? -1) + 1,
      phaseCount: this.specs.length,
      unit: spec?.unit ?? 'items',
      fraction: this.fraction,
      etaMs: this.eta(),
    };
  }

  /** Marks phase `key` finished (a phase that reports nothing while it runs, e.g. writing results). */
  finish(key: string): WholeJob {
    return this.update(key, 1, 1);
  }

  /** A RunContext whose progress events carry the whole-job view of phase `key`. */
  context(key: string, ctx: RunContext, label?: (p: StepProgress) => string | undefined): RunContext {
    return {
      ...ctx,
      onProgress: (p) => ctx.onProgress?.({ ...p, whole: this.update(key, p.done, p.total, p.fromCheckpoint, label?.(p) ?? p.label) }),
    };
  }

  private weighted(parts: readonly number[]): number {
    const sum = parts.reduce((s, part, j) => s + part * Math.max(0, this.specs[j]!.weight), 0);
    return Math.min(1, sum / this.totalWeight);
  }

  /** Time left from the pace of the work actually done in this attempt (checkpoints excluded). */
  private eta(): number | null {
    if (this.fraction >= 1) return 0;
    const skipped = this.weighted(this.skipped.map((s, j) => Math.min(s, this.share[j]!)));
    const measured = this.fraction - skipped;
    const elapsed = this.now() - this.started;
    if (measured < MIN_MEASURED || elapsed <= 0) return null;
    return Math.round(((1 - this.fraction) * elapsed) / measured);
  }
}

/** "18,428": counts in phase labels, grouped the way a person reads them. */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
