// Progress on a terminal: one line redrawn in place on a TTY, a line per 10% step otherwise (logs).
import type { StepProgress } from '../engine/pipeline/steps';
import type { LlmStats } from '../engine/llm/stats';

export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const s = Math.round(ms / 1000);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m` : s >= 60 ? `${Math.floor(s / 60)}m${s % 60}s` : `${s}s`;
}

export function progressPrinter(stream: NodeJS.WriteStream, stats?: () => LlmStats) {
  const tty = stream.isTTY === true;
  let lastStep = '';
  let lastDecile = -1;
  return {
    update(p: StepProgress): void {
      const decile = p.total === 0 ? 10 : Math.floor((10 * p.done) / p.total);
      if (!tty && p.step === lastStep && decile === lastDecile) return;
      const s = stats?.();
      const width = 24;
      const filled = p.total === 0 ? width : Math.max(0, Math.min(width, Math.round((width * p.done) / p.total)));
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      const money = s ? `  calls ${s.sent}  cached ${s.cacheHits}  $${s.costUsd.toFixed(2)}` : '';
      const line = `${p.step.padEnd(22)} ${bar} ${p.done}/${p.total}${p.failed ? `  ${p.failed} failed` : ''}  ETA ${formatDuration(p.etaMs)}${money}`;
      if (tty) stream.write(`\r${line.slice(0, (stream.columns ?? 120) - 1).padEnd((stream.columns ?? 120) - 1)}`);
      else stream.write(line + '\n');
      if (tty && p.step !== lastStep && lastStep !== '') stream.write('');
      lastStep = p.step;
      lastDecile = decile;
    },
    done(): void {
      if (tty) stream.write('\n');
    },
  };
}
