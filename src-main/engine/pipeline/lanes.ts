// Steps that run side by side over the same items (classification's task, pattern and skills
// facets) report through one context: their progress is summed into one event instead of each
// overwriting the others' in the job's single progress line.
import type { RunContext, StepProgress } from './steps';

export interface Lane {
  /** Plain words for the lane, e.g. "collaboration pattern". */
  name: string;
  /** The step names the lane runs, in order (a " (batch)" suffix of Batches mode maps to its step). */
  steps: readonly string[];
}

interface Seen {
  share: number;
  skipped: number;
  failed: number;
}

export interface LaneState {
  lane: Lane;
  /** Index of the step the lane is in (-1 before its first event). */
  step: number;
}

/**
 * One RunContext for every lane: events of a known step update its lane; the combined event counts
 * `items` per step of every lane, so its done/total are answers (one per item and step).
 * `label` turns the lanes' current steps into the event's plain-words label.
 */
export function combineLanes(
  lanes: readonly Lane[],
  items: number,
  ctx: RunContext,
  name: string,
  label?: (states: LaneState[]) => string,
): RunContext {
  const where = new Map<string, [number, number]>();
  lanes.forEach((lane, l) => lane.steps.forEach((step, s) => where.set(step, [l, s])));
  const seen: Seen[][] = lanes.map((lane) => lane.steps.map(() => ({ share: 0, skipped: 0, failed: 0 })));
  const current = lanes.map(() => -1);
  const started = performance.now();
  const onProgress = (p: StepProgress) => {
    const at = where.get(p.step.replace(/ \(batch\)$/, ''));
    if (!at) return;
    const [l, s] = at;
    const lane = seen[l]!;
    // Reaching a step means the lane's earlier steps are finished (items they dropped included).
    for (let j = 0; j < s; j++) lane[j]!.share = 1;
    const part = p.total > 0 ? p.done / p.total : 1;
    lane[s] = {
      share: Math.max(lane[s]!.share, part),
      skipped: p.total > 0 ? p.fromCheckpoint / p.total : 0,
      failed: p.failed,
    };
    current[l] = Math.max(current[l]!, s);
    const all = seen.flat();
    const total = all.length * items;
    const done = Math.round(all.reduce((sum, x) => sum + x.share, 0) * items);
    const fromCheckpoint = Math.round(all.reduce((sum, x) => sum + Math.min(x.skipped, x.share), 0) * items);
    const failed = all.reduce((sum, x) => sum + x.failed, 0);
    const states = lanes.map((lane, k) => ({ lane, step: current[k]! }));
    ctx.onProgress?.({
      step: name,
      done,
      total,
      failed,
      fromCheckpoint,
      elapsedMs: performance.now() - started,
      etaMs: null,
      ...(label ? { label: label(states) } : {}),
    });
  };
  return { ...ctx, onProgress };
}
