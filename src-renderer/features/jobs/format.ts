// The words and numbers of one job as the tray and the pages print them. Pure, so the tests can
// pin the exact text of progress, ETA and cost.
import type { ClaudeUsage, JobInfo, JobProgress, JobResults, JobStatus } from '../../../src-shared/jobs';
import { formatBytes, formatDuration, formatEta, formatInt, formatPercent, formatProgress, formatTokens, formatUsd } from '../../components/format';

/** The current phase's count in its own unit: items, k-means iterations, or bytes of a file. */
function phaseCount(p: JobProgress): string {
  if (p.unit === 'iterations') {
    // Before the first iteration and after the last, the phase only marks its start and end.
    if (p.total !== null && p.total <= 1) return p.done >= 1 ? 'done' : 'starting';
    return p.total ? `iteration ${formatInt(p.done)} of at most ${formatInt(p.total)}` : `iteration ${formatInt(p.done)}`;
  }
  if (p.unit === 'bytes' && p.total !== null) return `${formatBytes(p.done)} of ${formatBytes(p.total)}`;
  return formatProgress(p.done, p.total);
}

/** "Naming level 1 tasks (step 8 of 16)", or the engine's step name when the job names no phases. */
export function phaseTitle(p: JobProgress): string {
  const label = p.phaseLabel ?? p.phase;
  return p.phaseIndex && p.phaseCount && p.phaseCount > 1 ? `${label} (step ${p.phaseIndex} of ${p.phaseCount})` : label;
}

/**
 * "Naming level 1 tasks (step 8 of 16) · 120 / 600 (20%) · about 3 min 05 s left" (ETA only while
 * it means something; with a whole-job fraction, the ETA is the whole job's).
 */
export function progressLine(p: JobProgress, moving: boolean): string {
  const parts = [phaseTitle(p), phaseCount(p)];
  if (p.failed > 0) parts.push(`${formatInt(p.failed)} failed`);
  if (p.fromCheckpoint > 0) parts.push(`${formatInt(p.fromCheckpoint)} from checkpoint`);
  parts.push(moving ? formatEta(p.etaMs) : `ran ${formatDuration(p.elapsedMs)}`);
  return parts.join(' · ');
}

/** "45% of the whole job" when the job reports its whole-job fraction. */
export function wholeLine(p: JobProgress): string | undefined {
  return p.fraction === undefined ? undefined : `${formatPercent(Math.min(1, p.fraction))} of the whole job`;
}

/**
 * Claude usage as the card shows it: a finished job its total; a job with earlier attempts this
 * attempt and the total; otherwise the one attempt's figures.
 */
export function usageLines(job: Pick<JobInfo, 'status' | 'attempts' | 'progress'>): { label: string; line: string }[] {
  const p = job.progress;
  const total: ClaudeUsage | undefined = p?.claudeTotal ?? p?.claude;
  if (!p || !total) return [];
  if (job.status === 'done') return [{ label: job.attempts > 1 ? `Total of ${job.attempts} attempts` : 'Total', line: claudeLine(total) }];
  if (job.attempts > 1 && p.claudeTotal) {
    const attempt = p.claude ?? { sent: 0, cacheHits: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, failures: 0 };
    return [
      { label: 'This attempt', line: claudeLine(attempt) },
      { label: 'Total so far', line: claudeLine(p.claudeTotal) },
    ];
  }
  return [{ label: 'Claude', line: claudeLine(total) }];
}

const END_WORD: Partial<Record<JobStatus, string>> = {
  done: 'finished',
  failed: 'failed',
  paused: 'paused',
  cancelled: 'cancelled',
  interrupted: 'stopped',
};

/** How a stopped job's time is named: a paused job was paused, not ended. */
export function endedWord(status: JobStatus): string {
  return END_WORD[status] ?? 'updated';
}

/** "42 Claude calls (3 cached) · 12.3k in / 4.5k out tokens · $0.12 · 2 failures". */
export function claudeLine(c: NonNullable<JobProgress['claude']>): string {
  const calls = `${formatInt(c.sent)} Claude call${c.sent === 1 ? '' : 's'}`;
  const cached = c.cacheHits > 0 ? ` (${formatInt(c.cacheHits)} cached)` : '';
  const parts = [calls + cached, `${formatTokens(c.inputTokens)} in / ${formatTokens(c.outputTokens)} out tokens`, costText(c.costUsd, c.simulated)];
  if (c.failures > 0) parts.push(`${formatInt(c.failures)} failure${c.failures === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/**
 * "$0.12", or for demo mode's fake server "simulated (≈ $0.12 at Claude prices, nothing paid)": a
 * demo's cost is never shown as dollars owed.
 */
export function costText(usd: number, simulated?: boolean): string {
  return simulated ? `simulated (≈ ${formatUsd(usd)} at Claude prices, nothing paid)` : formatUsd(usd);
}

/** A finished job's result in one sentence. */
export function resultLine(job: Pick<JobInfo, 'kind' | 'result'>): string | undefined {
  if (!job.result) return undefined;
  switch (job.kind) {
    case 'hierarchy.build': {
      const r = job.result as JobResults['hierarchy.build'];
      return `Hierarchy ${r.id}: ${r.sizes.map(formatInt).join(' → ')} nodes (base first), ${costText(r.costUsd, r.claude?.simulated)}.`;
    }
    case 'conversations.import': {
      const r = job.result as JobResults['conversations.import'];
      const bad = r.badRows === 1 ? '1 bad row' : `${formatInt(r.badRows)} bad rows`;
      return `${formatInt(r.conversations)} conversations (${formatInt(r.added)} new, ${formatInt(r.duplicates)} duplicates) into ${r.dataset} as ${r.format}; ${bad}.`;
    }
    case 'classify.run': {
      const r = job.result as JobResults['classify.run'];
      return (
        `Run ${r.run}: ${formatInt(r.classified)} of ${formatInt(r.conversations)} conversations classified, ` +
        `${formatInt(r.screenedOut)} screened out, ${formatInt(r.unclassified)} unclassified; ${costText(r.costUsd, r.claude?.simulated)}.`
      );
    }
    case 'export.run': {
      const r = job.result as JobResults['export.run'];
      return `${formatInt(r.files.length)} file${r.files.length === 1 ? '' : 's'} written to ${r.dir}.`;
    }
  }
}

/** The tray button's summary: what is moving, or that nothing is. */
export function traySummary(jobs: readonly Pick<JobInfo, 'status' | 'progress'>[]): string {
  const moving = jobs.filter((j) => j.status === 'running' || j.status === 'pausing' || j.status === 'cancelling');
  if (moving.length === 0) return jobs.length ? `Jobs (${jobs.length})` : 'No jobs';
  if (moving.length > 1) return `${moving.length} jobs running`;
  const p = moving[0]!.progress;
  // The whole job's share when known, else the current phase's.
  const share = p?.fraction ?? (p && p.total ? p.done / p.total : undefined);
  const pct = share !== undefined ? ` ${Math.min(100, Math.floor(share * 100))}%` : '';
  return `1 job running${pct}`;
}
