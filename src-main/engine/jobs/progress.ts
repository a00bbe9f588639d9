// The engine's progress shapes mapped onto JobProgress: pipeline steps (hierarchy, classify) with
// the Claude client's running counters, and byte-based progress for streaming imports.
import type { JobProgress } from '../../../src-shared/jobs';
import type { LlmStats } from '../llm/stats';
import type { StepProgress } from '../pipeline/steps';

export function claudeUsage(s: LlmStats): NonNullable<JobProgress['claude']> {
  return {
    sent: s.sent,
    cacheHits: s.cacheHits,
    // Cached prompt tokens are input tokens too; the cost already prices them differently.
    inputTokens: s.inputTokens + s.cacheReadTokens + s.cacheWriteTokens,
    outputTokens: s.outputTokens,
    costUsd: s.costUsd,
    failures: s.failures,
  };
}

export function fromStep(p: StepProgress, stats?: () => LlmStats): JobProgress {
  return {
    phase: p.step,
    done: p.done,
    total: p.total,
    failed: p.failed,
    fromCheckpoint: p.fromCheckpoint,
    elapsedMs: p.elapsedMs,
    etaMs: p.etaMs,
    ...(stats ? { claude: claudeUsage(stats()) } : {}),
  };
}

/** Progress of a streaming read: bytes done of the file's size, ETA from the pace so far. */
export function fromBytes(phase: string, bytesRead: number, totalBytes: number, failed: number, elapsedMs: number): JobProgress {
  const rate = elapsedMs > 0 ? bytesRead / elapsedMs : 0;
  return {
    phase,
    done: bytesRead,
    total: totalBytes,
    failed,
    fromCheckpoint: 0,
    elapsedMs,
    etaMs: rate > 0 ? Math.max(0, (totalBytes - bytesRead) / rate) : null,
  };
}

/** A job made of a few named stages (an export): stage i of n. */
export function stage(phase: string, done: number, total: number, elapsedMs: number): JobProgress {
  return { phase, done, total, failed: 0, fromCheckpoint: 0, elapsedMs, etaMs: null };
}
