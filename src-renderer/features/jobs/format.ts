// The words and numbers of one job as the tray and the pages print them. Pure, so the tests can
// pin the exact text of progress, ETA and cost.
import type { JobInfo, JobProgress, JobResults } from '../../../src-shared/jobs';
import { formatDuration, formatEta, formatInt, formatProgress, formatTokens, formatUsd } from '../../components/format';

/** "L1 propose · 120 / 600 (20%) · about 3 min 05 s left" (ETA only while it means something). */
export function progressLine(p: JobProgress, moving: boolean): string {
  const parts = [p.phase, formatProgress(p.done, p.total)];
  if (p.failed > 0) parts.push(`${formatInt(p.failed)} failed`);
  if (p.fromCheckpoint > 0) parts.push(`${formatInt(p.fromCheckpoint)} from checkpoint`);
  parts.push(moving ? formatEta(p.etaMs) : `ran ${formatDuration(p.elapsedMs)}`);
  return parts.join(' · ');
}

/** "42 Claude calls (3 cached) · 12.3k in / 4.5k out tokens · $0.12 · 2 failures". */
export function claudeLine(c: NonNullable<JobProgress['claude']>): string {
  const calls = `${formatInt(c.sent)} Claude call${c.sent === 1 ? '' : 's'}`;
  const cached = c.cacheHits > 0 ? ` (${formatInt(c.cacheHits)} cached)` : '';
  const parts = [calls + cached, `${formatTokens(c.inputTokens)} in / ${formatTokens(c.outputTokens)} out tokens`, formatUsd(c.costUsd)];
  if (c.failures > 0) parts.push(`${formatInt(c.failures)} failure${c.failures === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/** A finished job's result in one sentence. */
export function resultLine(job: Pick<JobInfo, 'kind' | 'result'>): string | undefined {
  if (!job.result) return undefined;
  switch (job.kind) {
    case 'hierarchy.build': {
      const r = job.result as JobResults['hierarchy.build'];
      return `Hierarchy ${r.id}: ${r.sizes.map(formatInt).join(' → ')} nodes (base first), ${formatUsd(r.costUsd)}.`;
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
        `${formatInt(r.screenedOut)} screened out, ${formatInt(r.unclassified)} unclassified; ${formatUsd(r.costUsd)}.`
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
  const pct = p && p.total ? ` ${Math.min(100, Math.floor((p.done / p.total) * 100))}%` : '';
  return `1 job running${pct}`;
}
