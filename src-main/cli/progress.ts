// A job's progress on a terminal: one line redrawn in place on a TTY, a line per 10% of each phase
// otherwise (logs). The numbers are the job's own progress events, the same the app's tray shows.
import type { JobProgress } from '../../src-shared/jobs';

export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const s = Math.round(ms / 1000);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m` : s >= 60 ? `${Math.floor(s / 60)}m${s % 60}s` : `${s}s`;
}

const BAR_WIDTH = 24;

/** One line for a progress event (no newline): the whole job's bar when known, else the phase's. */
export function progressLine(p: JobProgress): string {
  const share = p.fraction ?? (p.total === null ? null : p.total === 0 ? 1 : p.done / p.total);
  const filled = share === null ? 0 : Math.max(0, Math.min(BAR_WIDTH, Math.round(BAR_WIDTH * share)));
  const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
  const percent = p.fraction !== undefined ? ` ${Math.floor(100 * p.fraction)}%` : '';
  const step = p.phaseIndex && p.phaseCount ? ` (${p.phaseIndex}/${p.phaseCount})` : '';
  const c = p.claude;
  const money = c ? `  calls ${c.sent}  cached ${c.cacheHits}  ${c.simulated ? 'simulated ' : ''}$${c.costUsd.toFixed(2)}` : '';
  return (
    `${bar}${percent}  ${(p.phaseLabel ?? p.phase) + step}  ${amount(p)}${p.failed ? `  ${p.failed} failed` : ''}  ` +
    `ETA ${formatDuration(p.etaMs)}${money}`
  );
}

/** done/total in the phase's unit: bytes in MB, the rest as counts. */
function amount(p: JobProgress): string {
  const f = p.unit === 'bytes' ? (n: number) => `${(n / 1e6).toFixed(1)} MB` : (n: number) => n.toLocaleString('en-US');
  const unit = p.unit === 'iterations' ? ' iterations' : '';
  return p.total === null ? `${f(p.done)}${unit}` : `${f(p.done)}/${f(p.total)}${unit}`;
}

export function progressPrinter(stream: NodeJS.WriteStream) {
  const tty = stream.isTTY === true;
  let lastPhase = '';
  let lastDecile = -1;
  let drawn = false;
  return {
    update(p: JobProgress): void {
      const share = p.fraction ?? (p.total === null ? null : p.total === 0 ? 1 : p.done / p.total);
      const decile = share === null ? -1 : Math.floor(10 * share);
      if (!tty && p.phase === lastPhase && decile === lastDecile) return;
      const line = progressLine(p);
      const width = (stream.columns ?? 120) - 1;
      if (tty) stream.write(`\r${line.slice(0, width).padEnd(width)}`);
      else stream.write(line + '\n');
      drawn = true;
      lastPhase = p.phase;
      lastDecile = decile;
    },
    /** Ends the redrawn line, so what follows starts on a fresh one. */
    done(): void {
      if (tty && drawn) stream.write('\n');
      drawn = false;
    },
  };
}
