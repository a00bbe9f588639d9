// The job tray's and wizard pages' number formatting: progress, ETA, duration, cost, tokens.
import { describe, expect, it } from 'vitest';
import type { JobInfo, JobProgress } from '../../src-shared/jobs';
import {
  formatBytes,
  formatDuration,
  formatEta,
  formatInt,
  formatProgress,
  formatTokens,
  formatUsd,
} from '../../src-renderer/components/format';
import { claudeLine, progressLine, resultLine, traySummary } from '../../src-renderer/features/jobs/format';
import { keyStatusText } from '../../src-renderer/features/settings/key-status';

const progress = (over: Partial<JobProgress> = {}): JobProgress => ({
  phase: 'L1 propose',
  done: 120,
  total: 600,
  failed: 0,
  fromCheckpoint: 0,
  elapsedMs: 65_000,
  etaMs: 185_000,
  ...over,
});

describe('money, tokens and counts', () => {
  it('keeps cents for ordinary amounts and thousands separators for large ones', () => {
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.5)).toBe('$0.50');
    expect(formatUsd(12.345)).toBe('$12.35');
    expect(formatUsd(1234.5)).toBe('$1,235');
  });

  it('does not round a tiny but non-zero cost down to $0.00', () => {
    expect(formatUsd(0.0042)).toBe('$0.0042');
    expect(formatUsd(0.004)).toBe('$0.004');
    expect(formatUsd(0.00001)).toBe('< $0.0001');
    expect(formatUsd(Number.NaN)).toBe('—');
  });

  it('shortens token counts to k and M', () => {
    expect(formatTokens(950)).toBe('950');
    expect(formatTokens(1234)).toBe('1.23k');
    expect(formatTokens(12_345)).toBe('12.3k');
    expect(formatTokens(4_560_000)).toBe('4.56M');
    expect(formatTokens(45_600_000)).toBe('45.6M');
  });

  it('separates thousands and sizes bytes', () => {
    expect(formatInt(19530)).toBe('19,530');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
  });
});

describe('durations and ETA', () => {
  it('prints the two largest units', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(2 * 3600_000 + 7 * 60_000)).toBe('2 h 07 min');
    expect(formatDuration(50 * 3600_000)).toBe('2 d 2 h');
  });

  it('says when the time left is unknown or nearly nothing', () => {
    expect(formatEta(null)).toBe('time left unknown');
    expect(formatEta(undefined)).toBe('time left unknown');
    expect(formatEta(400)).toBe('almost done');
    expect(formatEta(185_000)).toBe('about 3 min 05 s left');
  });
});

describe('progress', () => {
  it('shows done / total with a percentage, or a count while the total is unknown', () => {
    expect(formatProgress(120, 600)).toBe('120 / 600 (20%)');
    expect(formatProgress(1003, 1003)).toBe('1,003 / 1,003 (100%)');
    expect(formatProgress(700, 600)).toBe('700 / 600 (100%)');
    expect(formatProgress(42, null)).toBe('42 done');
    expect(formatProgress(0, 0)).toBe('0 / 0');
  });

  it('writes a running job as phase, progress and ETA, and a stopped one with its run time', () => {
    expect(progressLine(progress(), true)).toBe('L1 propose · 120 / 600 (20%) · about 3 min 05 s left');
    expect(progressLine(progress({ failed: 3, fromCheckpoint: 100 }), false)).toBe(
      'L1 propose · 120 / 600 (20%) · 3 failed · 100 from checkpoint · ran 1 min 05 s',
    );
  });

  it('writes Claude usage with calls, cache hits, tokens, cost and failures', () => {
    const claude = { sent: 42, cacheHits: 3, inputTokens: 12_345, outputTokens: 4_500, costUsd: 0.1234, failures: 2 };
    expect(claudeLine(claude)).toBe('42 Claude calls (3 cached) · 12.3k in / 4.5k out tokens · $0.12 · 2 failures');
    expect(claudeLine({ ...claude, sent: 1, cacheHits: 0, failures: 0 })).toBe('1 Claude call · 12.3k in / 4.5k out tokens · $0.12');
  });
});

describe('job summaries', () => {
  const job = (over: Partial<JobInfo>): Pick<JobInfo, 'status' | 'progress'> => ({ status: 'running', progress: null, ...over });

  it('summarises the tray button by what is moving', () => {
    expect(traySummary([])).toBe('No jobs');
    expect(traySummary([job({ status: 'done' })])).toBe('Jobs (1)');
    expect(traySummary([job({ progress: progress() })])).toBe('1 job running 20%');
    expect(traySummary([job({}), job({ status: 'pausing' })])).toBe('2 jobs running');
  });

  it('states each kind of result in one sentence', () => {
    expect(resultLine({ kind: 'hierarchy.build', result: { id: 'h1', sizes: [600, 85, 12], targets: [600, 85, 12], costUsd: 0.42 } })).toBe(
      'Hierarchy h1: 600 → 85 → 12 nodes (base first), $0.42.',
    );
    const imported = {
      dataset: 'oasst',
      format: 'oasst',
      rowsRead: 1005,
      conversations: 1003,
      added: 1003,
      duplicates: 0,
      badRows: 2,
      badRowSamples: [],
      file: 'x.jsonl',
    };
    expect(resultLine({ kind: 'conversations.import', result: imported })).toBe(
      '1,003 conversations (1,003 new, 0 duplicates) into oasst as oasst; 2 bad rows.',
    );
    expect(resultLine({ kind: 'export.run', result: { dir: '/out', files: ['a.csv'] } })).toBe('1 file written to /out.');
    expect(resultLine({ kind: 'export.run', result: null })).toBeUndefined();
  });

  it('shows the API key only by its last four characters and where it is kept', () => {
    expect(keyStatusText({ present: false, source: null, keychainAvailable: true, hint: null })).toBe('No API key set.');
    expect(keyStatusText({ present: true, source: 'session', keychainAvailable: false, hint: 'abcd' })).toBe(
      'A key is set (****abcd). Kept in this session’s memory (forgotten when Task Atlas quits).',
    );
  });
});
