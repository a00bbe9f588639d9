// A pipeline step in the manner of kura: a function over items whose per-item results are
// checkpointed in SQLite under (step, input hash, model, prompt version). A rerun skips what is done,
// a failure is recorded on its item and never fails the run, and cancellation stops cleanly.
import { sha256 } from '../base/hash';
import type { Db } from '../../db/open';
import { CancelledError, isCancelled } from './cancel';
import type { WholeJob } from './phases';

export interface StepSpec {
  name: string;
  model: string;
  promptVersion: string;
  concurrency: number;
}

export type ItemOutcome<O> = { ok: true; value: O } | { ok: false; error: string };
export type ItemResult<O> = ItemOutcome<O> & { fromCheckpoint: boolean };

export interface StepProgress {
  step: string;
  done: number;
  total: number;
  failed: number;
  fromCheckpoint: number;
  elapsedMs: number;
  /** Estimated time left from the pace of items actually computed in this run. */
  etaMs: number | null;
  /** Plain words for what the step does now, when the step knows better than its phase's label. */
  label?: string;
  /** Where the step stands in the whole job (set by a PhaseTracker, see phases.ts). */
  whole?: WholeJob;
}

export interface RunContext {
  signal?: AbortSignal;
  onProgress?: (p: StepProgress) => void;
}

export function inputHash(input: unknown): string {
  return sha256(JSON.stringify(input));
}

export async function runStep<I, O>(
  db: Db,
  spec: StepSpec,
  inputs: readonly I[],
  fn: (input: I, signal?: AbortSignal) => Promise<ItemOutcome<O>>,
  ctx: RunContext = {},
): Promise<ItemResult<O>[]> {
  const read = db.prepare(
    "SELECT output_json FROM step_checkpoint WHERE step = ? AND input_hash = ? AND model = ? AND prompt_version = ? AND status = 'ok'",
  );
  const write = db.prepare(
    `INSERT OR REPLACE INTO step_checkpoint (step, input_hash, model, prompt_version, status, output_json, error, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const results = new Array<ItemResult<O>>(inputs.length);
  const todo: number[] = [];
  const hashes = inputs.map(inputHash);
  inputs.forEach((_, i) => {
    const row = read.get(spec.name, hashes[i], spec.model, spec.promptVersion) as { output_json: string } | undefined;
    if (row) results[i] = { ok: true, value: JSON.parse(row.output_json) as O, fromCheckpoint: true };
    else todo.push(i);
  });
  const progress = tracker(spec.name, inputs.length, inputs.length - todo.length, ctx.onProgress);
  let next = 0;
  const worker = async () => {
    while (next < todo.length && !ctx.signal?.aborted) {
      const i = todo[next++]!;
      let outcome: ItemOutcome<O>;
      try {
        outcome = await fn(inputs[i]!, ctx.signal);
      } catch (err) {
        if (isCancelled(err)) return;
        outcome = { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
      const now = new Date().toISOString();
      if (outcome.ok) write.run(spec.name, hashes[i], spec.model, spec.promptVersion, 'ok', JSON.stringify(outcome.value), null, now);
      else write.run(spec.name, hashes[i], spec.model, spec.promptVersion, 'failed', null, outcome.error, now);
      results[i] = { ...outcome, fromCheckpoint: false };
      progress.item(outcome.ok);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(spec.concurrency, todo.length)) }, worker));
  if (ctx.signal?.aborted) throw new CancelledError();
  return results;
}

function tracker(step: string, total: number, fromCheckpoint: number, onProgress?: (p: StepProgress) => void) {
  const start = performance.now();
  let done = fromCheckpoint;
  let failed = 0;
  let computed = 0;
  const emit = () => {
    const elapsedMs = performance.now() - start;
    const etaMs = computed > 0 ? ((total - done) * elapsedMs) / computed : null;
    onProgress?.({ step, done, total, failed, fromCheckpoint, elapsedMs, etaMs });
  };
  emit();
  return {
    item(ok: boolean) {
      done++;
      computed++;
      if (!ok) failed++;
      emit();
    },
  };
}
