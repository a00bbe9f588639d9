// The engine's progress shapes mapped onto JobProgress: pipeline steps (hierarchy, classify) with
// the Claude client's running counters, and byte-based progress for streaming imports.
import type { ClaudeUsage, JobInfo, JobProgress } from '../../../src-shared/jobs';
import type { LlmStats } from '../llm/stats';
import type { StepProgress } from '../pipeline/steps';

export function claudeUsage(s: LlmStats): ClaudeUsage {
  return {
    sent: s.sent,
    cacheHits: s.cacheHits,
    // Cached prompt tokens are input tokens too; the cost already prices them differently.
    inputTokens: s.inputTokens + s.cacheReadTokens + s.cacheWriteTokens,
    outputTokens: s.outputTokens,
    costUsd: s.costUsd,
    failures: s.failures,
    ...(s.simulated ? { simulated: true as const } : {}),
  };
}

/** The sum of two usage counters (a job's earlier attempts plus this one). */
export function addUsage(a: ClaudeUsage | undefined, b: ClaudeUsage | undefined): ClaudeUsage | undefined {
  if (!a || !b) return a ?? b;
  return {
    sent: a.sent + b.sent,
    cacheHits: a.cacheHits + b.cacheHits,
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    costUsd: a.costUsd + b.costUsd,
    failures: a.failures + b.failures,
    ...(a.simulated || b.simulated ? { simulated: true as const } : {}),
  };
}

/** A step's progress; with the whole-job view of a PhaseTracker, the label, fraction and ETA of the whole job. */
export function fromStep(p: StepProgress, stats?: () => LlmStats): JobProgress {
  const w = p.whole;
  return {
    phase: p.step,
    ...(w ? { phaseLabel: w.label, phaseIndex: w.phaseIndex, phaseCount: w.phaseCount, unit: w.unit, fraction: w.fraction } : {}),
    ...(!w && p.label ? { phaseLabel: p.label } : {}),
    done: p.done,
    total: p.total,
    failed: p.failed,
    fromCheckpoint: p.fromCheckpoint,
    elapsedMs: p.elapsedMs,
    etaMs: w ? w.etaMs : p.etaMs,
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
    // One phase is the whole job.
    fraction: totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : 0,
    unit: 'bytes',
    elapsedMs,
    etaMs: rate > 0 ? Math.max(0, (totalBytes - bytesRead) / rate) : null,
  };
}

/** A job made of a few named stages (an export): stage i of n. */
export function stage(phase: string, done: number, total: number, elapsedMs: number): JobProgress {
  return { phase, phaseLabel: phase, done, total, fraction: total > 0 ? Math.min(1, done / total) : 0, failed: 0, fromCheckpoint: 0, elapsedMs, etaMs: null };
}

/**
 * A resumed attempt starts from the last progress with this attempt's usage cleared: the earlier
 * attempts' total and the bar's position stay in the row, so a crash before the first event loses neither.
 */
export function resumedProgress(last: JobProgress | null): JobProgress | null {
  if (!last) return null;
  const { claude, claudeTotal, ...rest } = last;
  const total = claudeTotal ?? claude;
  return { ...rest, elapsedMs: 0, etaMs: null, ...(total ? { claudeTotal: total } : {}) };
}

/**
 * A finished job's bar is full, and its result's cost is what every attempt cost together: the
 * earlier attempts' total plus this attempt's own figure.
 */
export function finishedProgress(job: JobInfo, before: ClaudeUsage | undefined): Pick<JobInfo, 'progress' | 'result'> {
  const progress = job.progress ? { ...job.progress, fraction: 1, etaMs: 0 } : null;
  const result = job.result as { costUsd?: unknown } | null;
  if (!before || !result || typeof result.costUsd !== 'number') return { progress, result: job.result };
  return { progress, result: { ...result, costUsd: before.costUsd + result.costUsd } as JobInfo['result'] };
}
